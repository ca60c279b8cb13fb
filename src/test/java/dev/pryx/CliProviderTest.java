package dev.pryx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pryx.vault.FileVault;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code pryx provider} and {@code pryx catalog} verbs as a script sees them. */
@DisplayName("pryx provider / catalog (CLI)")
class CliProviderTest {
    static final String KEY = "sk-proj-test-LEAKCHECK-0123456789abcdef";
    static final String OTHER_KEY = "sk-proj-test-LEAKCHECK-fedcba9876543210";

    @TempDir
    Path home;
    Map<String, String> env;

    record Result(int exit, String out, String err) {
    }

    @BeforeEach
    void setUp() {
        env = new HashMap<>(Map.of("PRYX_HOME", home.toString(), "PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE));
    }

    Result withStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, env::get, home, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err,
                null, FileVault.Options.cheapForTests());
        Result r = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        // No key, passphrase or stack trace ever reaches the terminal.
        assertThat(r.out() + r.err()).doesNotContain(KEY).doesNotContain(OTHER_KEY).doesNotContain(TestSecrets.PASSPHRASE)
                .doesNotContain("\tat ").doesNotContain("Exception");
        return r;
    }

    Result run(String... args) {
        return withStdin("", args);
    }

    JsonNode json(Result r) throws Exception {
        assertThat(r.exit()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Nested
    @DisplayName("happy paths")
    class HappyPaths {
        @Test
        @DisplayName("add, set-key from stdin, list, key-status, models, use-model, current-model, status, remove")
        void tour() throws Exception {
            assertThat(run("provider", "add", "openai").exit()).isZero();
            Result set = withStdin(KEY + "\n", "provider", "set-key", "openai");
            assertThat(set.exit()).as(set.err()).isZero();
            assertThat(set.out()).contains("Stored the key of openai (fp:");

            JsonNode list = json(run("provider", "list", "--json"));
            assertThat(list).hasSize(1);
            assertThat(list.get(0).get("id").asText()).isEqualTo("openai");
            assertThat(list.get(0).get("key_state").asText()).isEqualTo("set");

            JsonNode status = json(run("provider", "key-status", "openai", "--json"));
            assertThat(status.get("set").asBoolean()).isTrue();
            assertThat(status.get("fingerprint").asText()).startsWith("fp:");
            assertThat(status.get("ref").asText()).isEqualTo("vault:openai");

            JsonNode models = json(run("provider", "models", "openai", "--json"));
            assertThat(models.size()).isGreaterThanOrEqualTo(2);
            String model = models.get(1).get("id").asText();
            assertThat(run("provider", "use-model", "openai", model).exit()).isZero();
            JsonNode current = json(run("provider", "current-model", "--json"));
            assertThat(current.get("model").get("value").asText()).isEqualTo(model);
            assertThat(current.get("model").get("source").asText()).isEqualTo("config");

            Result text = run("provider", "status");
            assertThat(text.out()).contains("* openai (OpenAI)").contains("key        set, fp:").contains(model);

            assertThat(run("provider", "remove", "openai").exit()).isZero();
            assertThat(json(run("provider", "list", "--json"))).isEmpty();
        }

        @Test
        @DisplayName("add --compatible openai: any OpenAI-compatible server under a name of your own, key optional")
        void compatible() throws Exception {
            Result added = run("provider", "add", "my-llm", "--compatible", "openai", "--base-url", "http://localhost:8000/v1/");
            assertThat(added.exit()).as(added.err()).isZero();
            assertThat(added.out()).contains("Added my-llm (my-llm, http://localhost:8000/v1)");
            JsonNode list = json(run("provider", "list", "--json"));
            assertThat(list.get(0).get("provider").asText()).isEqualTo("openai-compatible");
            assertThat(list.get(0).get("key_state").asText()).isEqualTo("missing");
            Result noUrl = run("provider", "add", "other", "--compatible", "openai");
            assertThat(noUrl.exit()).isEqualTo(2);
            assertThat(noUrl.err()).contains("needs its address: add --base-url");
            Result unknownApi = run("provider", "add", "other", "--compatible", "anthropic", "--base-url", "http://x");
            assertThat(unknownApi.exit()).isEqualTo(2);
            assertThat(unknownApi.err()).contains("not an API pryx knows");
            // Models are listed live for such servers: any id is accepted, with a note.
            assertThat(run("provider", "use-model", "my-llm", "qwen3-coder").exit()).isZero();
        }

        @Test
        @DisplayName("without a terminal, plain pryx prints the help and pryx tui / --theme refuse with exit 2")
        void noTerminal() {
            Result plain = run();
            assertThat(plain.exit()).isZero();
            assertThat(plain.out()).contains("Usage: pryx").contains("tui");
            Result tui = run("tui");
            assertThat(tui.exit()).isEqualTo(2);
            assertThat(tui.err()).contains("needs a terminal");
            Result theme = run("--theme", "light");
            assertThat(theme.exit()).isEqualTo(2);
            assertThat(theme.err()).contains("needs a terminal");
        }

        @Test
        @DisplayName("rotate-key keeps the previous key and rollback-key returns to it")
        void rotate() throws Exception {
            run("provider", "add", "openai");
            withStdin(KEY + "\n", "provider", "set-key", "openai");
            String first = json(run("provider", "key-status", "openai", "--json")).get("fingerprint").asText();
            Result rotated = withStdin(OTHER_KEY + "\n", "provider", "rotate-key", "openai");
            assertThat(rotated.exit()).isZero();
            assertThat(rotated.out()).contains("rollback-key");
            assertThat(json(run("provider", "key-status", "openai", "--json")).get("versions").asInt()).isEqualTo(2);
            assertThat(run("provider", "rollback-key", "openai").exit()).isZero();
            assertThat(json(run("provider", "key-status", "openai", "--json")).get("fingerprint").asText()).isEqualTo(first);
            assertThat(run("provider", "delete-key", "openai").exit()).isZero();
            assertThat(json(run("provider", "key-status", "openai", "--json")).get("set").asBoolean()).isFalse();
        }

        @Test
        @DisplayName("two accounts of one provider side by side; the environment overrides win and current-model says so")
        void accountsAndOverrides() throws Exception {
            run("provider", "add", "openai");
            run("provider", "add", "openai", "--as", "openai-work", "--name", "Work");
            withStdin(KEY + "\n", "provider", "set-key", "openai");
            withStdin(OTHER_KEY + "\n", "provider", "set-key", "openai-work");
            JsonNode list = json(run("provider", "list", "--json"));
            assertThat(list.findValuesAsText("id")).containsExactly("openai", "openai-work");
            assertThat(list.get(0).get("fingerprint").asText()).isNotEqualTo(list.get(1).get("fingerprint").asText());

            env.put("PRYX_PROVIDER", "openai-work");
            env.put("PRYX_API_KEY_REF", "vault:openai");
            Result current = run("provider", "current-model");
            assertThat(current.out()).contains("openai-work  (from env PRYX_PROVIDER)")
                    .contains("vault:openai  (from env PRYX_API_KEY_REF)");
            Result flagged = run("provider", "current-model", "--provider", "openai");
            assertThat(flagged.out()).contains("openai  (from flag)");
        }

        @Test
        @DisplayName("set-config changes and disables; list --all works without a vault")
        void configAndCatalog() throws Exception {
            Result all = run("provider", "list", "--all");
            assertThat(all.exit()).isZero();
            assertThat(all.out()).contains("openai").contains("anthropic").contains("ollama");
            assertThat(home.resolve("data")).as("listing the catalog creates no vault").doesNotExist();
            run("provider", "add", "anthropic", "--as", "claude-work");
            JsonNode catalog = json(run("provider", "list", "--all", "--json"));
            for (JsonNode entry : catalog) {
                assertThat(entry.get("configured").asBoolean()).as(entry.get("id").asText())
                        .isEqualTo(entry.get("id").asText().equals("anthropic"));
            }
            run("provider", "add", "anthropic");
            Result changed = run("provider", "set-config", "anthropic", "--name", "Claude", "--disable");
            assertThat(changed.out()).contains("Claude").contains("disabled");
            assertThat(json(run("provider", "list", "--json")).get(0).get("enabled").asBoolean()).isFalse();
        }

        @Test
        @DisplayName("import-env lists keys found in the environment, and stores them with --yes")
        void importEnv() throws Exception {
            env.put("OPENAI_API_KEY", KEY);
            Result listed = run("provider", "import-env");
            assertThat(listed.out()).contains("OPENAI_API_KEY -> openai").contains("--yes");
            assertThat(home.resolve("data")).doesNotExist();
            Result stored = run("provider", "import-env", "--yes");
            assertThat(stored.exit()).as(stored.err()).isZero();
            assertThat(stored.out()).contains("Stored OPENAI_API_KEY as the key of openai");
            assertThat(json(run("provider", "key-status", "openai", "--json")).get("set").asBoolean()).isTrue();
        }

        @Test
        @DisplayName("a shell completion script can be generated")
        void completion() {
            Result r = run("generate-completion");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("complete").contains("provider").contains("set-key");
        }
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[] {"provider", "add", "nosuchprovider"}, "is not a known provider"),
                Arguments.of(new String[] {"provider", "add", "../x"}, "is not a valid provider id"),
                Arguments.of(new String[] {"provider", "add", "openai", "--as", "my provider"}, "is not a valid provider id"),
                Arguments.of(new String[] {"provider", "add", "openai", "--as", "bell\u0007"}, "is not a valid provider id"),
                Arguments.of(new String[] {"provider", "add", "openai", "--as", "x".repeat(10_000)}, "is not a valid provider id"),
                Arguments.of(new String[] {"provider", "add", "openai", "--base-url", "ftp://example.com"}, "https://"),
                Arguments.of(new String[] {"provider", "add", "openai", "--model", "no-such-model"}, "is not a model of OpenAI"),
                Arguments.of(new String[] {"provider", "add", "anthropic"}, "configured already"),
                Arguments.of(new String[] {"provider", "set-key", "missing"}, "No provider 'missing' is configured"),
                Arguments.of(new String[] {"provider", "use-model", "anthropic", "no-such-model"}, "is not a model of Anthropic"),
                Arguments.of(new String[] {"provider", "set-config", "anthropic"}, "Nothing to change"),
                Arguments.of(new String[] {"provider", "set-config", "anthropic", "--enable", "--disable"}, "mutually exclusive"),
                Arguments.of(new String[] {"provider", "rotate-key", "anthropic"}, "no key to rotate"),
                Arguments.of(new String[] {"provider", "rollback-key", "anthropic"}, "no earlier key"),
                Arguments.of(new String[] {"provider", "delete-key", "anthropic"}, "No key is set"),
                Arguments.of(new String[] {"provider", "frobnicate"}, "frobnicate"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("usageErrors")
    @DisplayName("bad input: exit 2 and one clear sentence")
    void usage(String[] args, String expected) {
        run("provider", "add", "anthropic");
        Result r = run(args);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected);
        assertThat(r.err().length()).isLessThan(400);
    }

    static Stream<Arguments> verbsTakingAnId() {
        return Stream.of(
                Arguments.of((Object) new String[] {"provider", "remove", "ID"}),
                Arguments.of((Object) new String[] {"provider", "set-key", "ID"}),
                Arguments.of((Object) new String[] {"provider", "key-status", "ID"}),
                Arguments.of((Object) new String[] {"provider", "delete-key", "ID"}),
                Arguments.of((Object) new String[] {"provider", "rotate-key", "ID"}),
                Arguments.of((Object) new String[] {"provider", "rollback-key", "ID"}),
                Arguments.of((Object) new String[] {"provider", "set-config", "ID", "--name", "x"}),
                Arguments.of((Object) new String[] {"provider", "models", "ID"}),
                Arguments.of((Object) new String[] {"provider", "use-model", "ID", "gpt-5"}),
                Arguments.of((Object) new String[] {"provider", "current-model", "--provider", "ID"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbsTakingAnId")
    @DisplayName("every verb taking an id: an unknown one and a malformed one are exit 2, and nothing is created")
    void unknownAndInvalidIds(String[] template) {
        for (String[] bad : new String[][] {{"missing", "'missing'"},
                {"../x", "is not a valid provider id"}, {"a b", "is not a valid provider id"},
                {"x".repeat(10_000), "is not a valid provider id"}}) {
            String[] args = java.util.Arrays.stream(template).map(a -> a.equals("ID") ? bad[0] : a).toArray(String[]::new);
            Result r = withStdin(KEY + "\n", args);
            assertThat(r.exit()).as("%s -> %s", bad[0], r.err()).isEqualTo(2);
            assertThat(r.err()).contains(bad[1]).hasSizeLessThan(400);
        }
        assertThat(home.resolve("data")).as("a failed lookup creates no vault").doesNotExist();
    }

    @Test
    @DisplayName("an empty key, a non-UTF-8 key, a wrong-format key with --strict: exit 2, nothing stored; without --strict, a warning")
    void badKeys() throws Exception {
        run("provider", "add", "anthropic");
        Result empty = withStdin("\n", "provider", "set-key", "anthropic");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("The key is empty");
        ByteArrayOutputStream ignored = new ByteArrayOutputStream();
        int binary = Main.run(new String[] {"provider", "set-key", "anthropic"}, env::get, home,
                new ByteArrayInputStream(new byte[] {(byte) 0xc3, 0x28, '\n'}), ignored, ignored, null, FileVault.Options.cheapForTests());
        assertThat(binary).isEqualTo(2);
        Result strict = withStdin(KEY + "\n", "provider", "set-key", "anthropic", "--strict");
        assertThat(strict.exit()).isEqualTo(2);
        assertThat(strict.err()).contains("does not look like an Anthropic key");
        assertThat(json(run("provider", "key-status", "anthropic", "--json")).get("set").asBoolean()).isFalse();
        Result lenient = withStdin("  " + KEY + "  \n", "provider", "set-key", "anthropic");
        assertThat(lenient.exit()).isZero();
        assertThat(lenient.err()).contains("Removed spaces").contains("Warning: The key does not look like an Anthropic key");
    }

    @Nested
    @DisplayName("catalog")
    class CatalogVerbs {
        @Test
        @DisplayName("info shows the built-in catalog without network or vault")
        void info() throws Exception {
            JsonNode info = json(run("catalog", "info", "--json"));
            assertThat(info.get("source").asText()).isEqualTo("built-in");
            assertThat(info.get("providers").asInt()).isGreaterThanOrEqualTo(27);
        }

        @Test
        @DisplayName("refresh from a server: changes counted; a server error is exit 4 and the catalog stays")
        void refresh() throws Exception {
            try (MockWebServer server = new MockWebServer()) {
                String catalog = "{\"acme\":{\"id\":\"acme\",\"env\":[\"ACME_API_KEY\"],\"npm\":\"x\",\"api\":\"https://api.acme.test/v1\","
                        + "\"name\":\"Acme\",\"doc\":\"https://acme.test\",\"models\":{\"acme-1\":{\"id\":\"acme-1\",\"name\":\"Acme 1\","
                        + "\"attachment\":false,\"reasoning\":false,\"tool_call\":true,\"release_date\":\"2026-01-01\",\"last_updated\":\"2026-01-01\","
                        + "\"modalities\":{\"input\":[\"text\"],\"output\":[\"text\"]},\"open_weights\":false,\"limit\":{\"context\":1000,\"output\":100}}}}}";
                server.enqueue(new MockResponse().setBody(catalog).setHeader("ETag", "\"v1\""));
                server.enqueue(new MockResponse().setResponseCode(500).setBody("oops"));
                server.start();
                env.put("PRYX_CATALOG_URL", server.url("/api.json").toString());
                Result refreshed = run("catalog", "refresh");
                assertThat(refreshed.exit()).as(refreshed.err()).isZero();
                assertThat(json(run("catalog", "info", "--json")).get("source").asText()).isEqualTo("cache");
                assertThat(run("catalog", "info").out()).contains("Source     cache (" + server.url("/api.json"))
                        .containsPattern("Fetched    \\S+ \\(\\d+ s ago\\)").contains("Added      1 providers (acme)");
                assertThat(run("provider", "list", "--all").out()).contains("acme");
                Result failed = run("catalog", "refresh");
                assertThat(failed.exit()).isEqualTo(4);
                assertThat(failed.err()).contains("500");
                assertThat(run("provider", "list", "--all").out()).as("the previous catalog stays").contains("acme");
            }
        }
    }
}
