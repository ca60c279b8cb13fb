package dev.pryx.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Overlay")
class OverlayTest {
    private static final String FIXTURE = "/dev/pryx/catalog/fixture-overlay.json";

    private static Map<String, CatalogProvider> merged(byte[] catalog, Overlay overlay) throws CatalogFormatException {
        Map<String, CatalogProvider> out = new HashMap<>();
        for (CatalogProvider p : overlay.apply(ModelsDevReader.read(catalog))) {
            assertThat(out.put(p.id(), p)).as("provider %s appears once", p.id()).isNull();
        }
        return out;
    }

    private static Overlay overlay(String json) throws CatalogFormatException {
        return Overlay.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static char[] key(String prefix, int length) {
        StringBuilder b = new StringBuilder(prefix);
        while (b.length() < length) {
            b.append('a');
        }
        return b.toString().toCharArray();
    }

    @Nested
    @DisplayName("merged into a catalog")
    class Merge {
        private final Map<String, CatalogProvider> providers;

        Merge() throws CatalogFormatException {
            providers = merged(Snapshot.resource("fixture-builtin.json"), Overlay.load(FIXTURE));
        }

        @Test
        @DisplayName("adds a base URL where models.dev has none, and keeps models.dev's where it has one")
        void baseUrl() {
            assertThat(providers.get("openai").baseUrl()).isEqualTo("https://api.openai.com/v1");
            assertThat(providers.get("deepseek").baseUrl()).isEqualTo("https://api.deepseek.com");
            // The fixture overlay names another URL for openrouter: models.dev's api wins.
            assertThat(providers.get("openrouter").baseUrl()).isEqualTo("https://openrouter.ai/api/v1");
        }

        @Test
        @DisplayName("takes auth types from the overlay, api_key when nobody says")
        void auth() {
            assertThat(providers.get("google").authTypes()).containsExactly(AuthType.API_KEY, AuthType.OAUTH2);
            assertThat(providers.get("deepseek").authTypes()).containsExactly(AuthType.API_KEY);
            assertThat(providers.get("ollama").authTypes()).containsExactly(AuthType.NONE);
        }

        @Test
        @DisplayName("compiles key formats that check keys without making them Strings")
        void keyFormat() {
            KeyFormat anthropic = providers.get("anthropic").keyFormat();
            assertThat(anthropic.hint()).isEqualTo("starts with sk-ant-");
            assertThat(anthropic.accepts(key("sk-ant-", 40))).isTrue();
            assertThat(anthropic.accepts(key("sk-proj-", 40))).isFalse();
            assertThat(providers.get("openai").keyFormat().accepts(key("sk-", 10))).as("too short").isFalse();
            assertThat(providers.get("xai").keyFormat()).isNull();
        }

        @Test
        @DisplayName("adds the test kind and live-model flag, and keeps models.dev's name, env and models")
        void rest() {
            CatalogProvider openrouter = providers.get("openrouter");
            assertThat(openrouter.testKind()).isEqualTo("openai-models");
            assertThat(openrouter.liveModels()).isTrue();
            assertThat(providers.get("openai").liveModels()).isFalse();
            assertThat(providers.get("google").envVars()).containsExactly("GOOGLE_API_KEY", "GEMINI_API_KEY");
            assertThat(providers.get("openai").models()).hasSize(2);
            assertThat(providers.get("openai").raw().get("npm").textValue()).isEqualTo("@ai-sdk/openai");
        }

        @Test
        @DisplayName("defines whole the providers models.dev lacks, and only those with a name")
        void standalone() {
            CatalogProvider ollama = providers.get("ollama");
            assertThat(ollama.name()).isEqualTo("Ollama (local)");
            assertThat(ollama.baseUrl()).isEqualTo("http://localhost:11434");
            assertThat(ollama.envVars()).isEmpty();
            assertThat(ollama.models()).isEmpty();
            assertThat(ollama.liveModels()).isTrue();
            assertThat(ollama.testKind()).isEqualTo("ollama");
            assertThat(ollama.docUrl()).isEqualTo("https://docs.ollama.com/api");
            assertThat(ollama.raw().has("models")).isFalse();
            // An overlay entry without a name only decorates: it does not bring back a provider the catalog lacks.
            assertThat(providers).doesNotContainKey("retired-provider");
            assertThat(providers).hasSize(7);
        }

        @Test
        @DisplayName("lets models.dev win when both define a provider")
        void modelsDevWins() throws Exception {
            Overlay o = overlay("""
                    {"schema": 1, "providers": {"deepseek": {"name": "Other name", "env": ["OTHER"],
                      "doc": "https://other.example", "base_url": "https://other.example/v1",
                      "models": {"extra": {"id": "extra"}}}}}""");
            CatalogProvider deepseek = merged(Snapshot.resource("fixture-builtin.json"), o).get("deepseek");
            assertThat(deepseek.name()).isEqualTo("DeepSeek");
            assertThat(deepseek.envVars()).containsExactly("DEEPSEEK_API_KEY");
            assertThat(deepseek.docUrl()).isEqualTo("https://api-docs.deepseek.com/");
            assertThat(deepseek.baseUrl()).isEqualTo("https://api.deepseek.com");
            assertThat(deepseek.models()).containsOnlyKeys("deepseek-fixture");
        }

        @Test
        @DisplayName("gives every provider at least one auth type, also without an overlay entry")
        void defaults() throws Exception {
            for (CatalogProvider p : Overlay.empty().apply(ModelsDevReader.read(Snapshot.resource("fixture-builtin.json")))) {
                assertThat(p.authTypes()).containsExactly(AuthType.API_KEY);
            }
        }
    }

    @Nested
    @DisplayName("with the real snapshot")
    class Guide {

        @ParameterizedTest(name = "and the {0} overlay")
        @ValueSource(strings = {"fixture", "shipped"})
        @DisplayName("gives the guide's providers usable base URLs and auth types")
        void guideProviders(String which) throws Exception {
            byte[] snapshot = Snapshot.bytes();
            Overlay overlay;
            if (which.equals("shipped")) {
                assumeTrue(Snapshot.shipped(Overlay.RESOURCE), Overlay.RESOURCE + " is not in the build yet");
                overlay = Overlay.load(Overlay.RESOURCE);
            } else {
                overlay = Overlay.load(FIXTURE);
            }
            Map<String, CatalogProvider> providers = merged(snapshot, overlay);
            for (String id : List.of("openai", "anthropic", "google", "xai", "openrouter", "deepseek")) {
                CatalogProvider p = providers.get(id);
                assertThat(p).as(id).isNotNull();
                URI uri = URI.create(p.baseUrl());
                assertThat(uri.getScheme()).as(id).isEqualTo("https");
                assertThat(uri.getHost()).as(id).isNotBlank();
                assertThat(p.authTypes()).as(id).contains(AuthType.API_KEY);
                assertThat(p.models()).as(id).isNotEmpty();
                assertThat(p.envVars()).as(id).isNotEmpty();
            }
            assertThat(providers.get("google").authTypes()).contains(AuthType.API_KEY, AuthType.OAUTH2);
            CatalogProvider ollama = providers.get("ollama");
            assertThat(ollama).as("ollama comes from the overlay").isNotNull();
            URI local = URI.create(ollama.baseUrl());
            assertThat(local.getScheme()).isEqualTo("http");
            assertThat(local.getHost()).isIn("localhost", "127.0.0.1");
            assertThat(ollama.authTypes()).containsExactly(AuthType.NONE);
            assertThat(providers).hasSizeGreaterThanOrEqualTo(Snapshot.PROVIDERS + 1);
        }
    }

    static Stream<Arguments> invalid() {
        String wrap = "{\"schema\": 1, \"providers\": {\"p\": %s}}";
        return Stream.of(
                Arguments.of("a newer schema", "{\"schema\": 2, \"providers\": {}}", "schema 2; this pryx reads 1"),
                Arguments.of("no schema", "{\"providers\": {}}", "no 'schema' number"),
                Arguments.of("no providers", "{\"schema\": 1}", "no 'providers' object"),
                Arguments.of("an entry that is not an object", wrap.formatted("[]"), "'p' is not a JSON object"),
                Arguments.of("an unknown auth type", wrap.formatted("{\"auth\": [\"password\"]}"), "unknown auth type"),
                Arguments.of("an empty auth list", wrap.formatted("{\"auth\": []}"), "non-empty list"),
                Arguments.of("an auth type twice", wrap.formatted("{\"auth\": [\"api_key\", \"api_key\"]}"), "listed twice"),
                Arguments.of("a pattern that does not compile",
                        wrap.formatted("{\"key_format\": {\"pattern\": \"sk-[\", \"hint\": \"h\"}}"), "does not compile"),
                Arguments.of("a key format without hint", wrap.formatted("{\"key_format\": {\"pattern\": \"sk-.*\"}}"),
                        "'pattern' and a 'hint'"),
                Arguments.of("a base URL that is not http(s)", wrap.formatted("{\"base_url\": \"ftp://x.example\"}"),
                        "http(s) URL"),
                Arguments.of("a base URL without host", wrap.formatted("{\"base_url\": \"https:///v1\"}"), "http(s) URL"),
                Arguments.of("live_models as text", wrap.formatted("{\"live_models\": \"yes\"}"), "true or false"),
                Arguments.of("env as text", wrap.formatted("{\"env\": \"KEY\"}"), "list of variable names"),
                Arguments.of("a blank name", wrap.formatted("{\"name\": \" \"}"), "blank 'name'"),
                Arguments.of("models without ids", wrap.formatted("{\"name\": \"P\", \"models\": {\"m\": {}}}"),
                        "model 'p/m' has no 'id' text"),
                Arguments.of("a duplicate entry", "{\"schema\": 1, \"providers\": {\"p\": {}, \"p\": {}}}", "appears twice"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    @DisplayName("refuses an overlay with a mistake, saying which")
    void refuses(String what, String json, String message) {
        assertThatThrownBy(() -> overlay(json)).isInstanceOf(CatalogFormatException.class).hasMessageContaining(message);
    }

    @Test
    @DisplayName("reports a missing overlay resource as a packaging bug")
    void missing() {
        assertThatThrownBy(() -> Overlay.load("/dev/pryx/catalog/no-such-overlay.json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing from the build");
    }
}
