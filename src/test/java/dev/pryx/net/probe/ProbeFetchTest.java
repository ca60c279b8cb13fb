package dev.pryx.net.probe;

import static dev.pryx.net.probe.ProbeFixtures.KEY;
import static dev.pryx.net.probe.ProbeFixtures.json;
import static dev.pryx.net.probe.ProbeFixtures.key;
import static dev.pryx.net.probe.ProbeFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.support.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConnectionProbe.fetch: one GET under the probe's rules, the body handed to a reader")
class ProbeFetchTest {
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

    private <T> Fetched<T> fetch(int limit, BodyReader<T> reader) {
        try (Secret k = key()) {
            return probe().fetch(new ProbeRequest(ProbeKind.OPENAI_MODELS, server.url("/v1").toString(), k), "models", limit,
                    reader);
        }
    }

    @Test
    @DisplayName("a 2xx body goes to the reader whole; the result is OK with the status and the endpoint")
    void ok() throws Exception {
        server.enqueue(json(200, "{\"data\": []}"));
        Fetched<String> f = fetch(1024, body -> new String(body, StandardCharsets.UTF_8));

        assertThat(f.ok()).isTrue();
        assertThat(f.value()).isEqualTo("{\"data\": []}");
        assertThat(f.result().verdict()).isEqualTo(Verdict.OK);
        assertThat(f.result().httpStatus()).isEqualTo(200);
        assertThat(f.result().keySent()).isTrue();
        assertThat(f.result().endpoint()).isEqualTo(server.url("/v1/models").toString());
        RecordedRequest r = server.takeRequest();
        assertThat(r.getPath()).isEqualTo("/v1/models");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    @DisplayName("what the reader objects to becomes the detail of an unexpected response, with the key redacted")
    void readerObjects() {
        server.enqueue(json(200, "{\"data\": 1}"));
        Fetched<String> f = fetch(1024, body -> {
            throw new UnexpectedBodyException("the list holds " + KEY);
        });
        assertThat(f.ok()).isFalse();
        assertThat(f.value()).isNull();
        assertThat(f.result().verdict()).isEqualTo(Verdict.UNEXPECTED_RESPONSE);
        assertThat(f.result().httpStatus()).isEqualTo(200);
        assertThat(f.result().detail()).isEqualTo("the list holds [redacted]");
    }

    @Test
    @DisplayName("a reader's parse failure is 'not JSON'; a body of exactly the limit is read, one byte more is not")
    void limits() {
        server.enqueue(json(200, "x".repeat(100)));
        assertThat(fetch(100, body -> {
            throw new IOException("parser: " + body.length);
        }).result().detail()).isEqualTo("the body is not JSON");

        server.enqueue(json(200, "x".repeat(101)));
        assertThat(fetch(100, body -> body.length).result().detail()).isEqualTo("the body is over 100 bytes and was not read to the end");
    }

    @Test
    @DisplayName("a failure status never reaches the reader")
    void failure() {
        server.enqueue(json(401, "{\"error\": {\"message\": \"bad key\"}}"));
        Fetched<Object> f = fetch(1024, body -> {
            throw new AssertionError("the reader ran");
        });
        assertThat(f.result().verdict()).isEqualTo(Verdict.INVALID_KEY);
    }

    @Test
    @DisplayName("a limit out of range is refused")
    void badLimit() {
        assertThatThrownBy(() -> fetch(0, body -> body)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fetch(Integer.MAX_VALUE, body -> body)).isInstanceOf(IllegalArgumentException.class);
    }
}
