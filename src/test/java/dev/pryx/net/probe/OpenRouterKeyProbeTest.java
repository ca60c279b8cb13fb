package dev.pryx.net.probe;

import static dev.pryx.net.probe.ProbeFixtures.KEY;
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
import org.junit.jupiter.api.Test;

@DisplayName("openrouter-key: GET {base}/key with Authorization: Bearer")
class OpenRouterKeyProbeTest {
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

    private ProbeResult run() {
        try (Secret k = key()) {
            return probe().probe(new ProbeRequest(ProbeKind.OPENROUTER_KEY, server.url("/api/v1").toString(), k));
        }
    }

    @Test
    @DisplayName("asks about the key itself, which costs nothing, and counts no models")
    void keyInfo() throws Exception {
        server.enqueue(json(200, ProbeFixtures.spec(ProbeKind.OPENROUTER_KEY).ok().get(0)));
        ProbeResult r = run();

        RecordedRequest req = server.takeRequest();
        assertThat(req.getPath()).isEqualTo("/api/v1/key");
        assertThat(req.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.modelCount()).isNull();
        assertThat(r.detail()).isNull();
        assertThat(r.message()).isEqualTo("OpenRouter accepted the key.");
    }

    @Test
    @DisplayName("a free-tier key with a limit is OK too")
    void freeTier() {
        server.enqueue(json(200, """
                {"data": {"label": "sk-or-v1-0e6...1c96", "limit": 1, "usage": 0, "is_free_tier": true,
                 "limit_remaining": 1, "is_provisioning_key": false}}"""));
        assertThat(run().verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    @DisplayName("\"data\": null is not the key's data")
    void nullData() {
        server.enqueue(json(200, "{\"data\": null}"));
        ProbeResult r = run();
        assertThat(r.verdict()).isEqualTo(Verdict.UNEXPECTED_RESPONSE);
        assertThat(r.detail()).isEqualTo("the JSON has no \"data\" object");
    }

    @Test
    @DisplayName("401 shows OpenRouter's words")
    void invalidKey() {
        server.enqueue(json(401, "{\"error\": {\"message\": \"User not found.\", \"code\": 401}}"));
        ProbeResult r = run();
        assertThat(r.verdict()).isEqualTo(Verdict.INVALID_KEY);
        assertThat(r.message()).isEqualTo("OpenRouter rejected the key (401): User not found.");
    }
}
