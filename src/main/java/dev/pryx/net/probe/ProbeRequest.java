package dev.pryx.net.probe;

import dev.pryx.support.PryxException;
import dev.pryx.support.Secret;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * One connection test to run.
 *
 * @param kind    how to test (which request, which headers, which answer counts as OK)
 * @param baseUrl the provider's API base, e.g. {@code https://api.openai.com/v1} or
 *                {@code http://localhost:11434}; http or https only (checked here)
 * @param key     the key or token to send, or null to send none (Ollama, local OpenAI-compatible
 *                servers). Borrowed, not owned: the caller closes it, after
 *                {@link ConnectionProbe#probe} returns. An empty key counts as a key (and fails).
 * @param auth    how the key is sent
 */
public record ProbeRequest(ProbeKind kind, String baseUrl, Secret key, AuthStyle auth) {

    /** How the key travels. */
    public enum AuthStyle {
        /**
         * The kind's documented API-key header: {@code Authorization: Bearer} for OpenAI-style
         * APIs, OpenRouter and Ollama, {@code x-api-key} for Anthropic, {@code x-goog-api-key}
         * for Gemini. Never a URL query parameter.
         */
        API_KEY,
        /** An OAuth access token, sent as {@code Authorization: Bearer} whatever the kind. */
        BEARER
    }

    /**
     * @throws PryxException (usage) when the base URL is not an http or https URL; the message
     *                       does not repeat the URL, which may carry credentials
     */
    public ProbeRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(auth, "auth");
        baseUrl = baseUrl == null ? null : baseUrl.strip();
        if (baseUrl == null || HttpUrl.parse(baseUrl) == null) {
            throw new PryxException(PryxException.Kind.USAGE, "The base URL is not an http:// or https:// URL. Set one like "
                    + kind.exampleBaseUrl() + " with `pryx provider set-config ID --base-url URL`.");
        }
    }

    /** A request that sends the key as the kind's API-key header. */
    public ProbeRequest(ProbeKind kind, String baseUrl, Secret key) {
        this(kind, baseUrl, key, AuthStyle.API_KEY);
    }

    /** A request that sends no key at all. */
    public static ProbeRequest withoutKey(ProbeKind kind, String baseUrl) {
        return new ProbeRequest(kind, baseUrl, null, AuthStyle.API_KEY);
    }

    public boolean hasKey() {
        return key != null;
    }

    HttpUrl url() {
        return HttpUrl.get(baseUrl);
    }

    /** Names the base URL's scheme, host and port only: its path or query might hold a secret. */
    @Override
    public String toString() {
        return "ProbeRequest[kind=" + kind.wireName() + ", baseUrl=" + url().redact() + ", key="
                + (key == null ? "none" : "[redacted]") + ", auth=" + auth + "]";
    }
}
