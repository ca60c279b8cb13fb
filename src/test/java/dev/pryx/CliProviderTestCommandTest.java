package dev.pryx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pryx.InProcessCli.Result;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pryx provider test} as a script sees it: the report on stdout, the verdict in the exit code. */
@DisplayName("pryx provider test (CLI)")
class CliProviderTestCommandTest {
    static final String KEY = TestSecrets.API_KEY;
    static final String MODELS = """
            {"object": "list", "data": [
              {"id": "gpt-5", "object": "model", "created": 1715367049, "owned_by": "system"},
              {"id": "gpt-5-mini", "object": "model", "created": 1721172741, "owned_by": "system"},
              {"id": "o3-mini", "object": "model", "created": 1737146383, "owned_by": "system"}]}
            """;
    /** OpenAI's 401, echoing the whole key back: the terminal must still never show it. */
    static final String REJECTED = "{\"error\": {\"message\": \"Incorrect API key provided: " + KEY
            + ". You can find your API key at https://platform.openai.com/account/api-keys.\", "
            + "\"type\": \"invalid_request_error\", \"param\": null, \"code\": \"invalid_api_key\"}}";

    @TempDir
    Path home;
    Map<String, String> env;
    MockWebServer server;

    @BeforeEach
    void setUp() throws IOException {
        env = new HashMap<>(Map.of("PRYX_HOME", home.toString(), "PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE));
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
    }

    Result withStdin(String stdin, String... args) {
        return new InProcessCli(home, env).withStdin(stdin, args);
    }

    Result run(String... args) {
        return withStdin("", args);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort() + "/v1";
    }

    /** {@code provider add openai} pointed at {@code baseUrl}, with the test key stored. */
    void addOpenAi(String baseUrl) {
        Result added = run("provider", "add", "openai", "--base-url", baseUrl);
        assertThat(added.exit()).as(added.err()).isZero();
        Result set = withStdin(KEY + "\n", "provider", "set-key", "openai");
        assertThat(set.exit()).as(set.err()).isZero();
    }

    RecordedRequest taken() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the server").isNotNull();
        return r;
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Nested
    @DisplayName("provider status")
    class Status {
        @Test
        @DisplayName("shows 'never' before a test and the verdict, latency and time after one")
        void lastTest() {
            addOpenAi(baseUrl());
            assertThat(run("provider", "status").out()).contains("last test  never (pryx provider test openai)");
            server.enqueue(new MockResponse().setBody(MODELS));
            run("provider", "test", "openai");
            assertThat(run("provider", "status").out()).containsPattern("last test  ok, [0-9]+ ms, just now");
        }

        @Test
        @DisplayName("--check tests every enabled provider: exit 0 when all pass, 1 with the problem and hint when one fails")
        void check() throws Exception {
            addOpenAi(baseUrl());
            assertThat(run("provider", "add", "openai", "--as", "openai-work", "--base-url", baseUrl()).exit()).isZero();
            withStdin(KEY + "\n", "provider", "set-key", "openai-work");
            assertThat(run("provider", "add", "openai", "--as", "off", "--base-url", baseUrl()).exit()).isZero();
            assertThat(run("provider", "set-config", "off", "--disable").exit()).isZero();

            server.enqueue(new MockResponse().setBody(MODELS));
            server.enqueue(new MockResponse().setBody(MODELS));
            Result fine = run("provider", "status", "--check");
            assertThat(fine.exit()).as(fine.err()).isZero();
            assertThat(server.getRequestCount()).as("the disabled provider is not tested").isEqualTo(2);

            server.enqueue(new MockResponse().setBody(MODELS));
            server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\":{\"message\":\"bad key " + KEY + "\"}}"));
            Result bad = run("provider", "status", "--check");
            assertThat(bad.exit()).isEqualTo(1);
            assertThat(bad.out()).contains("problem").contains("401").contains("set-key");
            JsonNode board = new ObjectMapper().readTree(run("provider", "status", "--json").out());
            assertThat(board).hasSize(3);
            assertThat(board.get(0).get("id").asText()).isNotEmpty();
            assertThat(board.findValuesAsText("verdict")).contains("ok");
        }

        @Test
        @DisplayName("the board shows the key's state, fingerprint and age, and where key and model come from")
        void board() throws Exception {
            addOpenAi(baseUrl());
            assertThat(run("provider", "use-model", "openai", "gpt-5-mini").exit()).isZero();
            String out = run("provider", "status").out();
            assertThat(out).contains("* openai (OpenAI)  in force (config)")
                    .containsPattern("key        set, fp:[0-9a-f]{12}, stored just now")
                    .contains("key from   vault:openai" + System.lineSeparator())
                    .contains("model      gpt-5-mini" + System.lineSeparator());
            JsonNode entry = new ObjectMapper().readTree(run("provider", "status", "--json").out()).get(0);
            assertThat(entry.get("key_source").asText()).isEqualTo("config");
            assertThat(entry.get("key_ref").asText()).isEqualTo("vault:openai");
            assertThat(entry.get("model_source").asText()).isEqualTo("config");
            assertThat(entry.get("key_set_at").asText()).startsWith("20");
            assertThat(entry.get("active").asBoolean()).isTrue();
            assertThat(entry.get("unused_env_key").isNull()).isTrue();

            // A key in the conventional variable is named on the board (never shown), since pryx does not use it.
            env.put("OPENAI_API_KEY", KEY);
            assertThat(run("provider", "status").out())
                    .contains("env        OPENAI_API_KEY is set but not used: pryx reads keys from the vault");
            assertThat(new ObjectMapper().readTree(run("provider", "status", "--json").out()).get(0)
                    .get("unused_env_key").asText()).isEqualTo("OPENAI_API_KEY");
        }

        @Test
        @DisplayName("PRYX_PROVIDER, PRYX_MODEL and PRYX_API_KEY_REF show on the board as the source of what is in force")
        void environmentOverrides() throws Exception {
            addOpenAi(baseUrl());
            assertThat(run("provider", "add", "openai", "--as", "openai-work", "--base-url", baseUrl()).exit()).isZero();
            env.put("PRYX_PROVIDER", "openai-work");
            env.put("PRYX_MODEL", "gpt-5-mini");
            env.put("PRYX_API_KEY_REF", "vault:openai");

            Result r = run("provider", "status");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("* openai-work (OpenAI)  in force (PRYX_PROVIDER)")
                    .contains("key from   vault:openai (PRYX_API_KEY_REF, not the configured entry)")
                    .contains("model      gpt-5-mini (PRYX_MODEL)");
            JsonNode board = new ObjectMapper().readTree(run("provider", "status", "--json").out());
            JsonNode work = board.get(0).get("id").asText().equals("openai-work") ? board.get(0) : board.get(1);
            JsonNode plain = work == board.get(0) ? board.get(1) : board.get(0);
            assertThat(work.get("key_state").asText()).as("the overriding entry holds a key").isEqualTo("set");
            assertThat(work.get("key_source").asText()).isEqualTo("env PRYX_API_KEY_REF");
            assertThat(work.get("model_source").asText()).isEqualTo("env PRYX_MODEL");
            assertThat(work.get("active_source").asText()).isEqualTo("env PRYX_PROVIDER");
            assertThat(plain.get("active").asBoolean()).as("the configured default is not the one in force").isFalse();
            assertThat(plain.get("key_source").asText()).isEqualTo("config");
        }

        @Test
        @DisplayName("a custom OpenAI-compatible server without a key is 'optional' on the board, not 'missing'")
        void optionalKey() throws Exception {
            assertThat(run("provider", "add", "my-llm", "--compatible", "openai", "--base-url", baseUrl()).exit()).isZero();
            assertThat(run("provider", "status").out()).contains("key        optional");
            JsonNode entry = new ObjectMapper().readTree(run("provider", "status", "--json").out()).get(0);
            assertThat(entry.get("key_state").asText()).isEqualTo("optional");
        }

        @Test
        @DisplayName("a proxy saved in pryx is named at the top of the board")
        void network() {
            addOpenAi(baseUrl());
            assertThat(run("provider", "status").out()).doesNotContain("Network:");
            assertThat(run("network", "set", "--proxy", "http://proxy.example:3128").exit()).isZero();
            assertThat(run("provider", "status").out())
                    .startsWith("Network: http and https via http://proxy.example:3128 (setting) (pryx network show)");
        }

        @Test
        @DisplayName("PRYX_PROVIDER naming an unconfigured provider is a warning on the board, not a failure")
        void unknownProviderInEnvironment() {
            addOpenAi(baseUrl());
            env.put("PRYX_PROVIDER", "mistral");
            Result r = run("provider", "status");
            assertThat(r.exit()).isZero();
            assertThat(r.err()).contains("PRYX_PROVIDER names 'mistral', which is not configured");
            assertThat(r.out()).doesNotContain("in force");
        }

        @Test
        @DisplayName("--check over 10 providers whose servers each take 1 s answers in about 1 s, not 10")
        void checkRunsConcurrently() throws Exception {
            List<MockWebServer> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    MockWebServer s = new MockWebServer();
                    s.enqueue(new MockResponse().setBody(MODELS).setHeadersDelay(1, TimeUnit.SECONDS));
                    s.start();
                    slow.add(s);
                    String id = "slow-" + i;
                    assertThat(run("provider", "add", "openai", "--as", id, "--base-url",
                            "http://127.0.0.1:" + s.getPort() + "/v1").exit()).isZero();
                    assertThat(withStdin(KEY + "\n", "provider", "set-key", id).exit()).isZero();
                }
                long start = System.nanoTime();
                Result r = run("provider", "status", "--check");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(r.exit()).as(r.out() + r.err()).isZero();
                assertThat(slow).allSatisfy(s -> assertThat(s.getRequestCount()).isEqualTo(1));
                // One after another would take at least 10 s; the bound is loose for a busy CI machine.
                assertThat(millis).as("elapsed ms").isBetween(1_000L, 6_000L);
            } finally {
                for (MockWebServer s : slow) {
                    s.close();
                }
            }
        }

        @Test
        @DisplayName("--check reports a provider that cannot be tested (no key) as a problem, and tests the others")
        void untestable() {
            addOpenAi(baseUrl());
            assertThat(run("provider", "add", "anthropic", "--base-url", baseUrl()).exit()).isZero();
            server.enqueue(new MockResponse().setBody(MODELS));
            Result r = run("provider", "status", "--check");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("No key is set for anthropic");
        }
    }

    @Nested
    @DisplayName("text")
    class Text {
        @Test
        @DisplayName("a working key: one line with the latency and the model count, exit 0")
        void ok() throws Exception {
            addOpenAi(baseUrl());
            server.enqueue(new MockResponse().setBody(MODELS));

            Result r = run("provider", "test", "openai");

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).matches("openai: ok \\(\\d+ ms, 3 models visible\\)\\R");
            assertThat(r.err()).isEmpty();
            assertThat(taken().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        }

        @Test
        @DisplayName("a refused key (401): the verdict, the provider's words without the key, a hint; exit 1")
        void rejected() {
            addOpenAi(baseUrl());
            server.enqueue(new MockResponse().setResponseCode(401).setBody(REJECTED));

            Result r = run("provider", "test", "openai");

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out().lines().toList()).hasSize(3).satisfies(lines -> {
                assertThat(lines.get(0)).isEqualTo("openai: invalid key (401)");
                assertThat(lines.get(1)).startsWith("OpenAI rejected the key (401): Incorrect API key provided");
                assertThat(lines.get(2)).startsWith("Hint: ").contains("`pryx provider set-key openai`");
            });
        }

        @Test
        @DisplayName("nothing listening: connection refused, a remote failure; exit 4")
        void refused() throws Exception {
            addOpenAi("http://127.0.0.1:" + closedPort() + "/v1");

            Result r = run("provider", "test", "openai");

            assertThat(r.exit()).isEqualTo(4);
            assertThat(r.out()).startsWith("openai: connection refused\n")
                    .contains("Could not connect to 127.0.0.1:")
                    .contains("Hint: Check the host and port in the base URL");
        }

        @Test
        @DisplayName("a server error (503) is the provider's failure: exit 4")
        void providerError() {
            addOpenAi(baseUrl());
            server.enqueue(new MockResponse().setResponseCode(503).setBody("{\"error\": {\"message\": \"overloaded\"}}"));

            Result r = run("provider", "test", "openai");

            assertThat(r.exit()).isEqualTo(4);
            assertThat(r.out()).startsWith("openai: provider error (503)\n");
        }

        @Test
        @DisplayName("a wrong base URL (404) is a problem found here: exit 1")
        void wrongBaseUrl() {
            addOpenAi(baseUrl());
            server.enqueue(new MockResponse().setResponseCode(404).setBody("not found"));

            Result r = run("provider", "test", "openai");

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).startsWith("openai: wrong base URL (404)\n").contains("pryx provider set-config openai --base-url");
        }

        @Test
        @DisplayName("an OpenAI-compatible server that needs no key is tested without one and says so")
        void compatibleWithoutKey() throws Exception {
            Result added = run("provider", "add", "my-llm", "--compatible", "openai", "--base-url", baseUrl());
            assertThat(added.exit()).as(added.err()).isZero();
            server.enqueue(new MockResponse().setBody(MODELS));

            Result r = run("provider", "test", "my-llm");

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).matches("my-llm: ok \\(\\d+ ms, 3 models visible, no key sent\\)\\R");
            assertThat(taken().getHeader("Authorization")).isNull();
        }
    }

    @Nested
    @DisplayName("--json")
    class AsJson {
        @Test
        @DisplayName("prints the report with snake_case fields, exit 0 when ok")
        void ok() throws Exception {
            addOpenAi(baseUrl());
            server.enqueue(new MockResponse().setBody(MODELS));

            Result r = run("provider", "test", "openai", "--json");

            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertThat(fieldNames(json)).containsExactly("provider_id", "provider_name", "verdict", "ok", "latency_ms",
                    "model_count", "retry_after_seconds", "http_status", "key_sent", "endpoint", "message", "hint", "tested_at");
            assertThat(json.get("provider_id").asText()).isEqualTo("openai");
            assertThat(json.get("provider_name").asText()).isEqualTo("OpenAI");
            assertThat(json.get("verdict").asText()).isEqualTo("ok");
            assertThat(json.get("ok").asBoolean()).isTrue();
            assertThat(json.get("model_count").asInt()).isEqualTo(3);
            assertThat(json.get("retry_after_seconds").isNull()).isTrue();
            assertThat(json.get("http_status").asInt()).isEqualTo(200);
            assertThat(json.get("key_sent").asBoolean()).isTrue();
            assertThat(json.get("endpoint").asText()).isEqualTo(baseUrl() + "/models");
            assertThat(json.get("tested_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        }

        @Test
        @DisplayName("a failed test still prints its report on stdout, and the exit code tells which kind of failure")
        void failures() throws Exception {
            addOpenAi(baseUrl());
            server.enqueue(new MockResponse().setResponseCode(401).setBody(REJECTED));
            server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "30")
                    .setBody("{\"error\": {\"message\": \"Rate limit reached\"}}"));

            Result rejected = run("provider", "test", "openai", "--json");
            Result limited = run("provider", "test", "openai", "--json");

            assertThat(rejected.exit()).isEqualTo(1);
            JsonNode r = new ObjectMapper().readTree(rejected.out());
            assertThat(r.get("verdict").asText()).isEqualTo("invalid_key");
            assertThat(r.get("ok").asBoolean()).isFalse();
            assertThat(r.get("http_status").asInt()).isEqualTo(401);
            assertThat(r.get("model_count").isNull()).isTrue();
            assertThat(limited.exit()).isEqualTo(4);
            JsonNode l = new ObjectMapper().readTree(limited.out());
            assertThat(l.get("verdict").asText()).isEqualTo("rate_limited");
            assertThat(l.get("retry_after_seconds").asLong()).isEqualTo(30);
        }
    }

    @Nested
    @DisplayName("what cannot be tested (exit 2, nothing sent)")
    class Usage {
        @Test
        @DisplayName("no key set: says how to set one")
        void noKey() {
            assertThat(run("provider", "add", "openai", "--base-url", baseUrl()).exit()).isZero();

            Result r = run("provider", "test", "openai");

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("pryx: No key is set for openai: set one with `pryx provider set-key openai`.\n");
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        @DisplayName("an unconfigured provider, a provider pryx has no test for, and a missing id")
        void others() {
            Result unknown = run("provider", "test", "openai");
            assertThat(unknown.exit()).isEqualTo(2);
            assertThat(unknown.err()).contains("No provider 'openai' is configured");

            assertThat(run("provider", "add", "cohere").exit()).isZero();
            Result untestable = run("provider", "test", "cohere");
            assertThat(untestable.exit()).isEqualTo(2);
            assertThat(untestable.err()).contains("pryx cannot test cohere");

            Result missing = run("provider", "test");
            assertThat(missing.exit()).isEqualTo(2);
            assertThat(missing.err()).contains("Missing required parameter: '<id>'");
            assertThat(server.getRequestCount()).isZero();
        }
    }
}
