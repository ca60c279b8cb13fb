package dev.pryx.net.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.TestSecrets;
import dev.pryx.net.probe.ProbeResult;
import dev.pryx.net.probe.Verdict;
import dev.pryx.support.PryxException;
import dev.pryx.support.Secret;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("ModelLister: a provider's own model list, fetched and read")
class ModelListerTest {
    static final String KEY = TestSecrets.API_KEY;
    static final OkHttpClient CLIENT = new OkHttpClient();

    MockWebServer server;
    ModelLister lister;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        lister = new ModelLister(CLIENT, Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    static String base(ModelListKind kind) {
        return switch (kind) {
            case OPENROUTER -> "/api/v1";
            case OLLAMA -> "/";
            case OPENAI_COMPATIBLE -> "/v1";
        };
    }

    static String path(ModelListKind kind) {
        return switch (kind) {
            case OPENROUTER -> "/api/v1/models";
            case OLLAMA -> "/api/tags";
            case OPENAI_COMPATIBLE -> "/v1/models";
        };
    }

    static String body(ModelListKind kind) {
        return switch (kind) {
            case OPENROUTER -> ModelListFixtures.OPENROUTER;
            case OLLAMA -> ModelListFixtures.OLLAMA;
            case OPENAI_COMPATIBLE -> ModelListFixtures.OPENAI;
        };
    }

    ModelListing list(ModelListKind kind, String key) {
        String url = server.url(base(kind)).toString();
        if (key == null) {
            return lister.list(kind, url, null);
        }
        try (Secret k = Secret.adopt(key.toCharArray())) {
            return lister.list(kind, url, k);
        }
    }

    RecordedRequest taken() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the server").isNotNull();
        return r;
    }

    static void assertNoSecretIn(ProbeResult r) {
        for (String text : new String[] {r.toString(), r.message("Acme"), r.hint("acme")}) {
            assertThat(TestSecrets.PATTERNS).as("a secret in: %s", text).noneMatch(p -> p.matcher(text).find());
        }
    }

    @Nested
    @DisplayName("the request")
    class Requests {
        @ParameterizedTest(name = "{0}")
        @EnumSource(ModelListKind.class)
        @DisplayName("is a GET of the kind's path, with the key as a Bearer header when one is given")
        void withKey(ModelListKind kind) throws Exception {
            server.enqueue(json(200, body(kind)));
            ModelListing listing = list(kind, KEY);

            RecordedRequest r = taken();
            assertThat(r.getMethod()).isEqualTo("GET");
            assertThat(r.getPath()).isEqualTo(path(kind));
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(r.getHeader("Accept")).isEqualTo("application/json");
            assertThat(listing.ok()).isTrue();
            assertThat(listing.result().verdict()).isEqualTo(Verdict.OK);
            assertThat(listing.result().endpoint()).isEqualTo(server.url(path(kind)).toString());
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ModelListKind.class)
        @DisplayName("carries no Authorization header at all without a key (OpenRouter's list is public, Ollama needs none)")
        void withoutKey(ModelListKind kind) throws Exception {
            server.enqueue(json(200, body(kind)));
            assertThat(list(kind, null).ok()).isTrue();
            assertThat(taken().getHeader("Authorization")).isNull();
        }

        @Test
        @DisplayName("a base URL with a trailing slash still reaches {base}/models")
        void trailingSlash() throws Exception {
            server.enqueue(json(200, ModelListFixtures.OPENAI));
            assertThat(lister.list(ModelListKind.OPENAI_COMPATIBLE, server.url("/v1/").toString(), null).ok()).isTrue();
            assertThat(taken().getPath()).isEqualTo("/v1/models");
        }

        @Test
        @DisplayName("a base URL that is not http(s) is a usage error that does not repeat it")
        void notHttp() {
            assertThatThrownBy(() -> lister.list(ModelListKind.OLLAMA, "ftp://user:" + KEY + "@host/", null))
                    .isInstanceOf(PryxException.class).hasMessageNotContaining(KEY)
                    .satisfies(e -> assertThat(((PryxException) e).kind()).isEqualTo(PryxException.Kind.USAGE));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"openrouter-key, OPENROUTER", "ollama, OLLAMA", "openai-models, OPENAI_COMPATIBLE",
                    "openai-compatible, OPENAI_COMPATIBLE", "OpenAI-Models, OPENAI_COMPATIBLE"})
        @DisplayName("the list follows the provider's connection-test kind")
        void kinds(String testKind, ModelListKind expected) {
            assertThat(ModelListKind.forTestKind(testKind)).contains(expected);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(value = {"anthropic-models", "gemini-models", "nonsense", "NULL"}, nullValues = "NULL")
        @DisplayName("kinds without a list pryx reads give none")
        void noKind(String testKind) {
            assertThat(ModelListKind.forTestKind(testKind)).isEqualTo(Optional.empty());
        }
    }

    @Nested
    @DisplayName("reading the answer")
    class Reading {
        @Test
        @DisplayName("OpenRouter: name, context, output limit, prices per million, and capabilities from its parameters")
        void openRouter() {
            server.enqueue(json(200, ModelListFixtures.OPENROUTER));
            List<LiveModel> models = list(ModelListKind.OPENROUTER, KEY).models();

            assertThat(models).extracting(LiveModel::id).containsExactly("openai/gpt-4o", "deepseek/deepseek-r1:free",
                    "openrouter/auto");
            LiveModel gpt = models.get(0);
            assertThat(gpt).isEqualTo(new LiveModel("openai/gpt-4o", "OpenAI: GPT-4o", 128_000L, 16_384L, 2.5, 10.0, true, false,
                    true, null, null, null, null, null));
            LiveModel r1 = models.get(1);
            assertThat(r1.reasoning()).as("'reasoning' among its parameters").isTrue();
            assertThat(r1.toolCall()).isFalse();
            assertThat(r1.attachment()).as("text only").isFalse();
            assertThat(r1.inputCostPerMillion()).isZero();
            assertThat(r1.outputTokens()).as("null max_completion_tokens").isNull();
            LiveModel auto = models.get(2);
            assertThat(auto.inputCostPerMillion()).as("-1 means 'varies': unknown").isNull();
            assertThat(auto.toolCall()).as("no supported_parameters: the list does not say").isNull();
            assertThat(auto.reasoning()).isNull();
            assertThat(auto.attachment()).isTrue();
            assertThat(auto.contextTokens()).isEqualTo(2_000_000L);
        }

        @Test
        @DisplayName("Ollama: each installed model with its size, family, parameter size and quantization")
        void ollama() {
            server.enqueue(json(200, ModelListFixtures.OLLAMA));
            List<LiveModel> models = list(ModelListKind.OLLAMA, null).models();

            assertThat(models).containsExactly(
                    new LiveModel("llama3.2:latest", null, null, null, null, null, null, null, null, 2_019_393_189L, "llama",
                            "3.2B", "Q4_K_M", null),
                    new LiveModel("qwen3:8b", null, null, null, null, null, null, null, null, 5_225_388_164L, "qwen3", "8.2B",
                            "Q4_K_M", null));
        }

        @Test
        @DisplayName("Ollama: no models installed is an empty list, not a failure")
        void ollamaEmpty() {
            server.enqueue(json(200, "{\"models\": []}"));
            assertThat(list(ModelListKind.OLLAMA, null).models()).isEmpty();
        }

        @Test
        @DisplayName("Ollama: an entry without a name falls back to its model field")
        void ollamaModelField() {
            server.enqueue(json(200, "{\"models\": [{\"model\": \"phi4:14b\", \"size\": 9053116391}]}"));
            assertThat(list(ModelListKind.OLLAMA, null).models()).extracting(LiveModel::id, LiveModel::sizeBytes)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("phi4:14b", 9_053_116_391L));
        }

        @Test
        @DisplayName("OpenAI-compatible: ids and owners; extra fields of the server are ignored")
        void openAi() {
            server.enqueue(json(200, ModelListFixtures.OPENAI));
            assertThat(list(ModelListKind.OPENAI_COMPATIBLE, KEY).models()).containsExactly(
                    new LiveModel("meta-llama/Llama-3.1-8B-Instruct", null, null, null, null, null, null, null, null, null, null,
                            null, null, "vllm"),
                    new LiveModel("text-embedding-3-small", null, null, null, null, null, null, null, null, null, null, null,
                            null, "system"));
        }

        @Test
        @DisplayName("a duplicate id is listed once (the first), a duplicate JSON key does not fail the answer")
        void duplicates() {
            server.enqueue(json(200, "{\"data\": [{\"id\": \"a\", \"owned_by\": \"x\", \"owned_by\": \"y\"}, {\"id\": \"a\"},"
                    + " {\"id\": \"b\"}]}"));
            assertThat(list(ModelListKind.OPENAI_COMPATIBLE, null).models()).extracting(LiveModel::id, LiveModel::owner)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "y"), org.assertj.core.groups.Tuple.tuple("b", null));
        }

        @Test
        @DisplayName("text that would drive a terminal is cleaned; ids with control characters, or not text, are skipped")
        void hostileText() {
            server.enqueue(json(200, """
                    {"data": [
                      {"id": "good/model", "name": "Evil\\u001b[2J\\u0007 name\\u202e", "context_length": "128000",
                       "pricing": {"prompt": "abc", "completion": "1e999999"}},
                      {"id": "bad\\u001b[31mid"},
                      {"id": 42},
                      {"id": "%s"},
                      "not an object"]}
                    """.formatted("x".repeat(201))));
            List<LiveModel> models = list(ModelListKind.OPENROUTER, null).models();
            assertThat(models).extracting(LiveModel::id).containsExactly("good/model");
            LiveModel m = models.get(0);
            assertThat(m.name()).isEqualTo("Evil [2J name");
            assertThat(m.contextTokens()).as("a number as text is not a number").isNull();
            assertThat(m.inputCostPerMillion()).isNull();
            assertThat(m.outputCostPerMillion()).as("not finite").isNull();
        }

        @Test
        @DisplayName("tag characters beyond the first plane (hidden text) are caught too: such an id is skipped, a name loses them")
        void hiddenTagCharacters() {
            String tagged = "\\uDB40\\uDC69\\uDB40\\uDC67"; // U+E0069 U+E0067, invisible "ig"
            server.enqueue(json(200, "{\"data\": [{\"id\": \"clean\", \"name\": \"Name" + tagged + " ok 🚀\"},"
                    + " {\"id\": \"hid" + tagged + "den\"}]}"));
            List<LiveModel> models = list(ModelListKind.OPENROUTER, null).models();
            assertThat(models).extracting(LiveModel::id).containsExactly("clean");
            assertThat(models.get(0).name()).as("emoji kept whole, tags gone").isEqualTo("Name ok 🚀");
        }

        @Test
        @DisplayName("a very long name is cut short")
        void longName() {
            server.enqueue(json(200, "{\"data\": [{\"id\": \"m\", \"name\": \"" + "n".repeat(5000) + "\"}]}"));
            assertThat(list(ModelListKind.OPENROUTER, null).models().get(0).name()).hasSize(203).endsWith("...");
        }
    }

    @Nested
    @DisplayName("failures, worded as connection tests word them")
    class Failures {
        @Test
        @DisplayName("401 with the key echoed back is invalid_key, and the echo is redacted")
        void rejected() {
            server.enqueue(json(401, "{\"error\": {\"message\": \"No auth credentials found for " + KEY + "\", \"code\": 401}}"));
            ModelListing listing = list(ModelListKind.OPENROUTER, KEY);

            assertThat(listing.ok()).isFalse();
            assertThat(listing.models()).isNull();
            ProbeResult r = listing.result();
            assertThat(r.verdict()).isEqualTo(Verdict.INVALID_KEY);
            assertThat(r.httpStatus()).isEqualTo(401);
            assertThat(r.message("OpenRouter")).startsWith("OpenRouter rejected the key (401): No auth credentials found for [redacted]");
            assertThat(r.hint("openrouter")).contains("pryx provider set-key openrouter");
            assertNoSecretIn(r);
        }

        @Test
        @DisplayName("401 without a key is key_required")
        void keyRequired() {
            server.enqueue(json(401, "{\"error\": {\"message\": \"Invalid API Key\", \"type\": \"invalid_request_error\"}}"));
            assertThat(list(ModelListKind.OPENAI_COMPATIBLE, null).result().verdict()).isEqualTo(Verdict.KEY_REQUIRED);
        }

        @Test
        @DisplayName("404 is a wrong base URL, with the kind's example in the hint")
        void notFound() {
            server.enqueue(json(404, "{\"error\": \"404 page not found\"}"));
            ProbeResult r = list(ModelListKind.OLLAMA, null).result();
            assertThat(r.verdict()).isEqualTo(Verdict.WRONG_BASE_URL);
            assertThat(r.hint("ollama")).contains("http://localhost:11434");
        }

        @Test
        @DisplayName("a redirect is not followed (the key would go with it)")
        void redirect() throws Exception {
            server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "https://elsewhere.example/v1/models"));
            ProbeResult r = list(ModelListKind.OPENAI_COMPATIBLE, KEY).result();
            assertThat(r.verdict()).isEqualTo(Verdict.WRONG_BASE_URL);
            taken();
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("5xx is a provider error")
        void serverError() {
            server.enqueue(json(503, "{\"error\": {\"message\": \"upstream overloaded\"}}"));
            assertThat(list(ModelListKind.OPENROUTER, null).result().verdict()).isEqualTo(Verdict.PROVIDER_ERROR);
        }

        @Test
        @DisplayName("a refused connection is connection_refused")
        void refused() throws IOException {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            ModelListing listing = lister.list(ModelListKind.OLLAMA, "http://127.0.0.1:" + port, null);
            assertThat(listing.result().verdict()).isEqualTo(Verdict.CONNECTION_REFUSED);
            assertThat(listing.result().hint()).contains("ollama serve");
        }

        @Test
        @DisplayName("a captive portal's page is an unexpected response that names the page")
        void webPage() {
            server.enqueue(new MockResponse().setHeader("Content-Type", "text/html")
                    .setBody("<html><head><title>Hotel Wi-Fi Login</title></head><body>Sign in</body></html>"));
            ProbeResult r = list(ModelListKind.OPENROUTER, null).result();
            assertThat(r.verdict()).isEqualTo(Verdict.UNEXPECTED_RESPONSE);
            assertThat(r.httpStatus()).isEqualTo(200);
            assertThat(r.detail()).isEqualTo("the server sent a web page (\"Hotel Wi-Fi Login\") instead of JSON");
        }

        @ParameterizedTest(name = "{1}")
        @CsvSource(delimiter = '|', value = {
            "{\"models\": []}|the JSON has no \"data\" list",
            "[1, 2]|the JSON is not an object with a \"data\" list",
            "{\"data\": {\"id\": \"m\"}}|the JSON has no \"data\" list",
            "{\"data\": [1, 2, 3]}|none of the 3 entries of the \"data\" list names a model",
            "'   '|the body is empty",
            "{\"data\": [|the body is not JSON"})
        @DisplayName("a body that is not the expected list is an unexpected response saying what is wrong")
        void wrongShape(String body, String detail) {
            server.enqueue(json(200, body));
            ProbeResult r = list(ModelListKind.OPENAI_COMPATIBLE, null).result();
            assertThat(r.verdict()).isEqualTo(Verdict.UNEXPECTED_RESPONSE);
            assertThat(r.detail()).isEqualTo(detail);
        }

        @Test
        @DisplayName("a body over the cap is refused after reading just past the cap, not cut off and half used")
        void huge() {
            Buffer big = new Buffer().writeUtf8("{\"data\": [");
            String entry = "{\"id\": \"model-with-a-fairly-long-name-to-fill-the-body\"},";
            while (big.size() <= ModelLister.BODY_LIMIT) {
                big.writeUtf8(entry);
            }
            big.writeUtf8("{\"id\": \"last\"}]}");
            server.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(big));
            ProbeResult r = list(ModelListKind.OPENAI_COMPATIBLE, null).result();
            assertThat(r.verdict()).isEqualTo(Verdict.UNEXPECTED_RESPONSE);
            assertThat(r.detail()).isEqualTo("the body is over 16 MiB and was not read to the end");
        }

        @Test
        @DisplayName("a key that cannot be sent is invalid_key before any request, and is not repeated")
        void unsendableKey() {
            ModelListing listing = list(ModelListKind.OPENROUTER, KEY + "\n");
            assertThat(listing.result().verdict()).isEqualTo(Verdict.INVALID_KEY);
            assertThat(listing.result().httpStatus()).isZero();
            assertThat(server.getRequestCount()).isZero();
            assertNoSecretIn(listing.result());
        }
    }
}
