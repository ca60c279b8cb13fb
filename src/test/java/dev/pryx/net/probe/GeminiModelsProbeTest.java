package dev.pryx.net.probe;

import static dev.pryx.net.probe.ProbeFixtures.ID;
import static dev.pryx.net.probe.ProbeFixtures.KEY;
import static dev.pryx.net.probe.ProbeFixtures.NAME;
import static dev.pryx.net.probe.ProbeFixtures.json;
import static dev.pryx.net.probe.ProbeFixtures.key;
import static dev.pryx.net.probe.ProbeFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.support.Secret;
import java.io.IOException;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("gemini-models: GET {base}/models with x-goog-api-key, never ?key=")
class GeminiModelsProbeTest {
    private static final String KEY_INVALID = """
            {"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.", "status": "INVALID_ARGUMENT",
             "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID",
                          "domain": "googleapis.com", "metadata": {"service": "generativelanguage.googleapis.com"}},
                         {"@type": "type.googleapis.com/google.rpc.LocalizedMessage", "locale": "en-US",
                          "message": "API key not valid. Please pass a valid API key."}]}}""";

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

    private ProbeResult run(ProbeRequest.AuthStyle auth) {
        try (Secret k = key()) {
            return probe().probe(new ProbeRequest(ProbeKind.GEMINI_MODELS, server.url("/v1beta").toString(), k, auth));
        }
    }

    private ProbeResult run() {
        return run(ProbeRequest.AuthStyle.API_KEY);
    }

    @Nested
    @DisplayName("the request")
    class Request {

        @Test
        @DisplayName("the key goes in x-goog-api-key, the URL asks for one page of up to 1000")
        void apiKey() throws Exception {
            server.enqueue(json(200, "{\"models\": []}"));
            run();

            RecordedRequest r = server.takeRequest();
            assertThat(r.getHeader("x-goog-api-key")).isEqualTo(KEY);
            assertThat(r.getRequestUrl().queryParameterNames()).containsExactly("pageSize");
            assertThat(r.getRequestUrl().queryParameter("pageSize")).isEqualTo("1000");
            assertThat(r.getPath()).doesNotContain("LEAKCHECK");
        }

        @Test
        @DisplayName("an OAuth token goes as Authorization: Bearer, and no x-goog-api-key")
        void bearer() throws Exception {
            server.enqueue(json(200, "{\"models\": []}"));
            run(ProbeRequest.AuthStyle.BEARER);

            RecordedRequest r = server.takeRequest();
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(r.getHeader("x-goog-api-key")).isNull();
            assertThat(r.getPath()).doesNotContain("LEAKCHECK");
        }
    }

    @Nested
    @DisplayName("Google's answers")
    class Answers {

        @Test
        @DisplayName("400 API_KEY_INVALID is an invalid key, not a bad request")
        void keyInvalid() {
            server.enqueue(json(400, KEY_INVALID));
            ProbeResult r = run();

            assertThat(r.verdict()).isEqualTo(Verdict.INVALID_KEY);
            assertThat(r.httpStatus()).isEqualTo(400);
            assertThat(r.message()).isEqualTo("Google Gemini rejected the key (400): API key not valid. Please pass a valid API key.");
            assertThat(r.hint(ID)).contains("`pryx provider set-key acme`");
        }

        @Test
        @DisplayName("400 saying the key expired, without details, is an invalid key too")
        void keyExpired() {
            server.enqueue(json(400, """
                    {"error": {"code": 400, "message": "API key expired. Please renew the API key.", "status": "INVALID_ARGUMENT"}}"""));
            assertThat(run().verdict()).isEqualTo(Verdict.INVALID_KEY);
        }

        @Test
        @DisplayName("any other 400 is unexpected")
        void otherBadRequest() {
            server.enqueue(json(400, """
                    {"error": {"code": 400, "message": "Invalid page size", "status": "INVALID_ARGUMENT"}}"""));
            ProbeResult r = run();
            assertThat(r.verdict()).isEqualTo(Verdict.UNEXPECTED_RESPONSE);
            assertThat(r.detail()).isEqualTo("Invalid page size");
        }

        @Test
        @DisplayName("400 API_KEY_INVALID without a key sent means a key is required")
        void noKey() {
            server.enqueue(json(400, KEY_INVALID));
            ProbeResult r = probe().probe(ProbeRequest.withoutKey(ProbeKind.GEMINI_MODELS, server.url("/v1beta").toString()));
            assertThat(r.verdict()).isEqualTo(Verdict.KEY_REQUIRED);
        }

        @Test
        @DisplayName("403 SERVICE_DISABLED: enable the API for the key's project")
        void serviceDisabled() {
            server.enqueue(json(403, """
                    {"error": {"code": 403, "message": "Generative Language API has not been used in project 1234 before or it \
                    is disabled. Enable it by visiting the console then retry.", "status": "PERMISSION_DENIED",
                     "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "SERVICE_DISABLED"}]}}"""));
            ProbeResult r = run();

            assertThat(r.verdict()).isEqualTo(Verdict.NO_PERMISSION);
            assertThat(r.message(NAME)).startsWith("Acme refused access with this key (403): Generative Language API has not");
            assertThat(r.hint(ID)).contains("Generative Language API is enabled");
        }

        @Test
        @DisplayName("429 RESOURCE_EXHAUSTED with RetryInfo (and no Retry-After) says how long to wait")
        void retryInfo() {
            server.enqueue(json(429, """
                    {"error": {"code": 429, "message": "You exceeded your current quota.", "status": "RESOURCE_EXHAUSTED",
                     "details": [{"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": []},
                                 {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "37s"}]}}"""));
            ProbeResult r = run();

            assertThat(r.verdict()).isEqualTo(Verdict.RATE_LIMITED);
            assertThat(r.retryAfter()).isEqualTo(Duration.ofSeconds(37));
            assertThat(r.hint(ID)).startsWith("Wait 37 seconds and test again");
        }

        @Test
        @DisplayName("Retry-After wins over RetryInfo")
        void headerWins() {
            server.enqueue(json(429, """
                    {"error": {"code": 429, "status": "RESOURCE_EXHAUSTED",
                     "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "37s"}]}}""")
                    .setHeader("Retry-After", "5"));
            assertThat(run().retryAfter()).isEqualTo(Duration.ofSeconds(5));
        }

        @Test
        @DisplayName("a next page means the count is not known")
        void nextPage() {
            server.enqueue(json(200, "{\"models\": [{\"name\": \"models/gemini-2.5-flash\"}], \"nextPageToken\": \"Cg5tb2RlbHMv\"}"));
            ProbeResult r = run();

            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.modelCount()).isNull();
        }

        @Test
        @DisplayName("the front end's HTML 404 page (a wrong version in the base URL) names its title")
        void html404() {
            server.enqueue(new MockResponse().setResponseCode(404).setHeader("Content-Type", "text/html; charset=UTF-8")
                    .setBody("<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 404 (Not Found)!!1</title>\n"
                            + "  <p><b>404.</b> <ins>That's an error.</ins>"));
            ProbeResult r = run();

            assertThat(r.verdict()).isEqualTo(Verdict.WRONG_BASE_URL);
            assertThat(r.detail()).isEqualTo("web page: Error 404 (Not Found)!!1");
            assertThat(r.hint(ID)).isEqualTo("Set the API's base URL with `pryx provider set-config acme --base-url URL` (for "
                    + "example https://generativelanguage.googleapis.com/v1beta; it ends in /v1beta).");
        }
    }
}
