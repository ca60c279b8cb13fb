package dev.pryx.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * A local LLM server for tests that need one in another process: pryx's launcher talks to it over
 * a real socket, and the test can kill it to see what a dead server looks like. It speaks the two
 * APIs local servers offer, from their public documentation (the bodies are written here):
 *
 * <pre>
 * GET /api/version   Ollama: {"version": "0.12.3"}
 * GET /api/tags      Ollama: the pulled models, with size, digest and details (family, quantization, ...)
 * GET /v1/models     OpenAI-compatible: {"object": "list", "data": [{"id", "object", "created", "owned_by"}]}
 * </pre>
 *
 * <pre>
 * java -cp &lt;test classpath&gt; dev.pryx.testing.FakeProviderServer [ok|server-error|rate-limited|not-json]
 * </pre>
 *
 * <p>The mode argument makes every route fail in one way: a 500, a 429 with {@code Retry-After},
 * or a 200 whose body is an HTML page (a captive portal). When the environment variable
 * {@value #KEY_VARIABLE} is set, {@code /v1/} routes want {@code Authorization: Bearer <it>} and
 * answer 401 with an OpenAI-style error body otherwise; the key never travels in the arguments,
 * where any user of the machine could read it. A wrong key is echoed back in the error message,
 * as the least careful servers do, so that a test sees pryx redact it. Ollama's routes take no key.
 *
 * <p>On stdout: first the port alone on one line (it binds 127.0.0.1 on an ephemeral port), then
 * one line per request, printed before the answer is sent: {@code GET /v1/models auth=match 200}
 * ({@code auth} is {@code none}, {@code match} or {@code wrong}; never the header's value). It
 * serves until its stdin reaches its end, so it ends with the test that started it even when that
 * test's JVM dies.
 */
public final class FakeProviderServer {
    /** The environment variable holding the key {@code /v1/} routes expect. */
    public static final String KEY_VARIABLE = "PRYX_FAKE_PROVIDER_KEY";
    public static final String OLLAMA_VERSION = "0.12.3";
    public static final int OLLAMA_MODEL_COUNT = 3;
    public static final int OPENAI_MODEL_COUNT = 2;
    public static final int RETRY_AFTER_SECONDS = 7;

    /** How every route answers. */
    public enum Mode {
        OK, SERVER_ERROR, RATE_LIMITED, NOT_JSON;

        /** The program argument that selects this mode, e.g. {@code server-error}. */
        public String argument() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Mode of(String argument) {
            for (Mode m : values()) {
                if (m.argument().equals(argument)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown mode " + argument + " (ok, server-error, rate-limited, not-json)");
        }
    }

    // Ollama's GET /api/tags, as its API reference describes it (names, sizes and digests made up here).
    static final String OLLAMA_TAGS = """
            {"models": [
              {"name": "llama3.1:8b", "model": "llama3.1:8b", "modified_at": "2025-09-30T10:15:42.518806-07:00",
               "size": 4920753328,
               "digest": "46e0c10c039e019119339687c3c1757cc81b9da49709a3b3924863ba87ca666e",
               "details": {"parent_model": "", "format": "gguf", "family": "llama", "families": ["llama"],
                           "parameter_size": "8.0B", "quantization_level": "Q4_K_M"}},
              {"name": "qwen2.5-coder:7b", "model": "qwen2.5-coder:7b", "modified_at": "2025-09-12T08:02:11.0071-07:00",
               "size": 4683087332,
               "digest": "dae161e27b0e90dd1856c8bb3209201fd6736d8eb66298e75ed87571486f4364",
               "details": {"parent_model": "", "format": "gguf", "family": "qwen2", "families": ["qwen2"],
                           "parameter_size": "7.6B", "quantization_level": "Q4_K_M"}},
              {"name": "nomic-embed-text:latest", "model": "nomic-embed-text:latest",
               "modified_at": "2025-08-02T17:44:09.25013-07:00", "size": 274302450,
               "digest": "0a109f422b47e3a30ba2b10eca18548e944e8a23073ee3f3e947efcf3c45e59f",
               "details": {"parent_model": "", "format": "gguf", "family": "nomic-bert", "families": ["nomic-bert"],
                           "parameter_size": "137M", "quantization_level": "F16"}}
            ]}
            """;

    // The OpenAI "list models" shape, as vLLM and other OpenAI-compatible servers answer it.
    static final String OPENAI_MODELS = """
            {"object": "list", "data": [
              {"id": "meta-llama/Llama-3.1-8B-Instruct", "object": "model", "created": 1727712000, "owned_by": "vllm"},
              {"id": "Qwen/Qwen2.5-Coder-7B-Instruct", "object": "model", "created": 1727712000, "owned_by": "vllm"}
            ]}
            """;

    static final String CAPTIVE_PORTAL = """
            <!DOCTYPE html>
            <html><head><title>Sign in to Guest Wi-Fi</title></head>
            <body><form method="post" action="/login"><p>Accept the terms to continue.</p>
            <button type="submit">Connect</button></form></body></html>
            """;

    private static final Set<String> ROUTES = Set.of("/api/version", "/api/tags", "/v1/models");

    private final Mode mode;
    private final byte[] expectedAuthorization;
    private final PrintStream out;

    FakeProviderServer(Mode mode, String key, PrintStream out) {
        this.mode = mode;
        this.expectedAuthorization = key == null ? null : ("Bearer " + key).getBytes(StandardCharsets.UTF_8);
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        Mode mode = args.length == 0 ? Mode.OK : Mode.of(args[0]);
        FakeProviderServer fake = new FakeProviderServer(mode, System.getenv(KEY_VARIABLE), System.out);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", fake::handle);
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
        try {
            System.in.transferTo(OutputStream.nullOutputStream());
        } finally {
            server.stop(0);
        }
        System.exit(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String auth = auth(authorization);
            Answer answer = answer(exchange.getRequestMethod(), path, auth, authorization);
            synchronized (out) {
                out.println(exchange.getRequestMethod() + " " + path + " auth=" + auth + " " + answer.status());
                out.flush();
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            if (answer.status() == 429) {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            }
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    private record Answer(int status, String contentType, String body) {
        static Answer json(int status, String body) {
            return new Answer(status, "application/json; charset=utf-8", body);
        }
    }

    private Answer answer(String method, String path, String auth, String authorization) {
        if (!ROUTES.contains(path)) {
            return new Answer(404, "text/plain; charset=utf-8", "404 page not found");
        }
        boolean openAi = path.startsWith("/v1/");
        if (!method.equals("GET")) {
            return new Answer(405, "text/plain; charset=utf-8", "405 method not allowed");
        }
        if (openAi && expectedAuthorization != null && !auth.equals("match")) {
            return Answer.json(401, auth.equals("none")
                    ? openAiError("You didn't provide an API key. Send it in an Authorization header (Authorization: Bearer YOUR_KEY).",
                            "invalid_request_error", null)
                    : openAiError("Incorrect API key provided: " + presented(authorization) + ". Check the key in the server's settings.",
                            "invalid_request_error", "invalid_api_key"));
        }
        return switch (mode) {
            case OK -> Answer.json(200, switch (path) {
                case "/api/version" -> "{\"version\": \"" + OLLAMA_VERSION + "\"}";
                case "/api/tags" -> OLLAMA_TAGS;
                default -> OPENAI_MODELS;
            });
            case SERVER_ERROR -> Answer.json(500, openAi
                    ? openAiError("The server had an error while processing your request. Sorry about that!", "server_error", null)
                    : "{\"error\": \"llama runner process has terminated: exit status 2\"}");
            case RATE_LIMITED -> Answer.json(429, openAi
                    ? openAiError("Rate limit reached for requests. Please try again in " + RETRY_AFTER_SECONDS + "s.",
                            "requests", "rate_limit_exceeded")
                    : "{\"error\": \"server busy, please try again. maximum pending requests exceeded\"}");
            case NOT_JSON -> new Answer(200, "text/html; charset=utf-8", CAPTIVE_PORTAL);
        };
    }

    /** {@code none}, {@code match} or {@code wrong}; without an expected key, any key {@code match}es. */
    private String auth(String authorization) {
        if (authorization == null) {
            return "none";
        }
        if (expectedAuthorization == null) {
            return "match";
        }
        return MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8)) ? "match" : "wrong";
    }

    /** The key as the client sent it: what a careless server repeats in its error. */
    private static String presented(String authorization) {
        return authorization.startsWith("Bearer ") ? authorization.substring("Bearer ".length()) : authorization;
    }

    private static String openAiError(String message, String type, String code) {
        return "{\"error\": {\"message\": " + quote(message) + ", \"type\": " + quote(type) + ", \"param\": null, \"code\": "
                + (code == null ? "null" : quote(code)) + "}}";
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20) {
                q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
