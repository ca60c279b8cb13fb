package dev.pryx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pryx.testing.FakeProviderProcess;
import dev.pryx.testing.FakeProviderServer;
import dev.pryx.testing.FakeProviderServer.Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code pryx provider test} and {@code provider models --refresh} end to end with nothing
 * in-process: the packaged launcher {@code target/pryx} in one process, a local provider server
 * ({@link FakeProviderServer}: Ollama's and the OpenAI-compatible API) in another, talking over a
 * real loopback socket. Covers what only separate processes show: the launcher's own HTTP stack and
 * proxy selection against a real port, the verdict that survives into the next process
 * ({@code provider status}), the live model lists, and a server that dies between two commands.
 * Nothing under PRYX_HOME (outputs, log, vault) may hold a test secret in clear.
 */
@DisplayName("pryx provider test and models against a local server in another process")
class LocalServerProcessIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("pryx.buildDir", "target"), "pryx");
    private static final Duration SEEN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final List<FakeProviderProcess> servers = new ArrayList<>();
    private int runs;

    record Run(int exit, String out, String err) {
        /** Output and exit code for an assertion's description. */
        String said() {
            return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    /** The two kinds of local server pryx tests, and how a test sets each up. */
    enum Api {
        OLLAMA("ollama", null),
        OPENAI_COMPATIBLE("my-llm", TestSecrets.API_KEY);

        final String id;
        final String key;

        Api(String id, String key) {
            this.id = id;
            this.key = key;
        }
    }

    @AfterEach
    void stopServers() throws InterruptedException {
        for (FakeProviderProcess s : servers) {
            s.close();
        }
    }

    @Test
    @DisplayName("Ollama: the version and model count, the verdict on the status board, then a dead server is connection_refused (exit 4)")
    void ollama() throws Exception {
        FakeProviderProcess server = server("ollama", Mode.OK, null);
        add(Api.OLLAMA, server);

        Run test = pryx("", "provider", "test", "ollama");
        assertThat(test.exit()).as(test.said()).isZero();
        assertThat(test.out()).containsPattern("^ollama: ok \\([0-9]+ ms, " + FakeProviderServer.OLLAMA_MODEL_COUNT
                + " models visible, no key sent\\)");
        assertThat(server.awaitRequests(2, SEEN)).as("Ollama's two requests, without a key")
                .containsExactly("GET /api/version auth=none 200", "GET /api/tags auth=none 200");

        JsonNode report = json(pryx("", "provider", "test", "ollama", "--json"));
        assertThat(report.path("verdict").asText()).isEqualTo("ok");
        assertThat(report.path("model_count").asInt()).isEqualTo(FakeProviderServer.OLLAMA_MODEL_COUNT);
        assertThat(report.path("key_sent").asBoolean()).isFalse();
        assertThat(report.path("endpoint").asText()).isEqualTo(server.url("/api/tags"));
        assertThat(report.path("message").asText()).isEqualTo("Ollama (local) answers at 127.0.0.1:" + server.port()
                + " and lists " + FakeProviderServer.OLLAMA_MODEL_COUNT + " models (version " + FakeProviderServer.OLLAMA_VERSION + ").");
        assertThat(lastVerdict("ollama")).isEqualTo("ok");

        server.kill();
        Run dead = pryx("", "provider", "test", "ollama");
        assertThat(dead.exit()).as(dead.said()).isEqualTo(4);
        assertThat(dead.out()).startsWith("ollama: connection refused\n")
                .contains("Could not connect to 127.0.0.1:" + server.port() + ": the connection was refused.")
                .contains("Hint: Start Ollama (`ollama serve`, or the desktop app)");
        assertThat(lastVerdict("ollama")).isEqualTo("connection_refused");
        assertNoSecretUnderHome();
    }

    @Test
    @DisplayName("OpenAI-compatible: key_required, ok with the key, invalid_key (exit 1, the echoed key redacted), connection_refused (exit 4)")
    void openAiCompatible() throws Exception {
        FakeProviderProcess server = server("openai", Mode.OK, TestSecrets.API_KEY);
        Run added = pryx("", "provider", "add", "my-llm", "--compatible", "openai", "--base-url", server.url("/v1"));
        assertThat(added.exit()).as(added.said()).isZero();
        assertThat(added.out()).contains("Next: `pryx provider test my-llm`; if the server wants a key, `pryx provider set-key my-llm` first.");

        Run noKey = pryx("", "provider", "test", "my-llm");
        assertThat(noKey.exit()).as(noKey.said()).isEqualTo(1);
        assertThat(noKey.out()).startsWith("my-llm: key required (401)\n").contains("pryx provider set-key my-llm");
        assertThat(server.awaitRequests(1, SEEN)).containsExactly("GET /v1/models auth=none 401");

        setKey("my-llm", TestSecrets.API_KEY);
        Run ok = pryx("", "provider", "test", "my-llm");
        assertThat(ok.exit()).as(ok.said()).isZero();
        assertThat(ok.out()).containsPattern("^my-llm: ok \\([0-9]+ ms, " + FakeProviderServer.OPENAI_MODEL_COUNT
                + " models visible\\)");
        assertThat(server.awaitRequests(2, SEEN).get(1)).isEqualTo("GET /v1/models auth=match 200");
        assertThat(lastVerdict("my-llm")).isEqualTo("ok");

        setKey("my-llm", TestSecrets.OTHER_API_KEY);
        Run wrong = pryx("", "provider", "test", "my-llm");
        assertThat(wrong.exit()).as(wrong.said()).isEqualTo(1);
        assertThat(wrong.out()).startsWith("my-llm: invalid key (401)\n")
                .contains("my-llm rejected the key (401): Incorrect API key provided: [redacted]")
                .contains("Hint: Check that the key was copied whole and belongs to this provider")
                .contains("`pryx provider set-key my-llm`");
        assertThat(server.awaitRequests(3, SEEN).get(2)).isEqualTo("GET /v1/models auth=wrong 401");
        JsonNode status = statusEntry("my-llm");
        assertThat(status.path("last_test").path("verdict").asText()).isEqualTo("invalid_key");
        assertThat(status.path("key_state").asText()).as(status.toString()).isEqualTo("set");

        server.kill();
        Run dead = pryx("", "provider", "test", "my-llm", "--json");
        assertThat(dead.exit()).as(dead.said()).isEqualTo(4);
        JsonNode report = JSON.readTree(dead.out());
        assertThat(report.path("verdict").asText()).isEqualTo("connection_refused");
        assertThat(report.path("hint").asText()).startsWith("Check the host and port in the base URL");
        assertThat(lastVerdict("my-llm")).isEqualTo("connection_refused");
        assertNoSecretUnderHome();
    }

    @Test
    @DisplayName("provider models ollama --refresh --json: Ollama's live list with size, family, parameters and quantization")
    void ollamaLiveModels() throws Exception {
        FakeProviderProcess server = server("ollama", Mode.OK, null);
        add(Api.OLLAMA, server);

        Run refreshed = pryx("", "provider", "models", "ollama", "--refresh", "--json");
        assertThat(refreshed.exit()).as(refreshed.said()).isZero();
        assertThat(server.awaitRequests(1, SEEN)).contains("GET /api/tags auth=none 200");
        Map<String, JsonNode> live = new java.util.LinkedHashMap<>();
        for (JsonNode m : JSON.readTree(refreshed.out())) {
            if (m.path("source").asText().equals("live")) {
                live.put(m.path("id").asText(), m);
            }
        }
        assertThat(live).as(refreshed.out()).containsOnlyKeys("llama3.1:8b", "qwen2.5-coder:7b", "nomic-embed-text:latest");
        JsonNode llama = live.get("llama3.1:8b");
        assertThat(llama.path("size_bytes").asLong()).isEqualTo(4_920_753_328L);
        assertThat(llama.path("family").asText()).isEqualTo("llama");
        assertThat(llama.path("parameter_size").asText()).isEqualTo("8.0B");
        assertThat(llama.path("quantization").asText()).isEqualTo("Q4_K_M");
        JsonNode embed = live.get("nomic-embed-text:latest");
        assertThat(embed.path("size_bytes").asLong()).isEqualTo(274_302_450L);
        assertThat(embed.path("family").asText()).isEqualTo("nomic-bert");
        assertThat(embed.path("quantization").asText()).isEqualTo("F16");

        Run table = pryx("", "provider", "models", "ollama");
        assertThat(table.exit()).as(table.said()).isZero();
        assertThat(table.out()).contains("SIZE").contains("QUANT").contains("4.9 GB").containsPattern("llama3\\.1:8b .*Q4_K_M");
        assertNoSecretUnderHome();
    }

    @Test
    @DisplayName("provider models my-llm --refresh: the OpenAI-compatible server's live list, with the key; a wrong key is exit 1, a dead server exit 4")
    void openAiCompatibleLiveModels() throws Exception {
        FakeProviderProcess server = server("openai", Mode.OK, TestSecrets.API_KEY);
        add(Api.OPENAI_COMPATIBLE, server);
        setKey("my-llm", TestSecrets.API_KEY);

        Run table = pryx("", "provider", "models", "my-llm", "--refresh");
        assertThat(table.exit()).as(table.said()).isZero();
        assertThat(table.out()).contains("meta-llama/Llama-3.1-8B-Instruct").contains("Qwen/Qwen2.5-Coder-7B-Instruct");
        assertThat(server.awaitRequests(1, SEEN)).containsExactly("GET /v1/models auth=match 200");
        Run json = pryx("", "provider", "models", "my-llm", "--refresh", "--json");
        assertThat(json.exit()).as(json.said()).isZero();
        List<String> owners = new ArrayList<>();
        for (JsonNode m : JSON.readTree(json.out())) {
            if (m.path("source").asText().equals("live")) {
                owners.add(m.path("id").asText() + " " + m.path("owner").asText());
            }
        }
        assertThat(owners).containsExactlyInAnyOrder("meta-llama/Llama-3.1-8B-Instruct vllm", "Qwen/Qwen2.5-Coder-7B-Instruct vllm");

        setKey("my-llm", TestSecrets.OTHER_API_KEY);
        Run wrong = pryx("", "provider", "models", "my-llm", "--refresh");
        assertThat(wrong.exit()).as(wrong.said()).isEqualTo(1);
        assertThat(wrong.err()).contains("my-llm rejected the key (401)").contains("[redacted]");
        assertThat(server.awaitRequests(3, SEEN).get(2)).isEqualTo("GET /v1/models auth=wrong 401");

        server.kill();
        Run dead = pryx("", "provider", "models", "my-llm", "--refresh");
        assertThat(dead.exit()).as(dead.said()).isEqualTo(4);
        assertThat(dead.out() + dead.err()).contains("127.0.0.1:" + server.port());
        assertNoSecretUnderHome();
    }

    static Stream<Arguments> failures() {
        return Stream.of(Api.values()).flatMap(api -> Stream.of(
                arguments(api, Mode.SERVER_ERROR, "provider_error", "provider error (500)"),
                arguments(api, Mode.RATE_LIMITED, "rate_limited",
                        "rate limited (429, retry after " + FakeProviderServer.RETRY_AFTER_SECONDS + " s)"),
                arguments(api, Mode.NOT_JSON, "unexpected_response", "unexpected response (200)")));
    }

    @ParameterizedTest(name = "{0}, {1}: {2}, exit 4")
    @MethodSource("failures")
    @DisplayName("a server that fails on its side is the remote party's failure: exit 4 with its verdict")
    void serverFailures(Api api, Mode mode, String verdict, String firstLine) throws Exception {
        FakeProviderProcess server = server(api.name().toLowerCase(java.util.Locale.ROOT), mode, api.key);
        add(api, server);
        if (api.key != null) {
            setKey(api.id, api.key);
        }
        Run test = pryx("", "provider", "test", api.id);
        assertThat(test.exit()).as(test.said()).isEqualTo(4);
        assertThat(test.out()).startsWith(api.id + ": " + firstLine + "\n").contains("\nHint: ");
        if (api == Api.OLLAMA && mode == Mode.SERVER_ERROR) {
            assertThat(test.out()).contains("llama runner process has terminated")
                    .contains("Hint: Check the Ollama server's log (the output of `ollama serve`), then test again.");
        }
        if (mode == Mode.NOT_JSON) {
            assertThat(test.out()).contains("not with the JSON pryx expects").contains("captive portal");
        }
        String expectedAuth = api.key != null ? "match" : "none";
        assertThat(server.awaitRequests(1, SEEN).get(0)).endsWith(" auth=" + expectedAuth + " " + (mode == Mode.NOT_JSON
                ? 200 : mode == Mode.RATE_LIMITED ? 429 : 500));
        assertThat(lastVerdict(api.id)).isEqualTo(verdict);
        assertNoSecretUnderHome();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private FakeProviderProcess server(String name, Mode mode, String key) throws IOException, InterruptedException {
        FakeProviderProcess s = FakeProviderProcess.start(home.resolve("servers"), name, mode, key);
        servers.add(s);
        return s;
    }

    private void add(Api api, FakeProviderProcess server) throws IOException, InterruptedException {
        Run added = api == Api.OLLAMA
                ? pryx("", "provider", "add", "ollama", "--base-url", server.url(""))
                : pryx("", "provider", "add", api.id, "--compatible", "openai", "--base-url", server.url("/v1"));
        assertThat(added.exit()).as(added.said()).isZero();
    }

    /** {@code provider set-key} with the key on stdin, as a script stores it. */
    private void setKey(String id, String key) throws IOException, InterruptedException {
        Run set = pryx(key + "\n", "provider", "set-key", id);
        assertThat(set.exit()).as(set.said()).isZero();
        assertThat(set.out()).startsWith("Stored the key of " + id + " (");
    }

    /** This provider's entry of {@code provider status --json}. */
    private JsonNode statusEntry(String id) throws IOException, InterruptedException {
        Run status = pryx("", "provider", "status", "--json");
        assertThat(status.exit()).as(status.said()).isZero();
        for (JsonNode entry : JSON.readTree(status.out())) {
            if (entry.path("id").asText().equals(id)) {
                return entry;
            }
        }
        throw new AssertionError(id + " is not on the status board: " + status.out());
    }

    private String lastVerdict(String id) throws IOException, InterruptedException {
        return statusEntry(id).path("last_test").path("verdict").asText();
    }

    private static JsonNode json(Run run) throws IOException {
        assertThat(run.exit()).as(run.said()).isZero();
        return JSON.readTree(run.out());
    }

    /**
     * Runs the launcher with PRYX_HOME in the test's directory and the test passphrase, and none of
     * the caller's other PRYX_ variables. Its stdout and stderr are kept under PRYX_HOME, so that
     * {@link #assertNoSecretUnderHome()} (and SecretLeakIT after the suite) read them too.
     */
    private Run pryx(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("PRYX_"));
        env.put("PRYX_HOME", home.toString());
        env.put("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE);
        Path runs = Files.createDirectories(home.resolve("runs"));
        int n = ++this.runs;
        Path out = runs.resolve(n + ".out.log");
        Path err = runs.resolve(n + ".err.log");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("pryx " + String.join(" ", args) + " finished").isTrue();
        Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        assertThat(run.out() + run.err()).as("pryx " + String.join(" ", args))
                .doesNotContain("Exception").doesNotContain("\tat ");
        return run;
    }

    /**
     * Every file under PRYX_HOME (the launcher's outputs, its log, the vault and its backups, the
     * servers' stderr) is free of every test secret in clear: the keys, whole or in part, and the
     * passphrase.
     */
    private void assertNoSecretUnderHome() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(home)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the log file is among them").contains(home.resolve("state/logs/pryx.log"));
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (Pattern secret : TestSecrets.PATTERNS) {
                assertThat(secret.matcher(text).find()).as(f + " holds " + secret).isFalse();
            }
            assertThat(text).as(f.toString()).doesNotContain(TestSecrets.API_KEY).doesNotContain(TestSecrets.OTHER_API_KEY)
                    .doesNotContain(TestSecrets.PASSPHRASE);
        }
    }
}
