package dev.pryx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pryx.InProcessCli.Result;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pryx provider models} as a script sees it: the list on stdout, notices on stderr, the failure in the exit code. */
@DisplayName("pryx provider models (CLI)")
class CliProviderModelsCommandTest {
    static final String KEY = TestSecrets.API_KEY;
    static final String TAGS = """
            {"models": [
              {"name": "llama3.1:8b-instruct-q4_K_M", "model": "llama3.1:8b-instruct-q4_K_M",
               "modified_at": "2025-05-04T17:37:44.706015396-07:00", "size": 4920753328,
               "digest": "46e0c10c039e019119339687c3c1757cc81b9da49709a3b3924863ba87ca666e",
               "details": {"parent_model": "", "format": "gguf", "family": "llama", "families": ["llama"],
                           "parameter_size": "8.0B", "quantization_level": "Q4_K_M"}},
              {"name": "qwen3:8b", "model": "qwen3:8b", "modified_at": "2025-04-30T09:12:01.1202-07:00",
               "size": 5225388164, "digest": "500a1f067a9f782620b40bee6f7b0c89e17ae61f686b92c24933e4ca4b2b8b41",
               "details": {"parent_model": "", "format": "gguf", "family": "qwen3", "families": ["qwen3"],
                           "parameter_size": "8.2B", "quantization_level": "Q4_K_M"}}]}
            """;
    static final String OPENROUTER = """
            {"data": [
              {"id": "openai/gpt-4o", "name": "OpenAI: GPT-4o", "context_length": 128000,
               "architecture": {"input_modalities": ["text", "image"], "output_modalities": ["text"]},
               "pricing": {"prompt": "0.0000025", "completion": "0.00001"},
               "top_provider": {"context_length": 128000, "max_completion_tokens": 16384},
               "supported_parameters": ["max_tokens", "tools"]}]}
            """;

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

    void addOllama(String baseUrl) {
        Result added = run("provider", "add", "ollama", "--base-url", baseUrl);
        assertThat(added.exit()).as(added.err()).isZero();
    }

    void addOpenRouter() {
        Result added = run("provider", "add", "openrouter", "--base-url", server.url("/api/v1").toString());
        assertThat(added.exit()).as(added.err()).isZero();
        Result set = withStdin(KEY + "\n", "provider", "set-key", "openrouter");
        assertThat(set.exit()).as(set.err()).isZero();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    RecordedRequest taken() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the server").isNotNull();
        return r;
    }

    Path cacheFile(String id) {
        return home.resolve("cache/models/" + id + ".json");
    }

    /** Moves the cached list's fetch time back, as if it had been fetched {@code age} ago. */
    void age(String id, Duration age) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode cache = (ObjectNode) mapper.readTree(cacheFile(id).toFile());
        cache.put("fetched_at", Instant.now().minus(age).toString());
        Files.writeString(cacheFile(id), mapper.writeValueAsString(cache));
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Nested
    @DisplayName("listing")
    class Listing {
        @Test
        @DisplayName("Ollama: the installed models with size and quantization instead of prices, within 80 columns")
        void ollama() throws Exception {
            addOllama(server.url("/").toString());
            server.enqueue(json(200, TAGS));

            Result r = run("provider", "models", "ollama");

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err()).isEmpty();
            assertThat(taken().getPath()).isEqualTo("/api/tags");
            String[] lines = r.out().split("\\R");
            assertThat(lines[0]).matches(" +MODEL +CONTEXT +SIZE +QUANT +CAPABILITIES");
            assertThat(lines[1]).matches(" +llama3\\.1:8b-instruct-q4_K_M +- +4\\.9 GB +Q4_K_M");
            assertThat(lines[2]).as("filled from the catalog's qwen3:8b").matches(" +qwen3:8b +41k +5\\.2 GB +Q4_K_M +tools,reasoning");
            assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        }

        @Test
        @DisplayName("a second listing within the hour is served from the cache, without a request")
        void cached() {
            addOllama(server.url("/").toString());
            server.enqueue(json(200, TAGS));
            String first = run("provider", "models", "ollama").out();
            Result second = run("provider", "models", "ollama");
            assertThat(second.out()).isEqualTo(first);
            assertThat(second.err()).isEmpty();
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("--json: the models with where each comes from and Ollama's size, family, parameter size and quantization")
        void jsonOutput() throws Exception {
            addOllama(server.url("/").toString());
            server.enqueue(json(200, TAGS));

            JsonNode models = new ObjectMapper().readTree(run("provider", "models", "ollama", "--json").out());

            assertThat(models).hasSize(2);
            JsonNode llama = models.get(0);
            assertThat(llama.get("id").asText()).isEqualTo("llama3.1:8b-instruct-q4_K_M");
            assertThat(llama.get("source").asText()).isEqualTo("live");
            assertThat(llama.get("size_bytes").asLong()).isEqualTo(4_920_753_328L);
            assertThat(llama.get("family").asText()).isEqualTo("llama");
            assertThat(llama.get("parameter_size").asText()).isEqualTo("8.0B");
            assertThat(llama.get("quantization").asText()).isEqualTo("Q4_K_M");
            assertThat(llama.get("context_tokens").isNull()).isTrue();
            assertThat(llama.has("owner")).isTrue();
            assertThat(models.get(1).get("context_tokens").asLong()).isEqualTo(40_960L);
        }

        @Test
        @DisplayName("OpenRouter: the live prices and limits, the key sent as a Bearer header")
        void openRouter() throws Exception {
            addOpenRouter();
            server.enqueue(json(200, OPENROUTER));

            Result r = run("provider", "models", "openrouter");

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).containsPattern("openai/gpt-4o +128k +2\\.50 +10\\.00 +tools,files");
            assertThat(r.out()).doesNotContain("SIZE");
            assertThat(taken().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        }

        @Test
        @DisplayName("a provider without a live list shows the catalog's; --refresh says there is nothing to fetch")
        void notLive() {
            assertThat(run("provider", "add", "openai", "--base-url", server.url("/v1").toString()).exit()).isZero();
            Result r = run("provider", "models", "openai", "--refresh");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("MODEL").contains("IN $/M");
            assertThat(r.err()).isEqualTo("Note: openai has no live model list; this is the catalog's (`pryx catalog refresh` "
                    + "updates it)." + System.lineSeparator());
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Nested
    @DisplayName("when the fetch fails")
    class Failures {
        @Test
        @DisplayName("a stale cache stands in, with a one-line notice saying how old it is and why")
        void staleCache() throws Exception {
            addOllama(server.url("/").toString());
            server.enqueue(json(200, TAGS));
            run("provider", "models", "ollama");
            age("ollama", Duration.ofMinutes(150));
            server.enqueue(json(500, "{\"error\": \"llama runner process has terminated\"}"));

            Result r = run("provider", "models", "ollama");

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("llama3.1:8b-instruct-q4_K_M");
            assertThat(r.err()).startsWith("Note: the live model list could not be fetched, so this is the list fetched 3 hours " // 150 minutes, rounded as everywhere (RelativeTime)
                    + "ago. Ollama (local) failed on its side with a server error (500): llama runner process has terminated. "
                    + "Check the Ollama server's log");
            assertThat(r.err().lines().count()).isEqualTo(1);
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("with nothing cached, the catalog's list stands in, with the notice")
        void catalog() throws Exception {
            addOllama("http://127.0.0.1:" + closedPort());

            Result r = run("provider", "models", "ollama");

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("gpt-oss:20b").contains("qwen3:8b");
            assertThat(r.err()).startsWith("Note: the live model list could not be fetched, so this is the catalog's list. "
                    + "Could not connect to 127.0.0.1:").contains("ollama serve");
        }

        @Test
        @DisplayName("--refresh: a refused key exits 1 (as provider test), the key it echoed is not shown, the cache is kept")
        void refreshRejected() throws Exception {
            addOpenRouter();
            server.enqueue(json(200, OPENROUTER));
            run("provider", "models", "openrouter");
            String cached = Files.readString(cacheFile("openrouter"));
            server.enqueue(json(401, "{\"error\": {\"message\": \"User not found for key " + KEY + "\", \"code\": 401}}"));

            Result r = run("provider", "models", "openrouter", "--refresh");

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("pryx: OpenRouter rejected the key (401): User not found for key [redacted].")
                    .contains("pryx provider set-key openrouter");
            assertThat(Files.readString(cacheFile("openrouter"))).isEqualTo(cached);
        }

        @Test
        @DisplayName("--refresh: a provider error or an unreachable server exits 4")
        void refreshRemote() throws Exception {
            addOpenRouter();
            server.enqueue(json(503, "{\"error\": {\"message\": \"overloaded\", \"code\": 503}}"));
            Result down = run("provider", "models", "openrouter", "--refresh");
            assertThat(down.exit()).isEqualTo(4);
            assertThat(down.err()).startsWith("pryx: OpenRouter failed on its side with a server error (503): overloaded.");

            addOllama("http://127.0.0.1:" + closedPort());
            Result refused = run("provider", "models", "ollama", "--refresh");
            assertThat(refused.exit()).isEqualTo(4);
            assertThat(refused.err()).startsWith("pryx: Could not connect to 127.0.0.1:");
        }

        @Test
        @DisplayName("a malformed models.json is exit 2 naming the file, and nothing is fetched")
        void badOverrides() throws Exception {
            addOllama(server.url("/").toString());
            Files.createDirectories(home.resolve("config"));
            Files.writeString(home.resolve("config/models.json"), "{\"ollama\": {\"qwen3:8b\": {\"context\": \"lots\"}}}");

            Result r = run("provider", "models", "ollama");

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("pryx: The model overrides file " + home.resolve("config/models.json")
                    + " is not valid: at ollama > qwen3:8b > context: expected a whole number of tokens above 0. Fix it or move "
                    + "it away (nothing was changed)." + System.lineSeparator());
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        @DisplayName("an unknown provider is exit 2")
        void unknown() {
            assertThat(run("provider", "models", "nobody").exit()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("with the other provider verbs")
    class OtherVerbs {
        @Test
        @DisplayName("use-model takes a model only models.json adds (exit 0), and still refuses one nothing lists (exit 2)")
        void useModelOverride() throws Exception {
            assertThat(run("provider", "add", "openai", "--base-url", server.url("/v1").toString()).exit()).isZero();
            Files.createDirectories(home.resolve("config"));
            Files.writeString(home.resolve("config/models.json"), "{\"openai\": {\"ft:gpt-5:acme\": {\"name\": \"Ours\"}}}");

            Result used = run("provider", "use-model", "openai", "ft:gpt-5:acme");

            assertThat(used.exit()).as(used.err()).isZero();
            assertThat(used.out()).isEqualTo("Default: openai / ft:gpt-5:acme." + System.lineSeparator());
            assertThat(run("provider", "current-model").out()).contains("ft:gpt-5:acme");
            Result refused = run("provider", "use-model", "openai", "ft:gpt-5:someone-else");
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.err()).isEqualTo("pryx: 'ft:gpt-5:someone-else' is not a model of OpenAI. See `pryx provider "
                    + "models openai`." + System.lineSeparator());
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        @DisplayName("remove deletes the provider's cached list; added again, it fetches afresh")
        void removeDeletesCache() {
            addOllama(server.url("/").toString());
            server.enqueue(json(200, TAGS));
            assertThat(run("provider", "models", "ollama").exit()).isZero();
            assertThat(cacheFile("ollama")).exists();

            Result removed = run("provider", "remove", "ollama");

            assertThat(removed.exit()).as(removed.err()).isZero();
            assertThat(cacheFile("ollama")).doesNotExist();
            addOllama(server.url("/").toString());
            server.enqueue(json(200, "{\"models\": [{\"name\": \"phi4:14b\", \"size\": 9053116391}]}"));
            Result listed = run("provider", "models", "ollama");
            assertThat(listed.out()).contains("phi4:14b").doesNotContain("qwen3:8b");
            assertThat(server.getRequestCount()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("the key appears in no file under PRYX_HOME in clear, nor in the test log")
    void noKeyAnywhere() throws Exception {
        addOpenRouter();
        server.enqueue(json(200, OPENROUTER));
        run("provider", "models", "openrouter");
        server.enqueue(json(401, "{\"error\": {\"message\": \"bad key " + KEY + "\", \"code\": 401}}"));
        run("provider", "models", "openrouter", "--refresh");
        assertThat(Files.readString(cacheFile("openrouter"))).doesNotContain("LEAKCHECK");
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain("LEAKCHECK");
            }
        }
        Path log = Path.of(System.getProperty("pryx.buildDir", "target"), "test-logs", "pryx-test.log");
        if (Files.exists(log)) {
            assertThat(Files.readString(log, StandardCharsets.ISO_8859_1)).doesNotContain(KEY);
        }
    }
}
