package dev.pryx.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.TestSecrets;
import dev.pryx.support.Environment;
import dev.pryx.support.PryxException;
import dev.pryx.support.PryxPaths;
import dev.pryx.support.Secret;
import dev.pryx.vault.FileVault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ProviderManager: providers, keys, models")
class ProviderWorkflowsTest {
    static final String OPENAI_KEY = "sk-test-LEAKCHECK-openai-0123456789abcdef";
    static final String WORK_KEY = "sk-test-LEAKCHECK-work-0123456789abcdef";
    static final String ANTHROPIC_KEY = "sk-ant-test-LEAKCHECK-0123456789abcdef";

    @TempDir
    Path home;
    Map<String, String> env;
    PassphraseSourceTest.ScriptedInput input;
    List<ProviderEvent> events;
    ProviderManager manager;

    @BeforeEach
    void start() {
        env = new HashMap<>(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE));
        events = new ArrayList<>();
        manager = newManager();
    }

    @AfterEach
    void stop() {
        manager.close();
    }

    ProviderManager newManager() {
        input = new PassphraseSourceTest.ScriptedInput(false);
        Environment e = env::get;
        return new ProviderManager(PryxPaths.under(home), FileVault.Options.cheapForTests(), new PassphraseSource(e, input),
                input, new FakeCatalog(), e, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC), events::add);
    }

    static Secret secret(String s) {
        return Secret.adopt(s.toCharArray());
    }

    ProviderConfig add(String catalogId) {
        return manager.addProvider(new ProviderManager.NewProvider(catalogId, null, null, null, null));
    }

    /** A usage error (exit 2) with one sentence naming the problem, and never a secret. */
    static void usage(ThrowableAssert.ThrowingCallable call, String expected) {
        assertThatThrownBy(call).isInstanceOf(PryxException.class)
                .satisfies(e -> assertThat(((PryxException) e).kind()).isEqualTo(PryxException.Kind.USAGE))
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(TestSecrets.PATTERNS).noneMatch(p -> p.matcher(e.getMessage()).find()));
    }

    @Nested
    @DisplayName("adding")
    class Adding {
        @Test
        @DisplayName("a catalog provider with its defaults; the first becomes the default provider")
        void addsWithDefaults() {
            ProviderConfig c = add("openai");
            assertThat(c).extracting(ProviderConfig::id, ProviderConfig::provider, ProviderConfig::baseUrl,
                    ProviderConfig::apiKeyRef, ProviderConfig::authType, ProviderConfig::enabled)
                    .containsExactly("openai", "openai", "https://api.openai.com/v1", "vault:openai", "api_key", true);
            assertThat(manager.listProviders()).singleElement().satisfies(v -> {
                assertThat(v.active()).isTrue();
                assertThat(v.keyState()).isEqualTo("missing");
            });
            assertThat(events).extracting(ProviderEvent::type).containsExactly("provider.add");
        }

        @Test
        @DisplayName("a second account with --as, side by side with the first")
        void twoAccounts() {
            add("openai");
            manager.addProvider(new ProviderManager.NewProvider("openai", "openai-work", "Work", null, "gpt-5-mini"));
            manager.setKey("openai", secret(OPENAI_KEY), false);
            manager.setKey("openai-work", secret(WORK_KEY), false);
            KeyStatus personal = manager.keyStatus("openai");
            KeyStatus work = manager.keyStatus("openai-work");
            assertThat(personal.ref()).isEqualTo("vault:openai");
            assertThat(work.ref()).isEqualTo("vault:openai-work");
            assertThat(personal.fingerprint()).isNotEqualTo(work.fingerprint()).startsWith("fp:");
            try (Secret a = manager.readKey("openai", Scope.PROVIDER_TEST);
                 Secret b = manager.readKey("openai-work", Scope.PROVIDER_TEST)) {
                assertThat(new String(a.chars())).isEqualTo(OPENAI_KEY);
                assertThat(new String(b.chars())).isEqualTo(WORK_KEY);
            }
            assertThat(manager.listProviders()).extracting(ProviderView::id).containsExactly("openai", "openai-work");
        }

        @Test
        @DisplayName("the same id twice is refused and the first is unchanged")
        void duplicate() {
            add("openai");
            usage(() -> add("openai"), "configured already");
            assertThat(manager.listProviders()).hasSize(1);
        }

        @Test
        @DisplayName("an unknown provider is refused with a suggestion")
        void unknown() {
            usage(() -> add("openaj"), "'openaj' is not a known provider");
            usage(() -> add("open"), "did you mean openai?");
        }

        @ParameterizedTest(name = "id {0}")
        @ValueSource(strings = {"../x", "a/b", "my provider", "Upper", "-dash", "tab\there", "nul\0", ".", "a..b", ""})
        @DisplayName("an invalid id is refused")
        void invalidIds(String id) {
            usage(() -> manager.addProvider(new ProviderManager.NewProvider("openai", id, null, null, null)),
                    "is not a valid provider id");
        }

        @Test
        @DisplayName("an id of 10,000 characters is refused, and the message stays short")
        void hugeId() {
            String id = "a".repeat(10_000);
            assertThatThrownBy(() -> manager.addProvider(new ProviderManager.NewProvider("openai", id, null, null, null)))
                    .hasMessageContaining("is not a valid provider id")
                    .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(250));
        }

        @ParameterizedTest(name = "base URL {0}")
        @ValueSource(strings = {"ftp://example.com", "file:///etc/passwd", "javascript:alert(1)", "example.com/v1",
                "https://user:pw@example.com", "http://"})
        @DisplayName("a base URL that is not http(s) with a host is refused")
        void badUrls(String url) {
            assertThatThrownBy(() -> manager.addProvider(new ProviderManager.NewProvider("openai", null, null, url, null)))
                    .isInstanceOf(PryxException.class)
                    .satisfies(e -> assertThat(((PryxException) e).kind()).isEqualTo(PryxException.Kind.USAGE));
        }

        @Test
        @DisplayName("a provider without a default address needs --base-url")
        void needsUrl() {
            usage(() -> add("custom"), "--base-url");
            ProviderConfig c = manager.addProvider(new ProviderManager.NewProvider("custom", null, null, "http://127.0.0.1:8080/v1/", null));
            assertThat(c.baseUrl()).isEqualTo("http://127.0.0.1:8080/v1");
        }

        @Test
        @DisplayName("a model not in a static list is refused; a live-listed provider accepts it with a note")
        void models() {
            usage(() -> manager.addProvider(new ProviderManager.NewProvider("openai", null, null, null, "gpt-9")),
                    "'gpt-9' is not a model of OpenAI");
            ProviderConfig c = manager.addProvider(new ProviderManager.NewProvider("openrouter", null, null, null, "vendor/new-model"));
            assertThat(c.model()).isEqualTo("vendor/new-model");
            assertThat(input.notices).anyMatch(n -> n.contains("listed live"));
        }

        @Test
        @DisplayName("remove deletes the key and clears the default")
        void remove() {
            add("openai");
            manager.setKey("openai", secret(OPENAI_KEY), false);
            manager.removeProvider("openai");
            assertThat(manager.listProviders()).isEmpty();
            java.util.Set<String> names = manager.vault().read(c -> java.util.Set.copyOf(c.credentialNames()));
            assertThat(names).doesNotContain("openai");
            assertThat(manager.currentModel(null, null).provider().value()).isNull();
            usage(() -> manager.removeProvider("openai"), "No provider 'openai' is configured");
        }

        @Test
        @DisplayName("set-config changes name, URL and enabled state, and refuses nothing to change")
        void setConfig() {
            add("openai");
            ProviderConfig c = manager.setConfig("openai", new ProviderManager.ConfigChange("Mine", "https://proxy.example/v1", false));
            assertThat(c.name()).isEqualTo("Mine");
            assertThat(c.baseUrl()).isEqualTo("https://proxy.example/v1");
            assertThat(c.enabled()).isFalse();
            assertThat(c.updatedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
            usage(() -> manager.setConfig("openai", new ProviderManager.ConfigChange(null, "gopher://x", null)), "https://");
        }
    }

    @Nested
    @DisplayName("keys")
    class Keys {
        @BeforeEach
        void addOpenAi() {
            add("openai");
        }

        @Test
        @DisplayName("surrounding whitespace is trimmed and said; the status shows a fingerprint, never the key")
        void trimmed() {
            KeyStatus s = manager.setKey("openai", secret("  " + OPENAI_KEY + "\n"), false);
            assertThat(input.notices).contains("Removed spaces or line breaks around the key.");
            assertThat(s.set()).isTrue();
            assertThat(s.toString()).doesNotContain(OPENAI_KEY);
            try (Secret k = manager.readKey("openai", Scope.PROVIDER_TEST)) {
                assertThat(new String(k.chars())).isEqualTo(OPENAI_KEY);
            }
            assertThat(manager.setKey("openai", secret(OPENAI_KEY), false).fingerprint()).as("trimmed key, same fingerprint")
                    .isEqualTo(s.fingerprint());
        }

        @Test
        @DisplayName("an empty key, or one with spaces inside, is refused and nothing is stored")
        void empty() {
            usage(() -> manager.setKey("openai", secret("   \n"), false), "The key is empty");
            usage(() -> manager.setKey("openai", secret("sk-abc def-0123456789abcdefghij"), false), "inside it");
            assertThat(manager.keyStatus("openai").set()).isFalse();
        }

        @Test
        @DisplayName("a key of the wrong format is warned about, and refused with --strict")
        void format() {
            usage(() -> manager.setKey("openai", secret(ANTHROPIC_KEY.replace("sk-", "xx-")), true), "does not look like an OpenAI key");
            assertThat(manager.keyStatus("openai").set()).isFalse();
            manager.setKey("openai", secret("xx-test-LEAKCHECK-not-openai-shaped"), false);
            assertThat(input.notices).anyMatch(n -> n.startsWith("Warning: The key does not look like an OpenAI key"));
            assertThat(manager.keyStatus("openai").set()).isTrue();
        }

        @Test
        @DisplayName("rotate keeps the previous key; rollback returns to it; delete removes every version")
        void rotateRollbackDelete() {
            usage(() -> manager.rotateKey("openai", secret(OPENAI_KEY), false), "no key to rotate");
            KeyStatus first = manager.setKey("openai", secret(OPENAI_KEY), false);
            KeyStatus second = manager.rotateKey("openai", secret(WORK_KEY), false);
            assertThat(second.versions()).isEqualTo(2);
            assertThat(second.rotatedAt()).isNotNull();
            assertThat(second.fingerprint()).isNotEqualTo(first.fingerprint());
            KeyStatus back = manager.rollbackKey("openai");
            assertThat(back.fingerprint()).isEqualTo(first.fingerprint());
            usage(() -> manager.rollbackKey("openai"), "no earlier key");
            manager.deleteKey("openai");
            assertThat(manager.keyStatus("openai").set()).isFalse();
            usage(() -> manager.deleteKey("openai"), "No key is set");
            assertThat(events).extracting(ProviderEvent::type)
                    .contains("key.set", "key.rotate", "key.rollback", "key.delete");
        }

        @Test
        @DisplayName("a provider without keys refuses one")
        void noKeyProvider() {
            add("ollama");
            usage(() -> manager.setKey("ollama", secret(OPENAI_KEY), false), "needs no API key");
            assertThat(manager.listProviders()).filteredOn(v -> v.id().equals("ollama"))
                    .extracting(ProviderView::keyState).containsExactly("not needed");
        }

        @Test
        @DisplayName("a read outside the access policy is refused and recorded; an allowed read is recorded first")
        void scopes() {
            manager.setKey("openai", secret(OPENAI_KEY), false);
            events.clear();
            usage(() -> manager.readKey("openai", new Scope("api", "key.status")), "may not read the key");
            assertThat(events).containsExactly(new ProviderEvent("scope.denied", "openai", "api:key.status", "denied"));
            manager.readKey("openai", Scope.LLM_INVOKE).close();
            assertThat(events).last().isEqualTo(new ProviderEvent("key.read", "openai", "orchestrator:llm.invoke", "ok"));
        }

        @Test
        @DisplayName("a stored policy replaces the defaults")
        void storedPolicy() {
            manager.setKey("openai", secret(OPENAI_KEY), false);
            new ProviderKeys(input, events::add).storePolicy(manager.vault(),
                    new AccessPolicy(List.of(new AccessPolicy.Rule("api:*", List.of("openai")))));
            manager.readKey("openai", new Scope("api", "key.status")).close();
            usage(() -> manager.readKey("openai", Scope.PROVIDER_TEST), "may not read");
        }

        @Test
        @DisplayName("the vault file, backups and notices hold no key in clear")
        void nothingInClear() throws Exception {
            manager.setKey("openai", secret(OPENAI_KEY), false);
            manager.rotateKey("openai", secret(WORK_KEY), false);
            try (Stream<Path> files = Files.walk(home)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertThat(raw).as("%s", f).doesNotContain(OPENAI_KEY).doesNotContain(WORK_KEY);
                }
            }
            assertThat(String.join("\n", input.notices)).doesNotContain("sk-test");
        }
    }

    @Nested
    @DisplayName("models and the active selection")
    class Active {
        @BeforeEach
        void addTwo() {
            add("openai");
            add("anthropic");
        }

        @Test
        @DisplayName("use-model sets the model and the default provider; current-model says it came from the config")
        void useModel() {
            manager.useModel("anthropic", "claude-sonnet-4-5");
            ActiveSelection s = manager.currentModel(null, null);
            assertThat(s.provider()).isEqualTo(new ActiveSelection.Value("anthropic", "config"));
            assertThat(s.model()).isEqualTo(new ActiveSelection.Value("claude-sonnet-4-5", "config"));
            assertThat(s.keyRef()).isEqualTo(new ActiveSelection.Value("vault:anthropic", "config"));
            assertThat(manager.models("anthropic")).filteredOn(ModelView::isDefault).extracting(ModelView::id)
                    .containsExactly("claude-sonnet-4-5");
            usage(() -> manager.useModel("anthropic", "gpt-5"), "is not a model of Anthropic");
        }

        @Test
        @DisplayName("PRYX_PROVIDER, PRYX_MODEL and PRYX_API_KEY_REF beat the config; flags beat those")
        void environment() {
            manager.useModel("anthropic", "claude-sonnet-4-5");
            manager.close();
            env.put("PRYX_PROVIDER", "openai");
            env.put("PRYX_MODEL", "gpt-5");
            env.put("PRYX_API_KEY_REF", "vault:openai-backup");
            manager = newManager();
            ActiveSelection s = manager.currentModel(null, null);
            assertThat(s.provider()).isEqualTo(new ActiveSelection.Value("openai", "env PRYX_PROVIDER"));
            assertThat(s.model()).isEqualTo(new ActiveSelection.Value("gpt-5", "env PRYX_MODEL"));
            assertThat(s.keyRef()).isEqualTo(new ActiveSelection.Value("vault:openai-backup", "env PRYX_API_KEY_REF"));
            assertThat(manager.keyStatus("openai").overriddenBy()).isEqualTo("PRYX_API_KEY_REF");
            ActiveSelection flagged = manager.currentModel("anthropic", "claude-sonnet-4-5");
            assertThat(flagged.provider().source()).isEqualTo("flag");
            assertThat(flagged.model().source()).isEqualTo("flag");
        }

        @Test
        @DisplayName("PRYX_API_KEY_REF decides which vault entry supplies the active provider's key")
        void keyRefOverride() {
            add("openrouter");
            manager.setKey("openai", secret(OPENAI_KEY), false);
            manager.setKey("openrouter", secret("sk-test-LEAKCHECK-router-0123456789"), false);
            manager.useModel("openai", "gpt-5");
            manager.close();
            env.put("PRYX_API_KEY_REF", "vault:openrouter");
            manager = newManager();
            try (Secret k = manager.readKey("openai", Scope.LLM_INVOKE)) {
                assertThat(new String(k.chars())).isEqualTo("sk-test-LEAKCHECK-router-0123456789");
            }
        }

        @Test
        @DisplayName("PRYX_PROVIDER naming another, unconfigured provider does not break another provider's key lookups")
        void unrelatedOverride() {
            manager.setKey("openai", secret(OPENAI_KEY), false);
            manager.close();
            env.put("PRYX_PROVIDER", "nowhere");
            manager = newManager();
            assertThat(manager.keyStatus("openai").set()).isTrue();
            manager.readKey("openai", Scope.PROVIDER_TEST).close();
        }

        @ParameterizedTest(name = "{0}={1}")
        @MethodSource("dev.pryx.provider.ProviderWorkflowsTest#badOverrides")
        @DisplayName("a bad override is a usage error naming the variable's value")
        void badOverrides(String variable, String value, String expected) {
            manager.close();
            env.put(variable, value);
            manager = newManager();
            usage(() -> manager.currentModel(null, null), expected);
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> badOverrides() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("PRYX_PROVIDER", "nowhere", "'nowhere' (from env PRYX_PROVIDER) is not configured"),
                org.junit.jupiter.params.provider.Arguments.of("PRYX_PROVIDER", "../x", "is not a valid provider id"),
                org.junit.jupiter.params.provider.Arguments.of("PRYX_API_KEY_REF", "openai", "is not a vault reference"));
    }

    @Nested
    @DisplayName("import from the environment")
    class ImportEnv {
        @Test
        @DisplayName("finds keys under the catalog's variable names, adds the provider, stores the key")
        void importKeys() {
            manager.close();
            env.put("OPENAI_API_KEY", OPENAI_KEY);
            env.put("UNRELATED", "x");
            manager = newManager();
            List<ProviderManager.EnvKey> found = manager.findEnvKeys();
            assertThat(found).containsExactly(new ProviderManager.EnvKey("openai", "OPENAI_API_KEY", false, false));
            KeyStatus s = manager.importEnvKey(found.get(0));
            assertThat(s.set()).isTrue();
            assertThat(manager.findEnvKeys()).containsExactly(new ProviderManager.EnvKey("openai", "OPENAI_API_KEY", true, true));
        }
    }

    @Test
    @DisplayName("catalog info and refresh pass through the manager")
    void catalog() {
        assertThat(manager.catalogInfo().source()).isEqualTo("built-in");
        assertThat(manager.catalogProviders()).extracting(CatalogEntry::id).contains("openai", "ollama");
        assertThat(manager.refreshCatalog().changed()).isFalse();
    }
}
