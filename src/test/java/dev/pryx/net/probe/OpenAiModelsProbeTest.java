package dev.pryx.net.probe;

import static dev.pryx.net.probe.ProbeFixtures.KEY;
import static dev.pryx.net.probe.ProbeFixtures.NAME;
import static dev.pryx.net.probe.ProbeFixtures.json;
import static dev.pryx.net.probe.ProbeFixtures.key;
import static dev.pryx.net.probe.ProbeFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.support.Secret;
import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("openai-models: GET {base}/models with Authorization: Bearer")
class OpenAiModelsProbeTest {
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

    private ProbeResult run(String baseUrl) {
        try (Secret k = key()) {
            return probe().probe(new ProbeRequest(ProbeKind.OPENAI_MODELS, baseUrl, k));
        }
    }

    @Nested
    @DisplayName("the request")
    class Request {

        @Test
        @DisplayName("a base URL with a trailing slash still asks for {base}/models")
        void trailingSlash() throws Exception {
            server.enqueue(json(200, "{\"object\": \"list\", \"data\": []}"));
            ProbeResult r = run(server.url("/v1/").toString());

            assertThat(server.takeRequest().getPath()).isEqualTo("/v1/models");
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.modelCount()).isZero();
            assertThat(r.message(NAME)).isEqualTo("Acme accepted the key and lists 0 models.");
        }

        @Test
        @DisplayName("a query on the base URL is kept, and the result's endpoint leaves it out")
        void baseQuery() throws Exception {
            server.enqueue(json(200, "{\"data\": [{\"id\": \"m\"}]}"));
            ProbeResult r = run(server.url("/openai/v1?api-version=2024-10-21").toString());

            assertThat(server.takeRequest().getPath()).isEqualTo("/openai/v1/models?api-version=2024-10-21");
            assertThat(r.modelCount()).isEqualTo(1);
            assertThat(r.message(NAME)).isEqualTo("Acme accepted the key and lists 1 model.");
            assertThat(r.endpoint()).isEqualTo(server.url("/openai/v1/models").toString());
        }

        @Test
        @DisplayName("an OAuth token goes the same way: Authorization: Bearer")
        void bearer() throws Exception {
            server.enqueue(json(200, "{\"data\": []}"));
            try (Secret k = key()) {
                probe().probe(new ProbeRequest(ProbeKind.OPENAI_MODELS, server.url("/v1").toString(), k,
                        ProbeRequest.AuthStyle.BEARER));
            }
            assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        }

        @Test
        @DisplayName("a local OpenAI-compatible server without a key (LM Studio) gets no Authorization header")
        void noKey() throws Exception {
            server.enqueue(json(200, "{\"object\": \"list\", \"data\": [{\"id\": \"qwen2.5-7b-instruct\", \"object\": \"model\", "
                    + "\"owned_by\": \"organization_owner\"}]}"));
            ProbeResult r = probe().probe(ProbeRequest.withoutKey(ProbeKind.OPENAI_MODELS, server.url("/v1").toString()));

            RecordedRequest req = server.takeRequest();
            assertThat(req.getHeader("Authorization")).isNull();
            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.keySent()).isFalse();
            assertThat(r.message(NAME)).isEqualTo("Acme answers at " + server.getHostName() + ":" + server.getPort()
                    + " and lists 1 model.");
            assertThat(r.message()).startsWith("The provider answers at ");
        }
    }

    @Nested
    @DisplayName("OpenAI's own error bodies")
    class Errors {

        @Test
        @DisplayName("401 invalid_api_key: its message, with the key it echoes redacted")
        void invalidKey() throws Exception {
            server.enqueue(json(401, """
                    {"error": {"message": "Incorrect API key provided: sk-test-************************cdef. You can find \
                    your API key at https://platform.openai.com/account/api-keys.", "type": "invalid_request_error", \
                    "param": null, "code": "invalid_api_key"}}"""));
            ProbeResult r = run(server.url("/v1").toString());

            assertThat(r.verdict()).isEqualTo(Verdict.INVALID_KEY);
            assertThat(r.detail()).startsWith("Incorrect API key provided: [redacted]***").doesNotContain("sk-test-");
            assertThat(r.message(NAME)).startsWith("Acme rejected the key (401): Incorrect API key provided: ")
                    .endsWith("https://platform.openai.com/account/api-keys.");
        }

        @Test
        @DisplayName("a quota 429 keeps the provider's explanation")
        void quota() throws Exception {
            server.enqueue(json(429, """
                    {"error": {"message": "You exceeded your current quota, please check your plan and billing details.", \
                    "type": "insufficient_quota", "param": null, "code": "insufficient_quota"}}"""));
            ProbeResult r = run(server.url("/v1").toString());

            assertThat(r.verdict()).isEqualTo(Verdict.RATE_LIMITED);
            assertThat(r.message(NAME)).isEqualTo("Acme is rate-limiting this key (429): You exceeded your current quota, "
                    + "please check your plan and billing details.");
        }

        @Test
        @DisplayName("an error that is a bare string or a top-level message still reaches the detail")
        void otherShapes() {
            server.enqueue(json(401, "{\"error\": \"Invalid API Key\"}"));
            server.enqueue(json(401, "{\"message\": \"Unauthorized\", \"request_id\": \"7c0b\"}"));
            server.enqueue(json(401, "{\"detail\": \"Could not validate credentials\"}"));
            assertThat(run(server.url("/v1").toString()).detail()).isEqualTo("Invalid API Key");
            assertThat(run(server.url("/v1").toString()).detail()).isEqualTo("Unauthorized");
            assertThat(run(server.url("/v1").toString()).detail()).isEqualTo("Could not validate credentials");
        }
    }

    @Nested
    @DisplayName("body size")
    class Size {

        @Test
        @DisplayName("a model list over 1 MiB is OK, reported as not counted")
        void longList() {
            StringBuilder body = new StringBuilder("{\"object\": \"list\", \"data\": [");
            for (int i = 0; body.length() < 2 * 1024 * 1024; i++) {
                body.append(i == 0 ? "" : ",").append("{\"id\": \"model-").append(i).append("\", \"object\": \"model\"}");
            }
            server.enqueue(json(200, body.append("]}").toString()));
            ProbeResult r = run(server.url("/v1").toString());

            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.modelCount()).isNull();
            assertThat(r.message(NAME)).isEqualTo("Acme accepted the key (the answer is over 1 MiB, so the models were not counted).");
        }

        @Test
        @DisplayName("a 50 MiB body that is not a model list is read only to 1 MiB and is unexpected")
        void hugeBody() {
            Buffer huge = new Buffer().writeUtf8("{\"object\": \"list\", \"junk\": \"");
            byte[] chunk = "x".repeat(64 * 1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (int i = 0; i < 50 * 16; i++) {
                huge.write(chunk);
            }
            server.enqueue(new MockResponse().setBody(huge.writeUtf8("\"}")));
            ProbeResult r = run(server.url("/v1").toString());

            assertThat(r.verdict()).isEqualTo(Verdict.UNEXPECTED_RESPONSE);
            assertThat(r.detail()).isEqualTo("the body is over 1 MiB and was not read to the end");
            assertThat(r.message(NAME)).isEqualTo(
                    "Acme answered (200), but not with the JSON pryx expects: the body is over 1 MiB and was not read to the end.");
        }

        @Test
        @DisplayName("a huge error body is cut, and only its start is looked at")
        void hugeErrorBody() {
            server.enqueue(new MockResponse().setResponseCode(500).setBody("E".repeat(3 * 1024 * 1024)));
            ProbeResult r = run(server.url("/v1").toString());

            assertThat(r.verdict()).isEqualTo(Verdict.PROVIDER_ERROR);
            assertThat(r.detail()).hasSize(Redaction.MAX_DETAIL + 3).endsWith("...");
        }
    }
}
