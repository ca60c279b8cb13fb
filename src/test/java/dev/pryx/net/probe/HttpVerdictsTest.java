package dev.pryx.net.probe;

import static dev.pryx.net.probe.ProbeFixtures.ID;
import static dev.pryx.net.probe.ProbeFixtures.NAME;
import static dev.pryx.net.probe.ProbeFixtures.assertFirstRequest;
import static dev.pryx.net.probe.ProbeFixtures.enqueueOk;
import static dev.pryx.net.probe.ProbeFixtures.error;
import static dev.pryx.net.probe.ProbeFixtures.json;
import static dev.pryx.net.probe.ProbeFixtures.run;
import static dev.pryx.net.probe.ProbeFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind against every answer an HTTP server can give: the request it sends, and the verdict,
 * message and hint it turns each answer into. Kind-specific answers (Gemini's 400 for a bad key,
 * Ollama's two requests, pagination) have their own classes.
 */
@DisplayName("every kind, every HTTP answer")
class HttpVerdictsTest {
    private static final String HINT_SET_KEY = "Check that the key was copied whole and belongs to this provider, or create a "
            + "new key in the provider's console and run `pryx provider set-key acme`.";
    private static final String HINT_WAIT_TAIL = " and test again; if it keeps happening, check the account's rate limits, "
            + "quota and billing.";

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    /** The one request an error answer ends a probe with (Ollama stops after /api/version). */
    private RecordedRequest onlyRequest(ProbeKind kind) throws InterruptedException {
        RecordedRequest r = server.takeRequest();
        assertFirstRequest(r, kind);
        assertThat(server.getRequestCount()).as("no second request after a failure").isEqualTo(1);
        return r;
    }

    /** A 401, 429 and 503 whose detail ends in each of the ways a sentence can end, and the message's end. */
    private static Stream<Arguments> kindsAndSentenceEndings() {
        return Arrays.stream(ProbeKind.values()).flatMap(k -> Stream.of(
                Arguments.of(k, 503, "Sorry about that!", "Sorry about that!"),
                Arguments.of(k, 401, "Did you mean to send a key?", "Did you mean to send a key?"),
                Arguments.of(k, 429, "Slow down!!", "Slow down!!"),
                Arguments.of(k, 503, "Warming up...", "Warming up..."),
                Arguments.of(k, 503, "Overloaded.", "Overloaded."),
                Arguments.of(k, 503, "Overloaded", "Overloaded.")));
    }

    private static Stream<Arguments> kindsAndServerErrors() {
        return Arrays.stream(ProbeKind.values()).flatMap(k -> Stream.of(500, 502, 503, 529).map(s -> Arguments.of(k, s)));
    }

    @Nested
    @DisplayName("a working provider is OK")
    class Ok {

        @ParameterizedTest(name = "{0}")
        @EnumSource(ProbeKind.class)
        @DisplayName("with the model count, the request as documented, and nothing to do")
        void ok(ProbeKind kind) throws Exception {
            enqueueOk(server, kind);
            ProbeResult r = run(server, kind);

            assertFirstRequest(server.takeRequest(), kind);
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.ok()).isTrue();
            assertThat(r.kind()).isEqualTo(kind);
            assertThat(r.httpStatus()).isEqualTo(200);
            assertThat(r.keySent()).isTrue();
            assertThat(r.modelCount()).isEqualTo(spec(kind).count());
            assertThat(r.retryAfter()).isNull();
            assertThat(r.latency().isNegative()).isFalse();
            String expected = switch (kind) {
                case OPENAI_MODELS -> "Acme accepted the key and lists 3 models.";
                case ANTHROPIC_MODELS -> "Acme accepted the key and lists 2 models.";
                case GEMINI_MODELS -> "Acme accepted the key and lists 4 models.";
                case OPENROUTER_KEY -> "Acme accepted the key.";
                case OLLAMA -> "Acme accepted the key and lists 2 models (version 0.5.7).";
            };
            assertThat(r.message(NAME)).isEqualTo(expected);
            assertThat(r.hint(ID)).isEqualTo("Nothing to do: it is ready to use.");
        }
    }

    @Nested
    @DisplayName("401 is an invalid key")
    class InvalidKey {

        @ParameterizedTest(name = "{0}")
        @EnumSource(ProbeKind.class)
        @DisplayName("with the provider's own words and how to set a new key")
        void unauthorized(ProbeKind kind) throws Exception {
            server.enqueue(json(401, error(kind, 401, "invalid x-api-key")));
            ProbeResult r = run(server, kind);

            onlyRequest(kind);
            assertThat(r.verdict()).isEqualTo(Verdict.INVALID_KEY);
            assertThat(r.httpStatus()).isEqualTo(401);
            assertThat(r.detail()).isEqualTo("invalid x-api-key");
            assertThat(r.modelCount()).isNull();
            assertThat(r.message(NAME)).isEqualTo("Acme rejected the key (401): invalid x-api-key.");
            assertThat(r.hint(ID)).isEqualTo(HINT_SET_KEY);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ProbeKind.class)
        @DisplayName("without a body, the status alone says it")
        void noBody(ProbeKind kind) throws Exception {
            server.enqueue(new MockResponse().setResponseCode(401));
            ProbeResult r = run(server, kind);

            onlyRequest(kind);
            assertThat(r.verdict()).isEqualTo(Verdict.INVALID_KEY);
            assertThat(r.detail()).isNull();
            assertThat(r.message(NAME)).isEqualTo("Acme rejected the key (401).");
        }
    }

    @Nested
    @DisplayName("403 is a missing permission")
    class NoPermission {

        @ParameterizedTest(name = "{0}")
        @EnumSource(ProbeKind.class)
        @DisplayName("with a hint that fits the provider")
        void forbidden(ProbeKind kind) throws Exception {
            server.enqueue(json(403, error(kind, 403, "Your API key does not have permission to use the specified resource.")));
            ProbeResult r = run(server, kind);

            onlyRequest(kind);
            assertThat(r.verdict()).isEqualTo(Verdict.NO_PERMISSION);
            assertThat(r.httpStatus()).isEqualTo(403);
            assertThat(r.message(NAME)).isEqualTo(
                    "Acme refused access with this key (403): Your API key does not have permission to use the specified resource.");
            assertThat(r.hint(ID)).isEqualTo(switch (kind) {
                case GEMINI_MODELS -> "In the Google Cloud console, check that the Generative Language API is enabled for the "
                        + "key's project and that the key's API and IP restrictions allow it.";
                case OLLAMA -> "Check the access rules of whatever guards this Ollama server (a reverse proxy, or its "
                        + "OLLAMA_ORIGINS setting).";
                default -> "Check the key's permissions in the provider's console (a restricted key needs read access to "
                        + "models; some providers also limit regions or IP addresses), or use a key with full access.";
            });
        }
    }

    @Nested
    @DisplayName("404 and redirects are a wrong base URL")
    class WrongBaseUrl {

        @ParameterizedTest(name = "{0}")
        @EnumSource(ProbeKind.class)
        @DisplayName("404 names the URL tried and shows what a base URL looks like")
        void notFound(ProbeKind kind) throws Exception {
            server.enqueue(new MockResponse().setResponseCode(404).setBody("404 page not found"));
            ProbeResult r = run(server, kind);

            onlyRequest(kind);
            String tried = server.url(spec(kind).firstPath().replaceAll("\\?.*", "")).toString();
            assertThat(r.verdict()).isEqualTo(Verdict.WRONG_BASE_URL);
            assertThat(r.httpStatus()).isEqualTo(404);
            assertThat(r.endpoint()).isEqualTo(tried);
            assertThat(r.detail()).isEqualTo("404 page not found");
            assertThat(r.message(NAME)).isEqualTo("Acme has nothing at " + tried + " (404), so the base URL looks wrong.");
            assertThat(r.hint(ID)).isEqualTo("Set the API's base URL with `pryx provider set-config acme --base-url URL` "
                    + "(for example " + kind.exampleBaseUrl() + "; " + kind.baseUrlTip() + ").");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ProbeKind.class)
        @DisplayName("a redirect is not followed (the key would go with it) and its target is named")
        void redirect(ProbeKind kind) throws Exception {
            server.enqueue(new MockResponse().setResponseCode(301)
                    .setHeader("Location", "https://api.moved.example/v2/models?token=abc#frag"));
            ProbeResult r = run(server, kind);

            onlyRequest(kind);
            String tried = server.url(spec(kind).firstPath().replaceAll("\\?.*", "")).toString();
            assertThat(r.verdict()).isEqualTo(Verdict.WRONG_BASE_URL);
            assertThat(r.httpStatus()).isEqualTo(301);
            assertThat(r.detail()).isEqualTo("https://api.moved.example/v2/models");
            assertThat(r.message(NAME)).isEqualTo("Acme redirects " + tried + " to https://api.moved.example/v2/models (301), "
                    + "so the base URL looks outdated (pryx does not follow redirects with a key).");
            assertThat(r.hint(ID)).isEqualTo("Set the address it redirects to with `pryx provider set-config acme --base-url URL` "
                    + "(often https:// instead of http://).");
        }
    }

    @Nested
    @DisplayName("429 is rate limiting")
    class RateLimited {

        @ParameterizedTest(name = "{0}")
        @EnumSource(ProbeKind.class)
        @DisplayName("Retry-After in seconds says how long to wait")
        void seconds(ProbeKind kind) throws Exception {
            server.enqueue(json(429, error(kind, 429, "Rate limit reached for requests")).setHeader("Retry-After", "30"));
            ProbeResult r = run(server, kind);

            onlyRequest(kind);
            assertThat(r.verdict()).isEqualTo(Verdict.RATE_LIMITED);
            assertThat(r.httpStatus()).isEqualTo(429);
            assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(30));
            assertThat(r.message(NAME)).isEqualTo(
                    "Acme is rate-limiting this key (429) and asks to wait 30 seconds: Rate limit reached for requests.");
            assertThat(r.hint(ID)).isEqualTo("Wait 30 seconds" + HINT_WAIT_TAIL);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ProbeKind.class)
        @DisplayName("Retry-After as an HTTP-date counts from now")
        void httpDate(ProbeKind kind) throws Exception {
            server.enqueue(json(429, error(kind, 429, "Too many requests"))
                    .setHeader("Retry-After", "Sun, 01 Jun 2025 12:05:00 GMT"));
            ProbeResult r = run(server, kind);

            onlyRequest(kind);
            assertThat(r.verdict()).isEqualTo(Verdict.RATE_LIMITED);
            assertThat(r.retryAfter()).isEqualTo(Duration.ofMinutes(5));
            assertThat(r.message(NAME)).isEqualTo("Acme is rate-limiting this key (429) and asks to wait 5 minutes: Too many requests.");
            assertThat(r.hint(ID)).isEqualTo("Wait 5 minutes" + HINT_WAIT_TAIL);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ProbeKind.class)
        @DisplayName("without Retry-After, a minute")
        void unsaid(ProbeKind kind) throws Exception {
            server.enqueue(new MockResponse().setResponseCode(429));
            ProbeResult r = run(server, kind);

            onlyRequest(kind);
            assertThat(r.verdict()).isEqualTo(Verdict.RATE_LIMITED);
            assertThat(r.retryAfter()).isNull();
            assertThat(r.message(NAME)).isEqualTo("Acme is rate-limiting this key (429).");
            assertThat(r.hint(ID)).isEqualTo("Wait a minute" + HINT_WAIT_TAIL);
        }
    }

    @Nested
    @DisplayName("5xx is the provider's own failure")
    class ProviderError {

        @ParameterizedTest(name = "{0} {1}")
        @MethodSource("dev.pryx.net.probe.HttpVerdictsTest#kindsAndServerErrors")
        @DisplayName("500, 502, 503 and Anthropic's 529")
        void serverError(ProbeKind kind, int status) throws Exception {
            server.enqueue(json(status, error(kind, status, "The server had an error while processing your request.")));
            ProbeResult r = run(server, kind);

            onlyRequest(kind);
            assertThat(r.verdict()).isEqualTo(Verdict.PROVIDER_ERROR);
            assertThat(r.httpStatus()).isEqualTo(status);
            assertThat(r.message(NAME)).isEqualTo("Acme failed on its side with a server error (" + status
                    + "): The server had an error while processing your request.");
            assertThat(r.hint(ID)).isEqualTo(kind == ProbeKind.OLLAMA
                    ? "Check the Ollama server's log (the output of `ollama serve`), then test again."
                    : "Try again in a few minutes; if it persists, check the provider's status page.");
        }
    }

    @Nested
    @DisplayName("a detail that ends its own sentence")
    class DetailEndsSentence {

        @ParameterizedTest(name = "{0} {1}: \"{2}\"")
        @MethodSource("dev.pryx.net.probe.HttpVerdictsTest#kindsAndSentenceEndings")
        @DisplayName("gets no second stop: '!', '?' and an ellipsis stay as the server wrote them, a full stop is ours")
        void noSecondStop(ProbeKind kind, int status, String said, String expected) throws Exception {
            server.enqueue(json(status, error(kind, status, said)));
            ProbeResult r = run(server, kind);

            onlyRequest(kind);
            String lead = switch (status) {
                case 401 -> "Acme rejected the key (401): ";
                case 429 -> "Acme is rate-limiting this key (429): ";
                default -> "Acme failed on its side with a server error (" + status + "): ";
            };
            assertThat(r.message(NAME)).isEqualTo(lead + expected);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Verdict.class)
        @DisplayName("in no verdict's sentence, at any status: never \"!.\", \"?.\" or \"....\", and always one end mark")
        void everyVerdict(Verdict verdict) {
            for (String said : new String[] {"Sorry about that!", "Is the key right?", "Loading...", "Waiting\u2026", "Done."}) {
                for (int status : new int[] {0, 200, 301, 401, 404, 429, 500}) {
                    ProbeResult r = new ProbeResult(ProbeKind.OPENAI_MODELS, verdict, Duration.ZERO, null, null, status, true,
                            "http://localhost:8000/v1/models", said);
                    assertThat(r.message(NAME)).as("%s, status %d, detail \"%s\"", verdict, status, said)
                            .doesNotContain("!.", "?.", "....", "\u2026.", "Done..").matches("(?s).*[^.!?\u2026][.!?\u2026]|.*\\.\\.\\.");
                }
            }
        }
    }

    @Nested
    @DisplayName("an answer that is not what the kind expects is unexpected")
    class UnexpectedResponse {
        private String hint(ProbeKind kind) {
            return "Check with `pryx provider set-config acme --base-url URL` that the base URL points at the API itself "
                    + "(for example " + kind.exampleBaseUrl() + "), not a web page; a captive portal (hotel or airport Wi-Fi) "
                    + "can answer like this too.";
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ProbeKind.class)
        @DisplayName("200 with a body that is not JSON")
        void notJson(ProbeKind kind) throws Exception {
            server.enqueue(new MockResponse().setBody("OK, all systems go"));
            ProbeResult r = run(server, kind);

            onlyRequest(kind);
            assertThat(r.verdict()).isEqualTo(Verdict.UNEXPECTED_RESPONSE);
            assertThat(r.httpStatus()).isEqualTo(200);
            assertThat(r.modelCount()).isNull();
            assertThat(r.message(NAME)).isEqualTo("Acme answered (200), but not with the JSON pryx expects: the body is not JSON.");
            assertThat(r.hint(ID)).isEqualTo(hint(kind));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ProbeKind.class)
        @DisplayName("200 with a web page (a captive portal, a dashboard) names the page")
        void webPage(ProbeKind kind) throws Exception {
            server.enqueue(new MockResponse().setHeader("Content-Type", "text/html")
                    .setBody("<!DOCTYPE html>\n<html><head><title>Hotel Wi-Fi Login</title></head><body>Sign in</body></html>"));
            ProbeResult r = run(server, kind);

            onlyRequest(kind);
            assertThat(r.verdict()).isEqualTo(Verdict.UNEXPECTED_RESPONSE);
            assertThat(r.message(NAME)).isEqualTo("Acme answered (200), but not with the JSON pryx expects: "
                    + "the server sent a web page (\"Hotel Wi-Fi Login\") instead of JSON.");
            assertThat(r.hint(ID)).isEqualTo(hint(kind));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ProbeKind.class)
        @DisplayName("200 with JSON of the wrong shape says what was missing")
        void wrongShape(ProbeKind kind) throws Exception {
            server.enqueue(json(200, spec(kind).wrongShape()));
            ProbeResult r = run(server, kind);

            onlyRequest(kind);
            String missing = switch (kind) {
                case OPENAI_MODELS, ANTHROPIC_MODELS -> "\"data\" list";
                case GEMINI_MODELS -> "\"models\" list";
                case OPENROUTER_KEY -> "\"data\" object";
                case OLLAMA -> "\"version\" text";
            };
            assertThat(r.verdict()).isEqualTo(Verdict.UNEXPECTED_RESPONSE);
            assertThat(r.detail()).isEqualTo("the JSON has no " + missing);
            assertThat(r.message(NAME)).isEqualTo("Acme answered (200), but not with the JSON pryx expects: the JSON has no "
                    + missing + ".");
            assertThat(r.hint(ID)).isEqualTo(hint(kind));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ProbeKind.class)
        @DisplayName("200 with a JSON array or nothing at all")
        void arrayOrEmpty(ProbeKind kind) throws Exception {
            server.enqueue(json(200, "[1, 2, 3]"));
            server.enqueue(new MockResponse().setResponseCode(204));
            ProbeResult array = run(server, kind);
            ProbeResult empty = run(server, kind);

            assertFirstRequest(server.takeRequest(), kind);
            assertFirstRequest(server.takeRequest(), kind);
            assertThat(array.verdict()).isEqualTo(Verdict.UNEXPECTED_RESPONSE);
            assertThat(array.detail()).startsWith("the JSON is not an object with ");
            assertThat(empty.verdict()).isEqualTo(Verdict.UNEXPECTED_RESPONSE);
            assertThat(empty.httpStatus()).isEqualTo(204);
            assertThat(empty.message(NAME)).isEqualTo("Acme answered (204), but not with the JSON pryx expects: the body is empty.");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ProbeKind.class)
        @DisplayName("a status no other verdict covers, with what the server said")
        void otherStatus(ProbeKind kind) throws Exception {
            server.enqueue(json(400, error(kind, 400, "Invalid value for 'limit'")));
            ProbeResult r = run(server, kind);

            onlyRequest(kind);
            assertThat(r.verdict()).isEqualTo(Verdict.UNEXPECTED_RESPONSE);
            assertThat(r.httpStatus()).isEqualTo(400);
            assertThat(r.message(NAME)).isEqualTo("Acme answered with an unexpected status (400): Invalid value for 'limit'.");
            assertThat(r.hint(ID)).isEqualTo("Check the base URL with `pryx provider set-config acme --base-url URL` and test "
                    + "again; the detail says what the server objected to.");
        }
    }

    @Nested
    @DisplayName("without a key")
    class WithoutKey {

        @ParameterizedTest(name = "{0}")
        @EnumSource(ProbeKind.class)
        @DisplayName("no auth header goes out, and 401 or 403 means a key is required")
        void keyRequired(ProbeKind kind) throws Exception {
            server.enqueue(json(401, error(kind, 401, "unauthorized")));
            server.enqueue(json(403, error(kind, 403, "Method doesn't allow unregistered callers")));
            ProbeResult r401 = ProbeFixtures.runWithoutKey(server, kind);
            ProbeResult r403 = ProbeFixtures.runWithoutKey(server, kind);

            for (int i = 0; i < 2; i++) {
                RecordedRequest req = server.takeRequest();
                assertThat(req.getPath()).isEqualTo(spec(kind).firstPath());
                assertThat(req.getHeader("Authorization")).isNull();
                assertThat(req.getHeader("x-api-key")).isNull();
                assertThat(req.getHeader("x-goog-api-key")).isNull();
            }
            String at = server.getHostName() + ":" + server.getPort();
            assertThat(r401.verdict()).isEqualTo(Verdict.KEY_REQUIRED);
            assertThat(r401.keySent()).isFalse();
            assertThat(r401.message(NAME)).isEqualTo("Acme at " + at + " asks for a key (401), and none is set: unauthorized.");
            assertThat(r401.hint(ID)).isEqualTo("Create a key (at the provider, or in the server's own settings) and store it "
                    + "with `pryx provider set-key acme`.");
            assertThat(r403.verdict()).isEqualTo(Verdict.KEY_REQUIRED);
            assertThat(r403.httpStatus()).isEqualTo(403);
        }
    }
}
