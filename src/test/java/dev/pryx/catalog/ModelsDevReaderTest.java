package dev.pryx.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("ModelsDevReader")
class ModelsDevReaderTest {

    private static List<CatalogProvider> read(String json) throws CatalogFormatException {
        return ModelsDevReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, CatalogProvider> byId(List<CatalogProvider> providers) {
        Map<String, CatalogProvider> out = new HashMap<>();
        providers.forEach(p -> out.put(p.id(), p));
        return out;
    }

    @Nested
    @DisplayName("on the real models.dev snapshot")
    class RealSnapshot {

        @Test
        @DisplayName("reads every provider and every model, ids with '/' intact, nothing dropped")
        void complete() throws Exception {
            byte[] bytes = Snapshot.bytes();
            List<CatalogProvider> providers = ModelsDevReader.read(bytes);

            assertThat(providers).hasSize(Snapshot.PROVIDERS);
            assertThat(providers.stream().mapToInt(p -> p.models().size()).sum()).isEqualTo(Snapshot.MODELS);

            // An independent, plain parse of the same file: every (provider, model) key pair is there.
            JsonNode tree = new ObjectMapper().readTree(bytes);
            Set<String> expected = new HashSet<>();
            tree.properties().forEach(p -> p.getValue().get("models").properties()
                    .forEach(m -> expected.add(p.getKey() + "\u0000" + m.getKey())));
            Set<String> actual = new HashSet<>();
            for (CatalogProvider p : providers) {
                for (CatalogModel m : p.models().values()) {
                    actual.add(p.id() + "\u0000" + m.id());
                }
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(actual.stream().filter(k -> k.substring(k.indexOf('\u0000') + 1).contains("/")).count())
                    .as("model ids with '/'").isGreaterThan(1000);
            assertThat(byId(providers).get("abacus").models()).containsKey("Qwen/QwQ-32B");
        }

        @Test
        @DisplayName("keeps each model's and provider's original JSON, unknown fields included")
        void raw() throws Exception {
            byte[] bytes = Snapshot.bytes();
            JsonNode tree = new ObjectMapper().readTree(bytes);
            for (CatalogProvider p : ModelsDevReader.read(bytes)) {
                JsonNode source = tree.get(p.id());
                assertThat(p.raw().has("models")).isFalse();
                assertThat(p.raw().size()).isEqualTo(source.size() - 1);
                source.properties().stream().filter(f -> !f.getKey().equals("models"))
                        .forEach(f -> assertThat(p.raw().get(f.getKey())).isEqualTo(f.getValue()));
                for (CatalogModel m : p.models().values()) {
                    assertThat(m.raw()).isEqualTo(source.get("models").get(m.id()));
                }
            }
            // Fields pryx has no component for survive in raw.
            CatalogModel anyWithCacheCost = ModelsDevReader.read(bytes).stream()
                    .flatMap(p -> p.models().values().stream())
                    .filter(m -> m.raw().path("cost").has("cache_read")).findFirst().orElseThrow();
            assertThat(anyWithCacheCost.raw().path("modalities").path("input").isArray()).isTrue();
        }

        @Test
        @DisplayName("maps cost and limits, with models.dev's 0 limit read as unknown")
        void numbers() throws Exception {
            byte[] bytes = Snapshot.bytes();
            Map<String, CatalogProvider> providers = byId(ModelsDevReader.read(bytes));
            JsonNode tree = new ObjectMapper().readTree(bytes);
            int zeroes = 0;
            for (CatalogProvider p : providers.values()) {
                for (CatalogModel m : p.models().values()) {
                    JsonNode src = tree.get(p.id()).get("models").get(m.id());
                    long context = src.path("limit").path("context").asLong();
                    long output = src.path("limit").path("output").asLong();
                    assertThat(m.contextTokens()).isEqualTo(context == 0 ? null : context);
                    assertThat(m.outputTokens()).isEqualTo(output == 0 ? null : output);
                    zeroes += context == 0 || output == 0 ? 1 : 0;
                    if (src.has("cost")) {
                        assertThat(m.inputCostPerMillion()).isEqualTo(src.get("cost").get("input").doubleValue());
                        assertThat(m.outputCostPerMillion()).isEqualTo(src.get("cost").get("output").doubleValue());
                    } else {
                        assertThat(m.inputCostPerMillion()).isNull();
                        assertThat(m.outputCostPerMillion()).isNull();
                    }
                    assertThat(m.toolCall()).isEqualTo(src.get("tool_call").booleanValue());
                    assertThat(m.name()).isEqualTo(src.get("name").textValue());
                }
            }
            assertThat(zeroes).as("the snapshot has models with a 0 limit").isPositive();
            CatalogModel image = providers.get("alibaba-token-plan").models().get("qwen-image-2.0");
            assertThat(image.contextTokens()).isEqualTo(8192L);
            assertThat(image.outputTokens()).isNull();
        }

        @Test
        @DisplayName("takes models.dev's api as base URL, except templates that need the user's account")
        void baseUrls() throws Exception {
            Map<String, CatalogProvider> providers = byId(ModelsDevReader.read(Snapshot.bytes()));
            assertThat(providers.get("openrouter").baseUrl()).isEqualTo("https://openrouter.ai/api/v1");
            assertThat(providers.get("deepseek").baseUrl()).isEqualTo("https://api.deepseek.com");
            assertThat(providers.get("openai").baseUrl()).isNull();
            assertThat(providers.get("databricks").baseUrl()).isNull();
            assertThat(providers.get("databricks").raw().get("api").textValue()).contains("${DATABRICKS_HOST}");
            assertThat(providers.get("google").envVars()).contains("GOOGLE_API_KEY", "GEMINI_API_KEY");
        }
    }

    @Nested
    @DisplayName("on a small hand-written catalog")
    class SmallCatalog {

        @Test
        @DisplayName("reads the fields pryx shows and leaves the overlay's fields unset")
        void fields() throws Exception {
            Map<String, CatalogProvider> providers = byId(ModelsDevReader.read(Snapshot.resource("fixture-builtin.json")));
            CatalogProvider openai = providers.get("openai");
            assertThat(openai.name()).isEqualTo("OpenAI");
            assertThat(openai.envVars()).containsExactly("OPENAI_API_KEY");
            assertThat(openai.npm()).isEqualTo("@ai-sdk/openai");
            assertThat(openai.docUrl()).isEqualTo("https://platform.openai.com/docs/models");
            assertThat(openai.authTypes()).isEmpty();
            assertThat(openai.keyFormat()).isNull();
            assertThat(openai.models().keySet()).containsExactly("gpt-fixture-mini", "gpt-fixture-old");

            CatalogModel mini = openai.models().get("gpt-fixture-mini");
            assertThat(mini).extracting(CatalogModel::contextTokens, CatalogModel::outputTokens,
                    CatalogModel::inputCostPerMillion, CatalogModel::outputCostPerMillion, CatalogModel::toolCall,
                    CatalogModel::attachment, CatalogModel::reasoning, CatalogModel::releaseDate)
                    .containsExactly(128000L, 16384L, 0.15, 0.6, true, true, false, "2024-07-18");
            CatalogModel old = openai.models().get("gpt-fixture-old");
            assertThat(old.status()).isEqualTo("deprecated");
            assertThat(old.contextTokens()).isNull();
            assertThat(old.inputCostPerMillion()).isNull();

            CatalogModel free = providers.get("openrouter").models().get("vendor/model-fixture:free");
            assertThat(free.id()).isEqualTo("vendor/model-fixture:free");
            assertThat(free.inputCostPerMillion()).isEqualTo(0.0);
            assertThat(free.raw().path("x_fixture_extension").path("kept").booleanValue()).isTrue();
        }

        @Test
        @DisplayName("reads optional fields of an unexpected type as unknown, and keeps them in raw")
        void tolerant() throws Exception {
            CatalogProvider p = read("""
                    {"acme": {"id": "acme", "name": "Acme", "env": "ACME_KEY", "api": 42, "brand_new": [1, 2],
                      "models": {"m": {"id": "m", "limit": {"context": "lots", "output": -5},
                                       "cost": {"input": "free", "output": null}, "tool_call": "yes",
                                       "status": {"phase": "beta"}}}}}
                    """).get(0);
            assertThat(p.envVars()).isEmpty();
            assertThat(p.baseUrl()).isNull();
            assertThat(p.raw().get("brand_new").size()).isEqualTo(2);
            CatalogModel m = p.models().get("m");
            assertThat(m.name()).as("a model without a name shows its id").isEqualTo("m");
            assertThat(m.contextTokens()).isNull();
            assertThat(m.outputTokens()).isNull();
            assertThat(m.inputCostPerMillion()).isNull();
            assertThat(m.toolCall()).isFalse();
            assertThat(m.status()).isNull();
            assertThat(m.raw().path("status").path("phase").textValue()).isEqualTo("beta");
        }

        @Test
        @DisplayName("accepts a provider with no models (the overlay's ollama looks like that)")
        void emptyModels() throws Exception {
            assertThat(read("{\"x\": {\"id\": \"x\", \"name\": \"X\", \"models\": {}}}").get(0).models()).isEmpty();
        }
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("empty input", "", "empty"),
                Arguments.of("not JSON", "<html>502 Bad Gateway</html>", "not well-formed JSON"),
                Arguments.of("a top-level array", "[1, 2]", "not a JSON object keyed by provider id"),
                Arguments.of("cut short", "{\"a\": {\"id\": \"a\", \"name\": \"A\", \"models\": {",
                        "ends in the middle"),
                Arguments.of("data after the document", "{\"a\": {\"id\": \"a\", \"name\": \"A\", \"models\": {}}} {}",
                        "more data after the end"),
                Arguments.of("a duplicate provider", "{\"a\": {\"id\": \"a\", \"name\": \"A\", \"models\": {}},"
                        + " \"a\": {\"id\": \"a\", \"name\": \"A\", \"models\": {}}}", "the key 'a' appears twice"),
                Arguments.of("a duplicate model", "{\"a\": {\"id\": \"a\", \"name\": \"A\", \"models\": {"
                        + "\"m\": {\"id\": \"m\"}, \"m\": {\"id\": \"m\"}}}}", "the key 'm' appears twice"),
                Arguments.of("a duplicate nested field", "{\"a\": {\"id\": \"a\", \"name\": \"A\", \"models\": {"
                        + "\"m\": {\"id\": \"m\", \"cost\": {\"input\": 1, \"input\": 2}}}}}", "the key 'input' appears twice"),
                Arguments.of("a provider that is not an object", "{\"a\": [1]}", "provider 'a' is not a JSON object"),
                Arguments.of("a provider without id", "{\"a\": {\"name\": \"A\", \"models\": {}}}",
                        "provider 'a' has no 'id' text"),
                Arguments.of("a provider with a blank id", "{\"a\": {\"id\": \" \", \"name\": \"A\", \"models\": {}}}",
                        "provider 'a' has no 'id' text"),
                Arguments.of("a provider without name", "{\"a\": {\"id\": \"a\", \"models\": {}}}",
                        "provider 'a' has no 'name' text"),
                Arguments.of("a provider without models", "{\"a\": {\"id\": \"a\", \"name\": \"A\"}}",
                        "provider 'a' has no 'models' object"),
                Arguments.of("models that are a list", "{\"a\": {\"id\": \"a\", \"name\": \"A\", \"models\": []}}",
                        "provider 'a' has no 'models' object"),
                Arguments.of("a provider id unlike its key", "{\"a\": {\"id\": \"b\", \"name\": \"A\", \"models\": {}}}",
                        "provider 'a' has the id 'b'"),
                Arguments.of("a model without id", "{\"a\": {\"id\": \"a\", \"name\": \"A\", \"models\": {"
                        + "\"x/y\": {\"name\": \"Y\"}}}}", "model 'a/x/y' has no 'id' text"),
                Arguments.of("a model that is not an object", "{\"a\": {\"id\": \"a\", \"name\": \"A\", \"models\": {"
                        + "\"m\": \"m\"}}}", "model 'a/m' is not a JSON object"),
                Arguments.of("a model id unlike its key", "{\"a\": {\"id\": \"a\", \"name\": \"A\", \"models\": {"
                        + "\"m\": {\"id\": \"n\"}}}}", "model 'a/m' has the id 'n'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    @DisplayName("refuses a document pryx cannot use, saying what is wrong")
    void refuses(String what, String json, String message) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(CatalogFormatException.class)
                .hasMessageContaining(message);
    }
}
