package dev.pryx.provider;

import dev.pryx.net.probe.ProbeResult;
import dev.pryx.net.probe.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code pryx provider test} found, as the faces see it: the probe's verdict in plain values,
 * so that no face imports the probe package. Never holds the key, nor a part of it (the probe
 * redacts what the provider says before it becomes {@link #message()}).
 *
 * @param providerId        the provider instance id, e.g. {@code openai-work}
 * @param providerName      its display name, e.g. {@code OpenAI}
 * @param verdict           the finding as a lower-case wire name: {@code ok}, {@code invalid_key},
 *                          {@code key_required}, {@code no_permission}, {@code wrong_base_url},
 *                          {@code rate_limited}, {@code provider_error}, {@code dns_failure},
 *                          {@code connection_refused}, {@code tls_failure}, {@code timeout},
 *                          {@code proxy_failure}, {@code connection_failed}, {@code unexpected_response}
 * @param ok                whether the verdict is {@code ok}
 * @param latencyMs         how long the test took, in milliseconds
 * @param modelCount        how many models the provider listed, or null when not known
 * @param retryAfterSeconds how long a rate-limited provider asked to wait (rounded up), or null
 * @param httpStatus        the HTTP status the verdict rests on; 0 for a network failure
 * @param keySent           whether the test sent a key (false for providers that take none, and for
 *                          an OpenAI-compatible server tested without one)
 * @param endpoint          the last URL tried, without query, fragment or user info
 * @param message           one sentence on what was found
 * @param hint              one sentence on what to do
 * @param testedAt          when the test finished
 */
public record ConnectionReport(String providerId, String providerName, String verdict, boolean ok, long latencyMs,
                               Integer modelCount, Long retryAfterSeconds, int httpStatus, boolean keySent,
                               String endpoint, String message, String hint, Instant testedAt) {

    /** The wire names of the verdicts that blame the network or the provider's side, not the configuration. */
    private static final Set<String> REMOTE = EnumSet.allOf(Verdict.class).stream()
            .filter(ConnectionReport::remote).map(ConnectionReport::wireName).collect(Collectors.toUnmodifiableSet());

    /**
     * Whether the test failed because the network or the provider failed (DNS, refused, TLS,
     * timeout, proxy, a 5xx, rate limiting, an answer pryx cannot read): nothing in pryx's
     * configuration is known to be wrong, and trying later may help. False when it passed, and
     * when it found a problem with the key or the base URL. Not part of the JSON: the CLI's exit
     * code carries it (4 versus 1).
     */
    public boolean remoteFailure() {
        return REMOTE.contains(verdict);
    }

    /** What is wrong and what to do, in one or two sentences; null when the test passed. */
    public String whatIsWrong() {
        return ok ? null : message + " " + hint;
    }

    /** The report of one probe of {@code config}. */
    static ConnectionReport of(ProviderConfig config, ProbeResult r, Instant testedAt) {
        return new ConnectionReport(config.id(), config.name(), wireName(r.verdict()), r.ok(), r.latency().toMillis(),
                r.modelCount(), seconds(r.retryAfter()), r.httpStatus(), r.keySent(), r.endpoint(), r.message(config.name()),
                r.hint(config.id()), testedAt);
    }

    static String wireName(Verdict v) {
        return v.name().toLowerCase(Locale.ROOT);
    }

    /**
     * An exhaustive switch, so that a verdict added to the probe fails to compile here until
     * someone decides which exit code it earns.
     */
    static boolean remote(Verdict v) {
        return switch (v) {
            case OK, INVALID_KEY, KEY_REQUIRED, NO_PERMISSION, WRONG_BASE_URL -> false;
            case RATE_LIMITED, PROVIDER_ERROR, DNS_FAILURE, CONNECTION_REFUSED, TLS_FAILURE, TIMEOUT, PROXY_FAILURE,
                 CONNECTION_FAILED, UNEXPECTED_RESPONSE -> true;
        };
    }

    /** Whole seconds, rounded up: "retry after 0 seconds" would invite an immediate retry. */
    private static Long seconds(Duration d) {
        if (d == null) {
            return null;
        }
        return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    }
}
