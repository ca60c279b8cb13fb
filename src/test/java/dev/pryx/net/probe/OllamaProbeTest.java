package dev.pryx.net.probe;

import static dev.pryx.net.probe.ProbeFixtures.ID;
import static dev.pryx.net.probe.ProbeFixtures.KEY;
import static dev.pryx.net.probe.ProbeFixtures.NAME;
import static dev.pryx.net.probe.ProbeFixtures.enqueueOk;
import static dev.pryx.net.probe.ProbeFixtures.json;
import static dev.pryx.net.probe.ProbeFixtures.key;
import static dev.pryx.net.probe.ProbeFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.support.Secret;
import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("ollama: GET {base}/api/version, then {base}/api/tags")
class OllamaProbeTest {
    private MockWebServer server;
    private String at;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        at = server.getHostName() + ":" + server.getPort();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private ProbeResult runWithoutKey(String path) {
        return probe().probe(ProbeRequest.withoutKey(ProbeKind.OLLAMA, server.url(path).toString()));
    }

    @Nested
    @DisplayName("a local server without a key")
    class Local {

        @Test
        @DisplayName("asks for the version, then the installed models, with no auth header")
        void twoRequests() throws Exception {
            enqueueOk(server, ProbeKind.OLLAMA);
            ProbeResult r = runWithoutKey("/");

            RecordedRequest version = server.takeRequest();
            RecordedRequest tags = server.takeRequest();
            assertThat(version.getMethod()).isEqualTo("GET");
            assertThat(version.getPath()).isEqualTo("/api/version");
            assertThat(tags.getMethod()).isEqualTo("GET");
            assertThat(tags.getPath()).isEqualTo("/api/tags");
            assertThat(version.getHeader("Authorization")).isNull();
            assertThat(tags.getHeader("Authorization")).isNull();

            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.keySent()).isFalse();
            assertThat(r.modelCount()).isEqualTo(2);
            assertThat(r.detail()).isEqualTo("version 0.5.7");
            assertThat(r.endpoint()).isEqualTo(server.url("/api/tags").toString());
            assertThat(r.message()).isEqualTo("Ollama answers at " + at + " and lists 2 models (version 0.5.7).");
            assertThat(r.message("Ollama (local)")).startsWith("Ollama (local) answers at ");
        }

        @Test
        @DisplayName("no models installed is still OK")
        void noModels() {
            server.enqueue(json(200, "{\"version\": \"0.6.2\"}"));
            server.enqueue(json(200, "{\"models\": []}"));
            ProbeResult r = runWithoutKey("/");

            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(r.message(NAME)).isEqualTo("Acme answers at " + at + " and lists 0 models (version 0.6.2).");
        }

        @Test
        @DisplayName("a base URL ending in /v1 (its OpenAI-compatible API) is a wrong base URL, with the root as the fix")
        void v1Base() throws Exception {
            server.enqueue(new MockResponse().setResponseCode(404).setBody("404 page not found"));
            ProbeResult r = runWithoutKey("/v1");

            assertThat(server.takeRequest().getPath()).isEqualTo("/v1/api/version");
            assertThat(r.verdict()).isEqualTo(Verdict.WRONG_BASE_URL);
            assertThat(r.hint(ID)).isEqualTo("Set the API's base URL with `pryx provider set-config acme --base-url URL` "
                    + "(for example http://localhost:11434; use the server's root, without /v1 or /api).");
        }
    }

    @Nested
    @DisplayName("when the second request fails")
    class TagsFail {

        @Test
        @DisplayName("a 500 from /api/tags is the server's failure, named at that endpoint")
        void serverError() {
            server.enqueue(json(200, "{\"version\": \"0.5.7\"}"));
            server.enqueue(json(500, "{\"error\": \"open /root/.ollama/models/manifests: permission denied\"}"));
            ProbeResult r = runWithoutKey("/");

            assertThat(r.verdict()).isEqualTo(Verdict.PROVIDER_ERROR);
            assertThat(r.endpoint()).isEqualTo(server.url("/api/tags").toString());
            assertThat(r.message()).isEqualTo(
                    "Ollama failed on its side with a server error (500): open /root/.ollama/models/manifests: permission denied.");
            assertThat(r.hint()).isEqualTo("Check the Ollama server's log (the output of `ollama serve`), then test again.");
        }

        @Test
        @DisplayName("a tags answer without a models list is unexpected")
        void wrongShape() {
            server.enqueue(json(200, "{\"version\": \"0.5.7\"}"));
            server.enqueue(json(200, "{\"tags\": []}"));
            ProbeResult r = runWithoutKey("/");

            assertThat(r.verdict()).isEqualTo(Verdict.UNEXPECTED_RESPONSE);
            assertThat(r.detail()).isEqualTo("the JSON has no \"models\" list");
        }
    }

    @Test
    @DisplayName("with a key (Ollama's cloud API, or a server behind an auth proxy), both requests carry it as Bearer")
    void withKey() throws Exception {
        enqueueOk(server, ProbeKind.OLLAMA);
        ProbeResult r;
        try (Secret k = key()) {
            r = probe().probe(new ProbeRequest(ProbeKind.OLLAMA, server.url("/").toString(), k));
        }
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(r.keySent()).isTrue();
        assertThat(r.message()).isEqualTo("Ollama accepted the key and lists 2 models (version 0.5.7).");
    }
}
