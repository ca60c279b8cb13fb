package dev.pryx.net.probe;

import static dev.pryx.net.probe.ProbeFixtures.KEY;
import static dev.pryx.net.probe.ProbeFixtures.NAME;
import static dev.pryx.net.probe.ProbeFixtures.json;
import static dev.pryx.net.probe.ProbeFixtures.key;
import static dev.pryx.net.probe.ProbeFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.support.Secret;
import java.io.IOException;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("anthropic-models: GET {base}/models with x-api-key and anthropic-version")
class AnthropicModelsProbeTest {
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
            return probe().probe(new ProbeRequest(ProbeKind.ANTHROPIC_MODELS, server.url("/v1").toString(), k, auth));
        }
    }

    @Nested
    @DisplayName("the request")
    class Request {

        @Test
        @DisplayName("asks for the whole list in one page (limit=1000)")
        void onePage() throws Exception {
            server.enqueue(json(200, ProbeFixtures.spec(ProbeKind.ANTHROPIC_MODELS).ok().get(0)));
            run(ProbeRequest.AuthStyle.API_KEY);

            RecordedRequest r = server.takeRequest();
            assertThat(r.getRequestUrl().queryParameter("limit")).isEqualTo("1000");
            assertThat(r.getHeader("x-api-key")).isEqualTo(KEY);
            assertThat(r.getHeader("anthropic-version")).isEqualTo("2023-06-01");
        }

        @Test
        @DisplayName("an OAuth token goes as Authorization: Bearer, still with anthropic-version, and no x-api-key")
        void bearer() throws Exception {
            server.enqueue(json(200, "{\"data\": [], \"has_more\": false}"));
            run(ProbeRequest.AuthStyle.BEARER);

            RecordedRequest r = server.takeRequest();
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(r.getHeader("x-api-key")).isNull();
            assertThat(r.getHeader("anthropic-version")).isEqualTo("2023-06-01");
        }
    }

    @Nested
    @DisplayName("the answer")
    class Answer {

        @Test
        @DisplayName("more pages (has_more: true) means the count is not known")
        void morePages() {
            server.enqueue(json(200, """
                    {"data": [{"type": "model", "id": "claude-opus-4-20250514"}], "has_more": true,
                     "first_id": "claude-opus-4-20250514", "last_id": "claude-opus-4-20250514"}"""));
            ProbeResult r = run(ProbeRequest.AuthStyle.API_KEY);

            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.modelCount()).isNull();
            assertThat(r.message(NAME)).isEqualTo("Acme accepted the key.");
            assertThat(r.message()).isEqualTo("Anthropic accepted the key.");
        }

        @Test
        @DisplayName("401 authentication_error shows Anthropic's words")
        void invalidKey() {
            server.enqueue(json(401, """
                    {"type": "error", "error": {"type": "authentication_error", "message": "invalid x-api-key"}}"""));
            ProbeResult r = run(ProbeRequest.AuthStyle.API_KEY);

            assertThat(r.verdict()).isEqualTo(Verdict.INVALID_KEY);
            assertThat(r.message()).isEqualTo("Anthropic rejected the key (401): invalid x-api-key.");
        }

        @Test
        @DisplayName("529 overloaded_error is the provider's failure")
        void overloaded() {
            server.enqueue(json(529, "{\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", \"message\": \"Overloaded\"}}"));
            ProbeResult r = run(ProbeRequest.AuthStyle.API_KEY);

            assertThat(r.verdict()).isEqualTo(Verdict.PROVIDER_ERROR);
            assertThat(r.message()).isEqualTo("Anthropic failed on its side with a server error (529): Overloaded.");
        }

        @Test
        @DisplayName("an error object without a message falls back to its type")
        void typeOnly() {
            server.enqueue(json(403, "{\"type\": \"error\", \"error\": {\"type\": \"permission_error\"}}"));
            ProbeResult r = run(ProbeRequest.AuthStyle.API_KEY);

            assertThat(r.verdict()).isEqualTo(Verdict.NO_PERMISSION);
            assertThat(r.detail()).isEqualTo("permission_error");
        }
    }
}
