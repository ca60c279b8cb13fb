package dev.pryx.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Checks the two catalog resources as data, with plain Jackson, independently of the reader: the
 * offline catalog must be usable on a first run without network, so a typo here is a user-facing
 * bug that no other test would see.
 */
@DisplayName("The built-in catalog and the overlay")
class BuiltinCatalogDataTest {

    private static final String BUILTIN = "/dev/pryx/catalog/builtin-catalog.json";
    private static final String OVERLAY = "/dev/pryx/catalog/overlay.json";

    /** The providers the provider guide names; ollama lives in the overlay, the rest in the built-in file. */
    private static final List<String> GUIDE_PROVIDERS = List.of("openai", "anthropic", "google", "xai", "openrouter",
            "deepseek");
    private static final Set<String> AUTH_TYPES = Set.of("api_key", "oauth2", "none");
    private static final Set<String> TEST_KINDS = Set.of("openai-models", "anthropic-models", "gemini-models",
            "openrouter-key", "ollama");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");

    /*
     * Made-up keys in each provider's documented shape. None of them is or was a real key; the
     * bodies spell out that they are fakes.
     */
    private static final String OPENAI_KEY = "sk-proj-test-FAKEpryxKEY0123456789abcdefABCDEF";
    private static final String OPENAI_LEGACY_KEY = "sk-test0FAKEpryx0123456789abcdefghijklmnopqrstuvwxyzAB";
    private static final String ANTHROPIC_KEY = "sk-ant-test-FAKEpryxKEY_0123456789-abcdefABCDEF";
    private static final String GOOGLE_KEY = "AIza" + "FAKEpryxTestKey_0123456789-abcdefgh";
    private static final String XAI_KEY = "xai-test" + "FAKEpryxKEY0123456789abcdefABCDEFGHIJ";
    private static final String OPENROUTER_KEY = "sk-or-v1-" + "0123456789abcdef".repeat(4);
    private static final String DEEPSEEK_KEY = "sk-" + "feedface".repeat(4);

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static JsonNode builtin;
    private static JsonNode overlay;
    private static int builtinBytes;

    @BeforeAll
    static void load() throws IOException {
        byte[] bytes = resource(BUILTIN);
        builtinBytes = bytes.length;
        builtin = STRICT.readTree(bytes);
        overlay = STRICT.readTree(resource(OVERLAY));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BuiltinCatalogDataTest.class.getResourceAsStream(name)) {
            assertThat(in).as("resource %s is on the class path", name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static JsonNode overlayProviders() {
        return overlay.get("providers");
    }

    private static Map<String, JsonNode> entries(JsonNode object) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static Pattern keyPattern(String provider) {
        JsonNode format = overlayProviders().path(provider).get("key_format");
        assertThat(format).as("%s has a key_format", provider).isNotNull();
        return Pattern.compile(format.get("pattern").textValue());
    }

    /** The URL a provider is called at: models.dev's api, else the overlay's base_url. */
    private static String effectiveBaseUrl(String id) {
        JsonNode p = builtin.get(id);
        String api = p == null ? null : text(p, "api");
        return api != null ? api : text(overlayProviders().path(id), "base_url");
    }

    @Nested
    @DisplayName("as JSON documents")
    class Documents {

        @Test
        @DisplayName("the duplicate-key check is live: a document with a repeated key is refused")
        void strictParserRefusesDuplicates() {
            assertThatThrownBy(() -> STRICT.readTree("{\"openai\": {}, \"openai\": {}}"))
                    .isInstanceOf(JsonProcessingException.class)
                    .hasMessageContaining("Duplicate field");
        }

        @Test
        @DisplayName("both parse as objects without duplicate keys, the built-in one under 150 KB")
        void parse() {
            assertThat(builtin.isObject()).isTrue();
            assertThat(overlay.isObject()).isTrue();
            assertThat(builtinBytes).isLessThan(150 * 1024);
        }

        @Test
        @DisplayName("the overlay declares schema 1 and a providers object")
        void overlaySchema() {
            assertThat(overlay.path("schema").isInt()).isTrue();
            assertThat(overlay.get("schema").intValue()).isEqualTo(1);
            assertThat(overlayProviders().isObject()).isTrue();
        }
    }

    @Nested
    @DisplayName("the built-in file")
    class Builtin {

        @Test
        @DisplayName("has at least 27 providers, among them the guide's six, each keyed by its own id")
        void providers() {
            Map<String, JsonNode> providers = entries(builtin);
            assertThat(providers).hasSizeGreaterThanOrEqualTo(27);
            assertThat(providers).containsKeys(GUIDE_PROVIDERS.toArray(String[]::new));
            providers.forEach((key, p) -> assertThat(text(p, "id")).as("id of %s", key).isEqualTo(key));
        }

        @Test
        @DisplayName("gives every provider a name, a doc link, an npm package and a list of env names")
        void providerFields() {
            entries(builtin).forEach((id, p) -> {
                assertThat(text(p, "name")).as("name of %s", id).isNotBlank();
                assertThat(text(p, "doc")).as("doc of %s", id).startsWith("https://");
                assertThat(text(p, "npm")).as("npm of %s", id).isNotBlank();
                JsonNode env = p.get("env");
                assertThat(env).as("env of %s", id).isNotNull();
                assertThat(env.isArray()).as("env of %s is a list", id).isTrue();
                assertThat(env.isEmpty()).as("env of %s is not empty", id).isFalse();
                env.forEach(v -> assertThat(v.isTextual() && v.textValue().matches("[A-Z][A-Z0-9_]*"))
                        .as("env name %s of %s", v, id).isTrue());
            });
        }

        @Test
        @DisplayName("gives every provider at least two models keyed by their ids, with positive limits")
        void models() {
            entries(builtin).forEach((id, p) -> {
                JsonNode models = p.get("models");
                assertThat(models).as("models of %s", id).isNotNull();
                assertThat(models.isObject()).as("models of %s is an object", id).isTrue();
                assertThat(models.size()).as("model count of %s", id).isGreaterThanOrEqualTo(2);
                entries(models).forEach((key, m) -> {
                    String where = id + "/" + key;
                    assertThat(text(m, "id")).as("id of %s", where).isEqualTo(key);
                    assertThat(text(m, "name")).as("name of %s", where).isNotBlank();
                    assertThat(m.path("limit").path("context").canConvertToLong()
                            && m.path("limit").path("context").longValue() > 0).as("context of %s", where).isTrue();
                    assertThat(m.path("limit").path("output").longValue()).as("output limit of %s", where)
                            .isPositive();
                    for (String flag : List.of("attachment", "reasoning", "tool_call", "open_weights")) {
                        assertThat(m.path(flag).isBoolean()).as("%s of %s", flag, where).isTrue();
                    }
                    assertThat(text(m, "release_date")).as("release_date of %s", where).matches(DATE);
                    assertThat(text(m, "last_updated")).as("last_updated of %s", where).matches(DATE);
                    assertThat(m.path("modalities").path("input").isArray()).as("input of %s", where).isTrue();
                    assertThat(m.path("modalities").path("output").isArray()).as("output of %s", where).isTrue();
                    JsonNode cost = m.get("cost");
                    if (cost != null) {
                        assertThat(cost.path("input").isNumber() && cost.path("output").isNumber())
                                .as("cost of %s has input and output", where).isTrue();
                        entries(cost).forEach((k, v) -> assertThat(v.isNumber() && v.doubleValue() >= 0)
                                .as("cost %s of %s", k, where).isTrue());
                    }
                });
            });
        }
    }

    @Nested
    @DisplayName("the overlay")
    class OverlayData {

        @Test
        @DisplayName("covers every built-in provider and defines ollama whole")
        void coverage() {
            Map<String, JsonNode> providers = entries(overlayProviders());
            assertThat(providers).containsKeys(entries(builtin).keySet().toArray(String[]::new));
            assertThat(builtin.has("ollama")).isFalse();
            JsonNode ollama = providers.get("ollama");
            assertThat(ollama).isNotNull();
            assertThat(text(ollama, "name")).isNotBlank();
            assertThat(ollama.path("env").isArray()).isTrue();
            assertThat(text(ollama, "doc")).startsWith("https://");
            assertThat(ollama.path("models").isObject()).isTrue();
            assertThat(text(ollama, "test")).isEqualTo("ollama");
            assertThat(ollama.path("live_models").booleanValue()).isTrue();
        }

        @Test
        @DisplayName("keys entries by provider id and gives each a valid auth list, test kind and live flag")
        void entryFields() {
            entries(overlayProviders()).forEach((id, e) -> {
                assertThat(id).matches("[a-z0-9][a-z0-9._-]{0,63}");
                String ownId = text(e, "id");
                if (ownId != null) {
                    assertThat(ownId).as("id of overlay %s", id).isEqualTo(id);
                }
                JsonNode auth = e.get("auth");
                assertThat(auth).as("auth of %s", id).isNotNull();
                assertThat(auth.isArray() && !auth.isEmpty()).as("auth of %s is a non-empty list", id).isTrue();
                List<String> seen = new ArrayList<>();
                auth.forEach(a -> {
                    assertThat(a.textValue()).as("auth of %s", id).isIn(AUTH_TYPES);
                    assertThat(seen).as("auth of %s lists each type once", id).doesNotContain(a.textValue());
                    seen.add(a.textValue());
                });
                if (e.has("test")) {
                    assertThat(text(e, "test")).as("test of %s", id).isIn(TEST_KINDS);
                }
                assertThat(e.path("live_models").isBoolean()).as("live_models of %s", id).isTrue();
            });
        }

        @Test
        @DisplayName("marks the guide's auth kinds: Google with a key or OAuth, local servers without any")
        void authKinds() {
            assertThat(overlayProviders().path("google").path("auth").toString()).isEqualTo("[\"api_key\",\"oauth2\"]");
            for (String local : List.of("ollama", "lmstudio")) {
                assertThat(overlayProviders().path(local).path("auth").toString()).as(local).isEqualTo("[\"none\"]");
            }
            for (String id : List.of("openai", "anthropic", "xai", "openrouter", "deepseek")) {
                assertThat(overlayProviders().path(id).path("auth").get(0).textValue()).as(id).isEqualTo("api_key");
            }
            assertThat(overlayProviders().path("openrouter").path("live_models").booleanValue()).isTrue();
        }

        @Test
        @DisplayName("gives every provider usable offline a base URL that is https, or http on loopback")
        void baseUrls() {
            List<String> offline = new ArrayList<>(entries(builtin).keySet());
            entries(overlayProviders()).forEach((id, e) -> {
                if (e.has("name") && !builtin.has(id)) {
                    offline.add(id);
                }
            });
            for (String id : offline) {
                String url = effectiveBaseUrl(id);
                if (url == null && id.equals("openai-compatible")) {
                    // "Any OpenAI-compatible server": there is no default to give; adding one needs --base-url.
                    continue;
                }
                if (url == null) {
                    // Only a provider whose URL names the user's own resource (Azure) may go without a
                    // default, and then it says how the URL is built, in models.dev's ${VAR} style.
                    assertThat(text(overlayProviders().path(id), "base_url_template")).as("base URL of %s", id)
                            .startsWith("https://").contains("${");
                    continue;
                }
                URI uri = URI.create(url);
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                boolean loopback = Set.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost());
                assertThat(scheme.equals("https") || (scheme.equals("http") && loopback))
                        .as("base URL %s of %s", url, id).isTrue();
            }
            for (String id : GUIDE_PROVIDERS) {
                assertThat(effectiveBaseUrl(id)).as("base URL of %s", id).startsWith("https://");
            }
            assertThat(effectiveBaseUrl("google")).isEqualTo("https://generativelanguage.googleapis.com/v1beta");
        }

        @Test
        @DisplayName("has key patterns that compile and refuse an empty or obviously wrong key")
        void keyPatternsCompile() {
            entries(overlayProviders()).forEach((id, e) -> {
                JsonNode format = e.get("key_format");
                if (format == null) {
                    return;
                }
                assertThat(text(format, "hint")).as("hint of %s", id).isNotBlank();
                Pattern p = Pattern.compile(text(format, "pattern"));
                assertThat(p.matcher("").matches()).as("%s refuses an empty key", id).isFalse();
                assertThat(p.matcher("not a key").matches()).as("%s refuses prose", id).isFalse();
            });
        }
    }

    @Nested
    @DisplayName("the key formats of the guide's providers")
    class GuideKeyFormats {

        private void check(String provider, List<String> good, List<String> bad) {
            Pattern p = keyPattern(provider);
            for (String key : good) {
                assertThat(p.matcher(key).matches()).as("%s accepts a key shaped like its own", provider).isTrue();
            }
            for (String key : bad) {
                assertThat(p.matcher(key).matches()).as("%s refuses another provider's key", provider).isFalse();
            }
        }

        @Test
        @DisplayName("OpenAI accepts project and legacy keys and refuses Anthropic and OpenRouter keys")
        void openai() {
            check("openai", List.of(OPENAI_KEY, OPENAI_LEGACY_KEY), List.of(ANTHROPIC_KEY, OPENROUTER_KEY, GOOGLE_KEY));
        }

        @Test
        @DisplayName("Anthropic accepts sk-ant- keys and refuses OpenAI keys")
        void anthropic() {
            check("anthropic", List.of(ANTHROPIC_KEY), List.of(OPENAI_KEY, OPENAI_LEGACY_KEY, OPENROUTER_KEY));
        }

        @Test
        @DisplayName("Google accepts AIza keys of 39 characters and refuses others")
        void google() {
            assertThat(GOOGLE_KEY).hasSize(39);
            check("google", List.of(GOOGLE_KEY), List.of(OPENAI_KEY, GOOGLE_KEY + "x", XAI_KEY));
        }

        @Test
        @DisplayName("xAI accepts xai- keys and refuses OpenAI keys")
        void xai() {
            check("xai", List.of(XAI_KEY), List.of(OPENAI_KEY, ANTHROPIC_KEY));
        }

        @Test
        @DisplayName("OpenRouter accepts sk-or-v1- keys and refuses OpenAI and Anthropic keys")
        void openrouter() {
            check("openrouter", List.of(OPENROUTER_KEY), List.of(OPENAI_KEY, ANTHROPIC_KEY, DEEPSEEK_KEY));
        }

        @Test
        @DisplayName("DeepSeek accepts sk- keys and refuses Anthropic, OpenRouter and xAI keys")
        void deepseek() {
            check("deepseek", List.of(DEEPSEEK_KEY), List.of(ANTHROPIC_KEY, OPENROUTER_KEY, XAI_KEY, OPENAI_KEY));
        }

        @Test
        @DisplayName("Ollama runs locally without a key, so it has no key format")
        void ollama() {
            assertThat(overlayProviders().path("ollama").has("key_format")).isFalse();
        }
    }
}
