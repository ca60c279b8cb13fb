package dev.pryx.net.probe;

import static dev.pryx.net.probe.ProbeFixtures.KEY;
import static dev.pryx.net.probe.ProbeFixtures.baseUrl;
import static dev.pryx.net.probe.ProbeFixtures.error;
import static dev.pryx.net.probe.ProbeFixtures.everything;
import static dev.pryx.net.probe.ProbeFixtures.json;
import static dev.pryx.net.probe.ProbeFixtures.key;
import static dev.pryx.net.probe.ProbeFixtures.probe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.support.Secret;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key never comes back out: not in a result field, message, hint, detail or endpoint, not
 * in an exception, even when the server echoes it (whole, its tail, its head) in every place an
 * answer can carry text.
 */
@DisplayName("the key never leaks")
class KeyLeakTest {
    /** The key and the pieces of it a leak would show. */
    private static final List<String> PIECES = List.of(KEY, "LEAKCHECK", KEY.substring(KEY.length() - 8),
            KEY.substring(0, 12));

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

    private static void assertClean(ProbeResult r) {
        String all = everything(r);
        for (String piece : PIECES) {
            assertThat(all).as("result text").doesNotContain(piece);
        }
    }

    /** Error answers that echo the key, as providers do (whole, masked with the tail, or the head), in every shape. */
    private static Stream<Arguments> echoes() {
        List<Arguments> all = new ArrayList<>();
        String tail = KEY.substring(KEY.length() - 12);
        String head = KEY.substring(0, 20);
        for (ProbeKind kind : ProbeKind.values()) {
            for (int status : new int[] {400, 401, 403, 404, 429, 500}) {
                all.add(Arguments.of(kind, status, "json, whole key", json(status,
                        error(kind, status, "Incorrect API key provided: " + KEY + ". Find your key in the console."))));
                all.add(Arguments.of(kind, status, "json, masked tail", json(status,
                        error(kind, status, "Incorrect API key provided: sk-****************" + tail + "."))));
                all.add(Arguments.of(kind, status, "json, head", json(status, error(kind, status, "Key " + head + "... is invalid"))));
            }
            all.add(Arguments.of(kind, 401, "plain text", new MockResponse().setResponseCode(401).setBody("bad key " + KEY)));
            all.add(Arguments.of(kind, 404, "HTML title", new MockResponse().setResponseCode(404)
                    .setBody("<html><head><title>No route for " + KEY + "</title></head></html>")));
            all.add(Arguments.of(kind, 200, "non-JSON 2xx", new MockResponse().setBody("<html><title>" + KEY + "</title>")));
            all.add(Arguments.of(kind, 302, "redirect to a URL holding the key", new MockResponse().setResponseCode(302)
                    .setHeader("Location", "https://evil.example/" + KEY + "/models?key=" + KEY)));
            all.add(Arguments.of(kind, 401, "key split by control characters", json(401,
                    error(kind, 401, KEY.substring(0, 10) + "\u001b[0m" + KEY.substring(10)))));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("echoes")
    @DisplayName("when the server echoes it in an error")
    void echoed(ProbeKind kind, int status, String how, MockResponse answer) {
        server.enqueue(answer);
        ProbeResult r = ProbeFixtures.run(server, kind);

        assertThat(r.verdict()).isNotEqualTo(Verdict.OK);
        assertThat(r.httpStatus()).isEqualTo(status);
        assertClean(r);
    }

    @Test
    @DisplayName("when a redirect's target path holds it, the endpoint shows the mark instead")
    void redirectDetail() {
        server.enqueue(new MockResponse().setResponseCode(307).setHeader("Location", "https://evil.example/" + KEY + "/v1"));
        ProbeResult r = ProbeFixtures.run(server, ProbeKind.GEMINI_MODELS);

        assertThat(r.detail()).isEqualTo("https://evil.example/[redacted]/v1");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProbeKind.class)
    @DisplayName("when an OK answer echoes it (OpenRouter's label, a version text)")
    void okEcho(ProbeKind kind) {
        switch (kind) {
            case OPENROUTER_KEY -> server.enqueue(json(200, "{\"data\": {\"label\": \"" + KEY + "\", \"usage\": 0}}"));
            case OLLAMA -> {
                server.enqueue(json(200, "{\"version\": \"" + KEY + "\"}"));
                server.enqueue(json(200, "{\"models\": []}"));
            }
            case GEMINI_MODELS -> server.enqueue(json(200, "{\"models\": [{\"name\": \"" + KEY + "\"}]}"));
            default -> server.enqueue(json(200, "{\"data\": [{\"id\": \"" + KEY + "\"}]}"));
        }
        ProbeResult r = ProbeFixtures.run(server, kind);

        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertClean(r);
        if (kind == ProbeKind.OLLAMA) {
            assertThat(r.detail()).isEqualTo("version [redacted]");
        }
    }

    @Nested
    @DisplayName("a key that cannot go into a header")
    class Unsendable {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"sk-test-LEAKCHECK-probe\n0123456789", "sk-test-LEAKCHECK-pröbe-0123456789",
            "sk-test-LEAKCHECK probe 0123456789", "sk-test-LEAKCHECK-probe\r\nX-Injected: 1"})
        @DisplayName("is refused before anything is sent, without an exception that could carry it")
        void refused(String bad) {
            for (ProbeKind kind : ProbeKind.values()) {
                ProbeResult r;
                try (Secret k = Secret.adopt(bad.toCharArray())) {
                    r = probe().probe(new ProbeRequest(kind, baseUrl(server, kind), k));
                }
                assertThat(r.verdict()).isEqualTo(Verdict.INVALID_KEY);
                assertThat(r.httpStatus()).isZero();
                assertThat(r.keySent()).isFalse();
                assertThat(r.message()).isEqualTo("The key cannot be sent: it contains a space, a line break or a character "
                        + "outside visible ASCII.");
                assertThat(r.hint("acme")).isEqualTo("Set the key again with `pryx provider set-key acme`, pasting only the key "
                        + "itself.");
                assertThat(everything(r)).doesNotContain("LEAKCHECK");
            }
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        @DisplayName("an empty key is said to be empty")
        void empty() {
            ProbeResult r;
            try (Secret k = Secret.adopt(new char[0])) {
                r = probe().probe(new ProbeRequest(ProbeKind.OPENAI_MODELS, baseUrl(server, ProbeKind.OPENAI_MODELS), k));
            }
            assertThat(r.verdict()).isEqualTo(Verdict.INVALID_KEY);
            assertThat(r.message()).isEqualTo("The key cannot be sent: it is empty.");
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Nested
    @DisplayName("the caller's key")
    class Ownership {

        @Test
        @DisplayName("is left open and unchanged: the caller closes it")
        void notClosed() {
            server.enqueue(json(401, "{\"error\": {\"message\": \"bad\"}}"));
            try (Secret k = key()) {
                probe().probe(new ProbeRequest(ProbeKind.OPENAI_MODELS, baseUrl(server, ProbeKind.OPENAI_MODELS), k));
                assertThat(new String(k.chars())).isEqualTo(KEY);
            }
        }

        @Test
        @DisplayName("once closed, fails the probe with a message that holds nothing of it")
        void closed() {
            Secret k = key();
            ProbeRequest request = new ProbeRequest(ProbeKind.OPENAI_MODELS, baseUrl(server, ProbeKind.OPENAI_MODELS), k);
            k.close();
            assertThatThrownBy(() -> probe().probe(request)).isInstanceOf(IllegalStateException.class)
                    .hasMessageNotContaining("LEAKCHECK");
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        @DisplayName("does not show in the request's toString, nor does the base URL's path, query or user info")
        void requestToString() {
            try (Secret k = key()) {
                ProbeRequest request = new ProbeRequest(ProbeKind.GEMINI_MODELS,
                        "https://user:" + KEY + "@example.test/v1beta/" + KEY + "?key=" + KEY, k);
                assertThat(request.toString()).doesNotContain("LEAKCHECK")
                        .isEqualTo("ProbeRequest[kind=gemini-models, baseUrl=https://example.test/..., key=[redacted], "
                                + "auth=API_KEY]");
            }
        }
    }

    @Test
    @DisplayName("a redirect to another server is not followed, so the key's header never reaches it")
    void redirectNotFollowed() throws IOException {
        try (MockWebServer elsewhere = new MockWebServer()) {
            elsewhere.start();
            for (ProbeKind kind : ProbeKind.values()) {
                server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", elsewhere.url("/v1/models")));
                ProbeResult r = ProbeFixtures.run(server, kind);
                assertThat(r.verdict()).isEqualTo(Verdict.WRONG_BASE_URL);
            }
            assertThat(elsewhere.getRequestCount()).isZero();
        }
    }

    @Test
    @DisplayName("every kind's result, for every verdict reached here, lists all its fields without the key")
    void fieldsListed() {
        assertThat(Arrays.stream(ProbeResult.class.getRecordComponents()).map(c -> c.getName()))
                .as("a new field must be added to ProbeFixtures.everything (via toString) and checked here")
                .containsExactly("kind", "verdict", "latency", "modelCount", "retryAfter", "httpStatus", "keySent", "endpoint",
                        "detail");
    }
}
