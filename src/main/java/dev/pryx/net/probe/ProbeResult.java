package dev.pryx.net.probe;

import java.time.Duration;

/**
 * What one connection test found. No field ever holds the key, nor a part of it: a provider's
 * error text passes through redaction before it lands in {@link #detail()}.
 *
 * @param kind       the kind that was tested
 * @param verdict    the finding
 * @param latency    from the first request's start until the verdict was known (both requests for Ollama)
 * @param modelCount the models the provider listed, or null when not known (not a list, paginated
 *                   past the first page, over the size limit, or no answer)
 * @param retryAfter how long a 429 asked to wait ({@code Retry-After} seconds or HTTP-date, or
 *                   Google's {@code RetryInfo}), or null when it did not say
 * @param httpStatus the HTTP status the verdict rests on; 0 when it rests on none (a network failure, even one
 *                   after the status line, or a key that could not be sent)
 * @param keySent    whether the request carried a key (false when it had none, or the key could not be sent)
 * @param endpoint   the last URL tried, without query, fragment or user info
 * @param detail     a short safe detail (about 200 characters at most): the
 *                   provider's own error message, what was wrong with the body, which proxy failed,
 *                   Ollama's version; null when there is nothing to add
 */
public record ProbeResult(ProbeKind kind, Verdict verdict, Duration latency, Integer modelCount, Duration retryAfter,
                          int httpStatus, boolean keySent, String endpoint, String detail) {

    public boolean ok() {
        return verdict == Verdict.OK;
    }

    /** One sentence on what was found, naming the provider by its kind's default ("The provider", "Anthropic"). */
    public String message() {
        return message(null);
    }

    /** One sentence on what was found, naming the provider {@code providerName} (e.g. "OpenAI"); null for the default. */
    public String message(String providerName) {
        return Wording.message(this, providerName == null || providerName.isBlank() ? kind.defaultName() : providerName.strip());
    }

    /** One sentence on what to do, with {@code ID} where commands need the provider's id. */
    public String hint() {
        return hint(null);
    }

    /** One sentence on what to do, with {@code providerId} in the commands it suggests; null for {@code ID}. */
    public String hint(String providerId) {
        return Wording.hint(this, providerId == null || providerId.isBlank() ? "ID" : providerId.strip());
    }
}
