package dev.pryx.net.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.support.Secret;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * What each kind sends and what its provider answers, as the providers' public API docs show it,
 * plus the key every test uses (it contains LEAKCHECK, which {@code SecretLeakIT} hunts for).
 */
final class ProbeFixtures {
    static final String KEY = "sk-test-LEAKCHECK-probe-0123456789abcdef";
    static final String NAME = "Acme";
    static final String ID = "acme";
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** One base client for all tests: probes derive from it, as production derives from the shared client. */
    static final OkHttpClient BASE = new OkHttpClient();

    /**
     * One kind's side of the conversation.
     *
     * @param basePath   where the API lives on the test server ({@code /v1} for https://api.openai.com/v1)
     * @param firstPath  the first request's path and query
     * @param authHeader the header that carries the key, and its value
     * @param ok         the answers a working provider gives, in order (two for Ollama)
     * @param count      the models the OK answer lists, or null
     * @param wrongShape valid JSON without what the kind expects
     */
    record Spec(ProbeKind kind, String basePath, String firstPath, String authHeader, String authValue, List<String> ok,
                Integer count, String wrongShape) {
    }

    static final Map<ProbeKind, Spec> SPECS = Map.of(
            ProbeKind.OPENAI_MODELS, new Spec(ProbeKind.OPENAI_MODELS, "/v1", "/v1/models", "Authorization", "Bearer " + KEY,
                    List.of("""
                            {"object": "list", "data": [
                              {"id": "gpt-4o", "object": "model", "created": 1715367049, "owned_by": "system"},
                              {"id": "gpt-4o-mini", "object": "model", "created": 1721172741, "owned_by": "system"},
                              {"id": "o3-mini", "object": "model", "created": 1737146383, "owned_by": "system"}]}
                            """), 3, "{\"object\": \"list\", \"models\": []}"),
            ProbeKind.ANTHROPIC_MODELS, new Spec(ProbeKind.ANTHROPIC_MODELS, "/v1", "/v1/models?limit=1000", "x-api-key", KEY,
                    List.of("""
                            {"data": [
                              {"type": "model", "id": "claude-sonnet-4-20250514", "display_name": "Claude Sonnet 4",
                               "created_at": "2025-05-22T00:00:00Z"},
                              {"type": "model", "id": "claude-3-5-haiku-20241022", "display_name": "Claude Haiku 3.5",
                               "created_at": "2024-10-22T00:00:00Z"}],
                             "has_more": false, "first_id": "claude-sonnet-4-20250514", "last_id": "claude-3-5-haiku-20241022"}
                            """), 2, "{\"data\": {\"id\": \"claude-sonnet-4-20250514\"}}"),
            ProbeKind.GEMINI_MODELS, new Spec(ProbeKind.GEMINI_MODELS, "/v1beta", "/v1beta/models?pageSize=1000", "x-goog-api-key",
                    KEY, List.of("""
                            {"models": [
                              {"name": "models/gemini-2.5-flash", "version": "001", "displayName": "Gemini 2.5 Flash",
                               "inputTokenLimit": 1048576, "outputTokenLimit": 65536,
                               "supportedGenerationMethods": ["generateContent", "countTokens"]},
                              {"name": "models/gemini-2.5-pro", "version": "2.5", "displayName": "Gemini 2.5 Pro",
                               "inputTokenLimit": 1048576, "outputTokenLimit": 65536,
                               "supportedGenerationMethods": ["generateContent", "countTokens"]},
                              {"name": "models/text-embedding-004", "version": "004", "displayName": "Text Embedding 004",
                               "supportedGenerationMethods": ["embedContent"]},
                              {"name": "models/gemma-3-27b-it", "version": "001", "displayName": "Gemma 3 27B",
                               "supportedGenerationMethods": ["generateContent"]}]}
                            """), 4, "{\"data\": []}"),
            ProbeKind.OPENROUTER_KEY, new Spec(ProbeKind.OPENROUTER_KEY, "/api/v1", "/api/v1/key", "Authorization", "Bearer " + KEY,
                    List.of("""
                            {"data": {"label": "sk-or-v1-e3f...9a1", "limit": null, "usage": 0.2513, "is_free_tier": false,
                             "limit_remaining": null, "is_provisioning_key": false,
                             "rate_limit": {"requests": 10, "interval": "10s"}}}
                            """), null, "{\"data\": [\"not\", \"an\", \"object\"]}"),
            ProbeKind.OLLAMA, new Spec(ProbeKind.OLLAMA, "/", "/api/version", "Authorization", "Bearer " + KEY,
                    List.of("{\"version\": \"0.5.7\"}", """
                            {"models": [
                              {"name": "llama3.2:latest", "model": "llama3.2:latest", "modified_at": "2025-01-10T10:00:00Z",
                               "size": 2019393189, "digest": "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72",
                               "details": {"format": "gguf", "family": "llama", "parameter_size": "3.2B",
                                           "quantization_level": "Q4_K_M"}},
                              {"name": "qwen2.5:7b", "model": "qwen2.5:7b", "modified_at": "2025-01-09T10:00:00Z",
                               "size": 4683087332, "digest": "845dbda0ea48ed749caafd9e6037047aa19acfcfd82e704d7ca97d631a0b697e",
                               "details": {"format": "gguf", "family": "qwen2", "parameter_size": "7.6B",
                                           "quantization_level": "Q4_K_M"}}]}
                            """), 2, "{\"name\": \"ollama\"}"));

    private ProbeFixtures() {
    }

    static Spec spec(ProbeKind kind) {
        return SPECS.get(kind);
    }

    static Secret key() {
        return Secret.adopt(KEY.toCharArray());
    }

    static ConnectionProbe probe() {
        return probe(BASE);
    }

    static ConnectionProbe probe(OkHttpClient client) {
        return new ConnectionProbe(client, Duration.ofSeconds(5), Duration.ofSeconds(10), CLOCK);
    }

    static String baseUrl(MockWebServer server, ProbeKind kind) {
        return server.url(spec(kind).basePath()).toString();
    }

    /** Probes {@code kind} at {@code server} with {@link #KEY}, closing the key afterwards. */
    static ProbeResult run(MockWebServer server, ProbeKind kind) {
        return run(probe(), server, kind);
    }

    static ProbeResult run(ConnectionProbe probe, MockWebServer server, ProbeKind kind) {
        try (Secret key = key()) {
            return probe.probe(new ProbeRequest(kind, baseUrl(server, kind), key));
        }
    }

    static ProbeResult runWithoutKey(MockWebServer server, ProbeKind kind) {
        return probe().probe(ProbeRequest.withoutKey(kind, baseUrl(server, kind)));
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    /** Queues a working provider's answers. */
    static void enqueueOk(MockWebServer server, ProbeKind kind) {
        for (String body : spec(kind).ok()) {
            server.enqueue(json(200, body));
        }
    }

    /** An error body in the shape {@code kind}'s provider uses. */
    static String error(ProbeKind kind, int status, String message) {
        String m = "\"" + message.replace("\"", "\\\"") + "\"";
        return switch (kind) {
            case OPENAI_MODELS -> "{\"error\": {\"message\": " + m + ", \"type\": \"invalid_request_error\", \"param\": null, "
                    + "\"code\": null}}";
            case ANTHROPIC_MODELS -> "{\"type\": \"error\", \"error\": {\"type\": \"" + anthropicType(status) + "\", \"message\": "
                    + m + "}}";
            case GEMINI_MODELS -> "{\"error\": {\"code\": " + status + ", \"message\": " + m + ", \"status\": \""
                    + googleStatus(status) + "\"}}";
            case OPENROUTER_KEY -> "{\"error\": {\"message\": " + m + ", \"code\": " + status + "}}";
            case OLLAMA -> "{\"error\": " + m + "}";
        };
    }

    private static String anthropicType(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
    }

    private static String googleStatus(int status) {
        return switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            default -> "INTERNAL";
        };
    }

    /**
     * Checks the first request a probe of {@code kind} makes: a GET to the kind's path, the key in
     * its header (and the Anthropic version), nothing of the key in the URL.
     */
    static void assertFirstRequest(RecordedRequest r, ProbeKind kind) {
        Spec s = spec(kind);
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getPath()).isEqualTo(s.firstPath());
        assertThat(r.getHeader(s.authHeader())).isEqualTo(s.authValue());
        assertThat(r.getHeader("Accept")).isEqualTo("application/json");
        assertThat(r.getRequestUrl().toString()).doesNotContain("LEAKCHECK").doesNotContain("key=");
        if (kind == ProbeKind.ANTHROPIC_MODELS) {
            assertThat(r.getHeader("anthropic-version")).isEqualTo("2023-06-01");
            assertThat(r.getHeader("Authorization")).isNull();
        } else {
            assertThat(r.getHeader("anthropic-version")).isNull();
        }
        if (kind == ProbeKind.GEMINI_MODELS) {
            assertThat(r.getHeader("Authorization")).isNull();
        }
        if (!s.authHeader().equals("x-api-key")) {
            assertThat(r.getHeader("x-api-key")).isNull();
        }
    }

    /** A local port nothing listens on (bound, then released). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Every text a result can show, for leak checks. */
    static String everything(ProbeResult r) {
        return r + "\n" + r.message() + "\n" + r.message(NAME) + "\n" + r.hint() + "\n" + r.hint(ID) + "\n" + r.detail() + "\n"
                + r.endpoint();
    }
}
