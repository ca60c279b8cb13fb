package dev.pryx.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pryx.TestSecrets;
import dev.pryx.catalog.AuthType;
import dev.pryx.catalog.Catalog;
import dev.pryx.catalog.CatalogInfo;
import dev.pryx.catalog.CatalogModel;
import dev.pryx.catalog.CatalogProvider;
import dev.pryx.catalog.CatalogSource;
import dev.pryx.support.Environment;
import dev.pryx.support.Json;
import dev.pryx.support.PrivateFiles;
import dev.pryx.support.PryxException;
import dev.pryx.support.PryxPaths;
import dev.pryx.support.Secret;
import dev.pryx.vault.FileVault;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("ProviderManager: model lists (live, cached, merged with the catalog and the user's overrides)")
class ModelListWorkflowTest {
    static final String KEY = TestSecrets.API_KEY;
    static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    static final OkHttpClient CLIENT = new OkHttpClient();

    static final String OPENROUTER = """
            {"data": [
              {"id": "openai/gpt-4o", "name": "OpenAI: GPT-4o", "context_length": 128000,
               "architecture": {"input_modalities": ["text", "image"], "output_modalities": ["text"]},
               "pricing": {"prompt": "0.0000025", "completion": "0.00001"},
               "top_provider": {"context_length": 128000, "max_completion_tokens": 16384},
               "supported_parameters": ["max_tokens", "tools"]},
              {"id": "mistral/new-model", "name": "Mistral: New", "context_length": 32000,
               "pricing": {"prompt": "0.0000001", "completion": "0.0000003"}}]}
            """;
    static final String OLLAMA = """
            {"models": [
              {"name": "llama3.2:latest", "model": "llama3.2:latest", "size": 2019393189,
               "details": {"family": "llama", "parameter_size": "3.2B", "quantization_level": "Q4_K_M"}},
              {"name": "qwen3:8b", "model": "qwen3:8b", "size": 5225388164,
               "details": {"family": "qwen3", "parameter_size": "8.2B", "quantization_level": "Q4_K_M"}},
              {"name": "mystery:7b", "model": "mystery:7b", "size": 4100000000,
               "details": {"parameter_size": "7B", "quantization_level": "Q8_0"}}]}
            """;
    static final String OPENAI = """
            {"object": "list", "data": [{"id": "local-model", "object": "model", "owned_by": "me"}]}
            """;

    @TempDir
    Path home;
    Map<String, String> env;
    List<ProviderEvent> events;
    MovableClock clock;
    ProviderManager manager;
    MockWebServer server;
    PassphraseSourceTest.ScriptedInput input;
    int httpAsked;

    /** A clock the test moves: the cache's age is measured against it. */
    static final class MovableClock extends Clock {
        Instant now = START;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void start() throws IOException {
        env = new HashMap<>(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE));
        events = new ArrayList<>();
        clock = new MovableClock();
        server = new MockWebServer();
        server.start();
        input = new PassphraseSourceTest.ScriptedInput(false);
        Environment e = env::get;
        manager = new ProviderManager(PryxPaths.under(home), FileVault.Options.cheapForTests(), new PassphraseSource(e, input),
                input, new ListCatalog(), e, clock, events::add, () -> {
                    httpAsked++;
                    return CLIENT;
                });
    }

    @AfterEach
    void stop() throws IOException {
        manager.close();
        server.close();
    }

    static CatalogModel model(String id, String name, String family, Long context, Long output, Double in, Double out,
                              boolean tools, boolean reasoning, boolean attachment, String status) {
        return new CatalogModel(id, name, family, context, output, in, out, tools, reasoning, attachment, status, "2025-01-01",
                JsonNodeFactory.instance.objectNode().put("id", id));
    }

    static CatalogProvider provider(String id, String name, List<AuthType> auth, String testKind, boolean live,
                                    CatalogModel... models) {
        Map<String, CatalogModel> byId = new LinkedHashMap<>();
        for (CatalogModel m : models) {
            byId.put(m.id(), m);
        }
        return new CatalogProvider(id, name, List.of(), null, null, "https://api.example.com/v1", auth, null, testKind, live,
                byId, JsonNodeFactory.instance.objectNode().put("id", id));
    }

    /** One provider of each list kind, a provider without a live list, and one whose list pryx cannot read. */
    static final class ListCatalog implements CatalogSource {
        private final Catalog catalog;

        ListCatalog() {
            List<CatalogProvider> providers = List.of(
                    provider("openrouter", "OpenRouter", List.of(AuthType.API_KEY), "openrouter-key", true,
                            model("openai/gpt-4o", "GPT-4o (catalog)", "gpt", 100_000L, 4096L, 9.0, 99.0, false, true, false,
                                    "beta"),
                            model("anthropic/only-in-catalog", "Only in the catalog", null, 200_000L, 8192L, 3.0, 15.0, true,
                                    false, true, null)),
                    provider("ollama", "Ollama (local)", List.of(AuthType.NONE), "ollama", true,
                            model("llama3.2", "Llama 3.2 3B", "llama", 131_072L, 8192L, 0.0, 0.0, true, false, false, null),
                            model("qwen3:8b", "Qwen3 8B", "qwen", 40_960L, 32_768L, 0.0, 0.0, true, true, false, null)),
                    provider(ProviderManager.OPENAI_COMPATIBLE, "OpenAI-compatible endpoint", List.of(AuthType.API_KEY),
                            "openai-models", true),
                    provider("openai", "OpenAI", List.of(AuthType.API_KEY), "openai-models", false,
                            model("gpt-5", "GPT-5", "gpt", 400_000L, 128_000L, 1.25, 10.0, true, true, true, null)),
                    provider("github-models", "GitHub Models", List.of(AuthType.API_KEY), null, true,
                            model("openai/gpt-4.1", "GPT-4.1", "gpt", 1_000_000L, 32_768L, 2.0, 8.0, true, false, true, null)));
            catalog = new Catalog(providers, new CatalogInfo("built-in", null, null, providers.size(), 0, null));
        }

        @Override
        public Catalog catalog() {
            return catalog;
        }

        @Override
        public Refreshed refresh() {
            return new Refreshed(false, catalog.info());
        }
    }

    void add(String catalogId, String path, String key) {
        manager.addProvider(new ProviderManager.NewProvider(catalogId, null, null, server.url(path).toString(), null));
        if (key != null) {
            manager.setKey(catalogId, Secret.adopt(key.toCharArray()), false);
        }
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
        return PryxPaths.under(home).cache().resolve("models").resolve(id + ".json");
    }

    Path overridesFile() throws IOException {
        Path config = PryxPaths.under(home).config();
        Files.createDirectories(config);
        return config.resolve("models.json");
    }

    static ModelView find(ModelList list, String id) {
        return list.models().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no model " + id + " in " + list.models()));
    }

    static void assertNoSecretIn(String text) {
        assertThat(TestSecrets.PATTERNS).as("a secret in: %s", text).noneMatch(p -> text != null && p.matcher(text).find());
    }

    static void assertKind(Throwable e, PryxException.Kind kind) {
        assertThat(e).isInstanceOf(PryxException.class);
        assertThat(((PryxException) e).kind()).isEqualTo(kind);
        assertNoSecretIn(e.getMessage());
    }

    @Nested
    @DisplayName("merging the live list with the catalog")
    class Merging {
        @Test
        @DisplayName("OpenRouter: what the live list states wins, the catalog fills what it does not, catalog-only models are not listed")
        void liveWins() {
            add("openrouter", "/api/v1", KEY);
            server.enqueue(json(200, OPENROUTER));

            ModelList list = manager.models("openrouter", Freshness.IF_STALE);

            assertThat(list).extracting(ModelList::source, ModelList::listsLive, ModelList::stale, ModelList::ageSeconds,
                    ModelList::fetchedAt, ModelList::problem).containsExactly("live", true, false, 0L, START, null);
            assertThat(list.models()).extracting(ModelView::id).containsExactly("openai/gpt-4o", "mistral/new-model");
            ModelView gpt = find(list, "openai/gpt-4o");
            assertThat(gpt).extracting(ModelView::name, ModelView::contextTokens, ModelView::outputTokens,
                    ModelView::inputCostPerMillion, ModelView::outputCostPerMillion, ModelView::toolCall, ModelView::attachment)
                    .as("the provider's own word").containsExactly("OpenAI: GPT-4o", 128_000L, 16_384L, 2.5, 10.0, true, true);
            assertThat(gpt.reasoning()).as("its parameters leave out 'reasoning': the list says no, the catalog's yes loses")
                    .isFalse();
            assertThat(gpt).extracting(ModelView::status, ModelView::family, ModelView::source)
                    .as("what the list does not state comes from the catalog").containsExactly("beta", "gpt", "live");
            ModelView fresh = find(list, "mistral/new-model");
            assertThat(fresh).extracting(ModelView::name, ModelView::contextTokens, ModelView::inputCostPerMillion,
                    ModelView::toolCall, ModelView::source).containsExactly("Mistral: New", 32_000L, 0.1, false, "live");
        }

        @Test
        @DisplayName("Ollama: sizes and builds kept, limits from the catalog, llama3.2:latest matched to the catalog's llama3.2")
        void ollama() throws Exception {
            add("ollama", "/", null);
            server.enqueue(json(200, OLLAMA));

            ModelList list = manager.models("ollama", Freshness.REFRESH);

            assertThat(taken().getHeader("Authorization")).as("Ollama takes no key").isNull();
            assertThat(list.models()).extracting(ModelView::id, ModelView::name, ModelView::contextTokens, ModelView::toolCall,
                    ModelView::sizeBytes, ModelView::family, ModelView::parameterSize, ModelView::quantization)
                    .containsExactly(
                            tuple("llama3.2:latest", "Llama 3.2 3B", 131_072L, true, 2_019_393_189L, "llama", "3.2B", "Q4_K_M"),
                            tuple("qwen3:8b", "Qwen3 8B", 40_960L, true, 5_225_388_164L, "qwen3", "8.2B", "Q4_K_M"),
                            tuple("mystery:7b", "mystery:7b", null, false, 4_100_000_000L, null, "7B", "Q8_0"));
        }

        @Test
        @DisplayName("the configured default model is marked in the live list")
        void defaultMarked() {
            add("ollama", "/", null);
            server.enqueue(json(200, OLLAMA));
            manager.models("ollama", Freshness.REFRESH);
            manager.useModel("ollama", "qwen3:8b");

            assertThat(manager.models("ollama")).filteredOn(ModelView::isDefault).extracting(ModelView::id)
                    .containsExactly("qwen3:8b");
        }

        @Test
        @DisplayName("a default saved without its tag (llama3.2) marks the listed llama3.2:latest")
        void defaultWithoutLatest() {
            add("ollama", "/", null);
            server.enqueue(json(200, OLLAMA));
            manager.models("ollama", Freshness.REFRESH);
            manager.useModel("ollama", "llama3.2");

            assertThat(manager.models("ollama")).filteredOn(ModelView::isDefault).extracting(ModelView::id)
                    .containsExactly("llama3.2:latest");
        }

        @Test
        @DisplayName("an OpenAI-compatible server without a key stored is asked without one; its owner is kept")
        void compatibleWithoutKey() throws Exception {
            manager.addCompatible("openai", "my-llm", null, server.url("/v1").toString(), null);
            server.enqueue(json(200, OPENAI));

            ModelList list = manager.models("my-llm", Freshness.IF_STALE);

            assertThat(taken().getHeader("Authorization")).isNull();
            assertThat(list.models()).extracting(ModelView::id, ModelView::owner, ModelView::source)
                    .containsExactly(tuple("local-model", "me", "live"));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Freshness.class)
        @DisplayName("a provider without a live list gives the catalog's for every freshness, without the network")
        void notLive(Freshness freshness) {
            add("openai", "/v1", KEY);
            ModelList list = manager.models("openai", freshness);
            assertThat(list).extracting(ModelList::source, ModelList::listsLive, ModelList::fetchedAt)
                    .containsExactly("catalog", false, null);
            assertThat(list.models()).extracting(ModelView::id, ModelView::source).containsExactly(tuple("gpt-5", "catalog"));
            assertThat(server.getRequestCount()).isZero();
            assertThat(httpAsked).isZero();
        }

        @Test
        @DisplayName("a live provider whose list pryx cannot read gives the catalog's, without the network")
        void unknownListKind() {
            add("github-models", "/v1", KEY);
            assertThat(manager.models("github-models", Freshness.REFRESH).source()).isEqualTo("catalog");
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Nested
    @DisplayName("the cache and its time to live")
    class Caching {
        @Test
        @DisplayName("within the hour the cached list serves; past it, the next listing fetches again")
        void ttl() {
            add("ollama", "/", null);
            server.enqueue(json(200, OLLAMA));
            server.enqueue(json(200, "{\"models\": [{\"name\": \"phi4:14b\", \"size\": 9053116391}]}"));

            assertThat(manager.models("ollama", Freshness.IF_STALE).source()).isEqualTo("live");
            clock.advance(Duration.ofMinutes(59));
            ModelList cached = manager.models("ollama", Freshness.IF_STALE);
            assertThat(cached).extracting(ModelList::source, ModelList::stale, ModelList::ageSeconds, ModelList::fetchedAt)
                    .containsExactly("cache", false, 59 * 60L, START);
            assertThat(cached.models()).hasSize(3);
            assertThat(server.getRequestCount()).isEqualTo(1);

            clock.advance(Duration.ofMinutes(1));
            ModelList refetched = manager.models("ollama", Freshness.IF_STALE);
            assertThat(refetched.source()).isEqualTo("live");
            assertThat(refetched.models()).extracting(ModelView::id).containsExactly("phi4:14b");
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("REFRESH fetches even when the cache is fresh")
        void refresh() {
            add("ollama", "/", null);
            server.enqueue(json(200, OLLAMA));
            server.enqueue(json(200, OLLAMA));
            manager.models("ollama", Freshness.IF_STALE);
            assertThat(manager.models("ollama", Freshness.REFRESH).source()).isEqualTo("live");
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("models(id) and CACHED_ONLY never touch the network: the catalog before any fetch, the cache however old after")
        void cachedOnly() {
            add("ollama", "/", null);
            assertThat(manager.models("ollama")).extracting(ModelView::id).containsExactly("llama3.2", "qwen3:8b");
            ModelList before = manager.models("ollama", Freshness.CACHED_ONLY);
            assertThat(before).extracting(ModelList::source, ModelList::listsLive).containsExactly("catalog", true);
            assertThat(httpAsked).as("no client even built").isZero();

            server.enqueue(json(200, OLLAMA));
            manager.models("ollama", Freshness.REFRESH);
            clock.advance(Duration.ofDays(3));
            ModelList after = manager.models("ollama", Freshness.CACHED_ONLY);
            assertThat(after).extracting(ModelList::source, ModelList::stale, ModelList::ageSeconds)
                    .containsExactly("cache", true, Duration.ofDays(3).toSeconds());
            assertThat(manager.models("ollama")).extracting(ModelView::id).containsExactly("llama3.2:latest", "qwen3:8b",
                    "mystery:7b");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("the cache file is 0600, says when it was fetched, and holds neither the key nor the base URL")
        void fileContents() throws Exception {
            add("openrouter", "/api/v1", KEY);
            server.enqueue(json(200, OPENROUTER));
            manager.models("openrouter", Freshness.REFRESH);

            Path file = cacheFile("openrouter");
            String text = Files.readString(file);
            JsonNode json = Json.mapper().readTree(text);
            assertThat(json.path("fetched_at").asText()).isEqualTo("2026-11-24T10:00:00Z");
            assertThat(json.path("provider").asText()).isEqualTo("openrouter");
            assertThat(json.path("models")).hasSize(2);
            assertThat(text).doesNotContain(server.getHostName() + ":" + server.getPort());
            assertNoSecretIn(text);
            if (PrivateFiles.posix()) {
                assertThat(PrivateFiles.mode(file)).contains("0600");
            }
        }

        @Test
        @DisplayName("a list cached from another base URL is not used for this one")
        void otherBaseUrl() {
            add("ollama", "/", null);
            server.enqueue(json(200, OLLAMA));
            manager.models("ollama", Freshness.REFRESH);
            manager.setConfig("ollama", new ProviderManager.ConfigChange(null, server.url("/other").toString(), null));

            assertThat(manager.models("ollama", Freshness.CACHED_ONLY).source()).isEqualTo("catalog");
        }

        @Test
        @DisplayName("a damaged cache file is ignored and replaced by the next fetch, never an error")
        void damaged() throws Exception {
            add("ollama", "/", null);
            server.enqueue(json(200, OLLAMA));
            manager.models("ollama", Freshness.REFRESH);
            Files.writeString(cacheFile("ollama"), "{\"format\": 1, \"provider\": \"ollama\", \"models\": [tru");

            assertThat(manager.models("ollama", Freshness.CACHED_ONLY).source()).isEqualTo("catalog");
            server.enqueue(json(200, OLLAMA));
            assertThat(manager.models("ollama", Freshness.IF_STALE).source()).isEqualTo("live");
            assertThat(manager.models("ollama", Freshness.CACHED_ONLY).source()).isEqualTo("cache");
        }

        @Test
        @DisplayName("a cache file of another shape (a model without an id, another format) is ignored too")
        void wrongShape() throws Exception {
            add("ollama", "/", null);
            server.enqueue(json(200, OLLAMA));
            manager.models("ollama", Freshness.REFRESH);
            ObjectNode json = (ObjectNode) Json.mapper().readTree(cacheFile("ollama").toFile());
            ((ObjectNode) json.withArray("models").get(0)).remove("id");
            Files.writeString(cacheFile("ollama"), json.toString());
            assertThat(manager.models("ollama", Freshness.CACHED_ONLY).source()).isEqualTo("catalog");

            Files.writeString(cacheFile("ollama"), "{\"format\": 99}");
            assertThat(manager.models("ollama", Freshness.CACHED_ONLY).source()).isEqualTo("catalog");
        }

        @Test
        @DisplayName("a cache directory that cannot be written costs a fetch next time, not the listing")
        void unwritable() throws Exception {
            add("ollama", "/", null);
            Path cache = PryxPaths.under(home).cache();
            Files.createDirectories(cache);
            Files.writeString(cache.resolve("models"), "a file where the directory should be");
            server.enqueue(json(200, OLLAMA));

            assertThat(manager.models("ollama", Freshness.IF_STALE).source()).isEqualTo("live");
            assertThat(manager.models("ollama", Freshness.CACHED_ONLY).source()).isEqualTo("catalog");
        }
    }

    @Nested
    @DisplayName("when the fetch fails")
    class Failures {
        @Test
        @DisplayName("IF_STALE falls back to the stale cache and says what went wrong")
        void staleCache() {
            add("openrouter", "/api/v1", KEY);
            server.enqueue(json(200, OPENROUTER));
            manager.models("openrouter", Freshness.IF_STALE);
            clock.advance(Duration.ofHours(3));
            server.enqueue(json(503, "{\"error\": {\"message\": \"upstream overloaded\", \"code\": 503}}"));

            ModelList list = manager.models("openrouter", Freshness.IF_STALE);

            assertThat(list).extracting(ModelList::source, ModelList::stale, ModelList::ageSeconds)
                    .containsExactly("cache", true, Duration.ofHours(3).toSeconds());
            assertThat(list.models()).hasSize(2);
            assertThat(list.problem()).isEqualTo("OpenRouter failed on its side with a server error (503): upstream overloaded.");
            assertThat(list.hint()).startsWith("Try again in a few minutes");
            assertThat(events).contains(new ProviderEvent("provider.models", "openrouter", null, "provider_error"));
        }

        @Test
        @DisplayName("IF_STALE with nothing cached falls back to the catalog, with the problem")
        void catalogFallback() throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            manager.addProvider(new ProviderManager.NewProvider("ollama", null, null, "http://127.0.0.1:" + port, null));

            ModelList list = manager.models("ollama", Freshness.IF_STALE);

            assertThat(list).extracting(ModelList::source, ModelList::listsLive).containsExactly("catalog", true);
            assertThat(list.models()).extracting(ModelView::id).containsExactly("llama3.2", "qwen3:8b");
            assertThat(list.problem()).startsWith("Could not connect to 127.0.0.1:" + port);
            assertThat(list.hint()).contains("ollama serve");
        }

        @Test
        @DisplayName("REFRESH: a refused key is a failed check (exit 1, as provider test), the echoed key redacted, the cache kept")
        void refreshRejected() {
            add("openrouter", "/api/v1", KEY);
            server.enqueue(json(200, OPENROUTER));
            manager.models("openrouter", Freshness.REFRESH);
            server.enqueue(json(401, "{\"error\": {\"message\": \"Invalid key " + KEY + "\", \"code\": 401}}"));

            assertThatThrownBy(() -> manager.models("openrouter", Freshness.REFRESH))
                    .satisfies(e -> assertKind(e, PryxException.Kind.CHECK_FAILED))
                    .hasMessageStartingWith("OpenRouter rejected the key (401): Invalid key [redacted].")
                    .hasMessageContaining("pryx provider set-key openrouter");
            assertThat(manager.models("openrouter", Freshness.CACHED_ONLY).source()).as("the old list survives")
                    .isEqualTo("cache");
        }

        @Test
        @DisplayName("REFRESH: a wrong base URL (404) is a failed check too")
        void refreshNotFound() {
            add("ollama", "/", null);
            server.enqueue(json(404, "404 page not found"));
            assertThatThrownBy(() -> manager.models("ollama", Freshness.REFRESH))
                    .satisfies(e -> assertKind(e, PryxException.Kind.CHECK_FAILED)).hasMessageContaining("base URL");
        }

        @Test
        @DisplayName("REFRESH: the network or the provider failing is a remote failure (exit 4)")
        void refreshRemote() {
            add("ollama", "/", null);
            server.enqueue(json(500, "{\"error\": \"llama runner process has terminated\"}"));
            assertThatThrownBy(() -> manager.models("ollama", Freshness.REFRESH))
                    .satisfies(e -> assertKind(e, PryxException.Kind.REMOTE))
                    .hasMessageContaining("llama runner process has terminated");
            server.enqueue(json(200, "<html><title>Login</title></html>"));
            assertThatThrownBy(() -> manager.models("ollama", Freshness.REFRESH))
                    .satisfies(e -> assertKind(e, PryxException.Kind.REMOTE)).hasMessageContaining("web page");
        }
    }

    @Nested
    @DisplayName("the key")
    class Keys {
        @Test
        @DisplayName("is read in the lister's scope and sent as a Bearer header")
        void scope() throws Exception {
            add("openrouter", "/api/v1", KEY);
            server.enqueue(json(200, OPENROUTER));
            events.clear();

            manager.models("openrouter", Freshness.IF_STALE);

            assertThat(taken().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(events).containsExactly(new ProviderEvent("key.read", "openrouter", "lister:provider.models", "ok"),
                    new ProviderEvent("provider.models", "openrouter", null, "ok"));
        }

        @Test
        @DisplayName("is not read at all while the cache serves")
        void notReadFromCache() {
            add("openrouter", "/api/v1", KEY);
            server.enqueue(json(200, OPENROUTER));
            manager.models("openrouter", Freshness.IF_STALE);
            events.clear();
            manager.models("openrouter", Freshness.IF_STALE);
            manager.models("openrouter");
            assertThat(events).isEmpty();
        }

        @Test
        @DisplayName("none set: the public list is asked for without one")
        void noKey() throws Exception {
            add("openrouter", "/api/v1", null);
            server.enqueue(json(200, OPENROUTER));
            assertThat(manager.models("openrouter", Freshness.IF_STALE).source()).isEqualTo("live");
            assertThat(taken().getHeader("Authorization")).isNull();
        }

        @Test
        @DisplayName("an access policy that keeps the lister out is a usage error before anything is sent")
        void policyDenies() {
            add("openrouter", "/api/v1", KEY);
            manager.vault().update(c -> {
                c.putRecord("policy", "default", new AccessPolicy(List.of(
                        new AccessPolicy.Rule(Scope.PROVIDER_TEST.toString(), List.of("*")))));
                return null;
            });
            assertThatThrownBy(() -> manager.models("openrouter", Freshness.IF_STALE))
                    .satisfies(e -> assertKind(e, PryxException.Kind.USAGE))
                    .hasMessageContaining("lister:provider.models may not read the key of openrouter");
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Nested
    @DisplayName("the user's overrides (models.json)")
    class Overrides {
        @Test
        @DisplayName("win over the live list and the catalog, match :latest, and add models neither lists")
        void win() throws Exception {
            Files.writeString(overridesFile(), """
                    {"ollama": {
                       "llama3.2": {"context": 65536, "tools": false},
                       "qwen3:8b": {"name": "My Qwen", "output": 4096, "input_price": 0.5, "output_price": 1.5,
                                    "reasoning": false, "attachment": true},
                       "remote-only:70b": {"name": "Not pulled yet", "context": 8192}},
                     "someone-else": {"x": {"context": 1}}}
                    """);
            add("ollama", "/", null);
            server.enqueue(json(200, OLLAMA));

            ModelList list = manager.models("ollama", Freshness.IF_STALE);

            assertThat(list.models()).extracting(ModelView::id).containsExactly("llama3.2:latest", "qwen3:8b", "mystery:7b",
                    "remote-only:70b");
            assertThat(find(list, "llama3.2:latest")).extracting(ModelView::contextTokens, ModelView::toolCall,
                    ModelView::outputTokens, ModelView::sizeBytes, ModelView::source)
                    .containsExactly(65_536L, false, 8192L, 2_019_393_189L, "live");
            assertThat(find(list, "qwen3:8b")).extracting(ModelView::name, ModelView::contextTokens, ModelView::outputTokens,
                    ModelView::inputCostPerMillion, ModelView::outputCostPerMillion, ModelView::reasoning, ModelView::attachment)
                    .containsExactly("My Qwen", 40_960L, 4096L, 0.5, 1.5, false, true);
            assertThat(find(list, "remote-only:70b")).extracting(ModelView::name, ModelView::contextTokens, ModelView::source)
                    .containsExactly("Not pulled yet", 8192L, "override");
        }

        @Test
        @DisplayName("apply to a catalog list too, and an added model the catalog knows is filled from it")
        void catalogList() throws Exception {
            Files.writeString(overridesFile(), """
                    {"openrouter": {"anthropic/only-in-catalog": {"name": "Renamed"}},
                     "openai": {"gpt-5": {"context": 272000}, "gpt-5-pro": {"input_price": 15}}}
                    """);
            add("openai", "/v1", KEY);
            List<ModelView> models = manager.models("openai");
            assertThat(models).extracting(ModelView::id, ModelView::contextTokens, ModelView::inputCostPerMillion,
                    ModelView::source).containsExactly(tuple("gpt-5", 272_000L, 1.25, "catalog"),
                    tuple("gpt-5-pro", null, 15.0, "override"));

            add("openrouter", "/api/v1", KEY);
            server.enqueue(json(200, OPENROUTER));
            ModelList live = manager.models("openrouter", Freshness.IF_STALE);
            assertThat(find(live, "anthropic/only-in-catalog")).extracting(ModelView::name, ModelView::contextTokens,
                    ModelView::source).containsExactly("Renamed", 200_000L, "override");
        }

        @Test
        @DisplayName("an edit applies at once, to the cached list, without a fetch")
        void editApplies() throws Exception {
            add("ollama", "/", null);
            server.enqueue(json(200, OLLAMA));
            manager.models("ollama", Freshness.IF_STALE);
            Files.writeString(overridesFile(), "{\"ollama\": {\"mystery:7b\": {\"context\": 32768}}}");

            assertThat(find(manager.models("ollama", Freshness.IF_STALE), "mystery:7b").contextTokens()).isEqualTo(32_768L);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("broken JSON is a usage error naming the file, line and column; nothing is fetched and the cache is kept")
        void brokenJson() throws Exception {
            add("ollama", "/", null);
            server.enqueue(json(200, OLLAMA));
            manager.models("ollama", Freshness.REFRESH);
            String cached = Files.readString(cacheFile("ollama"));
            Path file = overridesFile();
            Files.writeString(file, "{\"ollama\": {\n  \"llama3.2\": {\"context\": 8192,}\n}}\n");

            assertThatThrownBy(() -> manager.models("ollama", Freshness.REFRESH))
                    .satisfies(e -> assertKind(e, PryxException.Kind.USAGE))
                    .hasMessageStartingWith("The model overrides file " + file + " is not valid: it is not valid JSON (line 2, column ")
                    .hasMessageEndingWith("Fix it or move it away (nothing was changed).");
            assertThatThrownBy(() -> manager.models("ollama")).isInstanceOf(PryxException.class);
            assertThat(server.getRequestCount()).isEqualTo(1);
            assertThat(Files.readString(cacheFile("ollama"))).isEqualTo(cached);
            assertThat(Files.readString(file)).contains("8192,}");
        }

        @ParameterizedTest(name = "{0}")
        @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "{\"ollama\": {\"m\": {\"contxt\": 1}}}|at ollama > m: unknown field 'contxt' (known: name, context, output",
            "{\"ollama\": {\"m\": {\"context\": \"big\"}}}|at ollama > m > context: expected a whole number of tokens above 0",
            "{\"ollama\": {\"m\": {\"context\": -5}}}|at ollama > m > context: expected a whole number of tokens above 0",
            "{\"ollama\": {\"m\": {\"input_price\": -1}}}|at ollama > m > input_price: expected USD per million tokens",
            "{\"ollama\": {\"m\": {\"tools\": \"yes\"}}}|at ollama > m > tools: expected true or false",
            "{\"ollama\": {\"m\": {\"name\": \"\"}}}|at ollama > m > name: expected text of 1 to 200 printable characters",
            "{\"ollama\": [\"m\"]}|at ollama: expected an object of model ids",
            "{\"ollama\": {\"m\": 5}}|at ollama > m: expected an object of fields",
            "{\"Bad/Id\": {}}|'Bad/Id' is not a valid provider id",
            "[1]|the top level must be an object of provider ids",
            "{\"ollama\": {}, \"ollama\": {}}|it is not valid JSON (line 1, column",
            "{} {}|it is not valid JSON"})
        @DisplayName("a file of the wrong shape is a usage error that says where and what")
        void wrongShape(String content, String expected) throws Exception {
            Path file = overridesFile();
            Files.writeString(file, content);
            add("openai", "/v1", KEY);
            assertThatThrownBy(() -> manager.models("openai", Freshness.IF_STALE))
                    .satisfies(e -> assertKind(e, PryxException.Kind.USAGE))
                    .hasMessageStartingWith("The model overrides file " + file + " is not valid: ")
                    .hasMessageContaining(expected);
        }

        @Test
        @DisplayName("an empty file overrides nothing; nulls leave values alone")
        void emptyAndNull() throws Exception {
            add("openai", "/v1", KEY);
            Files.writeString(overridesFile(), "");
            assertThat(manager.models("openai")).extracting(ModelView::contextTokens).containsExactly(400_000L);
            Files.writeString(overridesFile(), "{\"openai\": {\"gpt-5\": {\"context\": null, \"name\": null}}}");
            assertThat(manager.models("openai")).extracting(ModelView::contextTokens, ModelView::name)
                    .containsExactly(tuple(400_000L, "GPT-5"));
        }
    }

    @Nested
    @DisplayName("choosing a model (use-model, add --model) by what the provider lists, without the network")
    class Choosing {
        @Test
        @DisplayName("a model only models.json adds is accepted for a provider whose catalog list is complete")
        void overrideOnly() throws Exception {
            add("openai", "/v1", KEY);
            Files.writeString(overridesFile(), "{\"openai\": {\"gpt-5-pro\": {\"input_price\": 15}}}");
            input.notices.clear();

            ProviderConfig c = manager.useModel("openai", " gpt-5-pro ");

            assertThat(c.model()).isEqualTo("gpt-5-pro");
            assertThat(manager.currentModel(null, null).model().value()).isEqualTo("gpt-5-pro");
            assertThat(manager.models("openai")).filteredOn(ModelView::isDefault).extracting(ModelView::id, ModelView::source)
                    .containsExactly(tuple("gpt-5-pro", "override"));
            assertThat(input.notices).isEmpty();
            assertThat(httpAsked).isZero();
        }

        @Test
        @DisplayName("an id neither the catalog nor models.json lists is still refused, in the same words as before")
        void unknownRefused() throws Exception {
            add("openai", "/v1", KEY);
            manager.useModel("openai", "gpt-5");
            Files.writeString(overridesFile(), "{\"someone-else\": {\"gpt-9\": {}}}");

            assertThatThrownBy(() -> manager.useModel("openai", "gpt-9"))
                    .satisfies(e -> assertKind(e, PryxException.Kind.USAGE))
                    .hasMessage("'gpt-9' is not a model of OpenAI. See `pryx provider models openai`.");
            assertThat(manager.currentModel(null, null).model().value()).as("nothing changed").isEqualTo("gpt-5");
        }

        @Test
        @DisplayName("overrides count for the account they name: another account of the same catalog provider refuses the id")
        void perAccount() throws Exception {
            Files.writeString(overridesFile(), "{\"openai-work\": {\"ft:gpt-5:acme\": {\"name\": \"Our tuned model\"}}}");
            add("openai", "/v1", KEY);
            manager.addProvider(new ProviderManager.NewProvider("openai", "openai-work", null, server.url("/v1").toString(), null));

            assertThat(manager.useModel("openai-work", "ft:gpt-5:acme").model()).isEqualTo("ft:gpt-5:acme");
            assertThatThrownBy(() -> manager.useModel("openai", "ft:gpt-5:acme"))
                    .satisfies(e -> assertKind(e, PryxException.Kind.USAGE))
                    .hasMessage("'ft:gpt-5:acme' is not a model of OpenAI. See `pryx provider models openai`.");
        }

        @Test
        @DisplayName("add --model accepts a model that models.json adds for the new account's id, and refuses others")
        void addWithModel() throws Exception {
            Files.writeString(overridesFile(), "{\"openai-work\": {\"ft:gpt-5:acme\": {}}}");
            String url = server.url("/v1").toString();

            ProviderConfig c = manager.addProvider(new ProviderManager.NewProvider("openai", "openai-work", null, url,
                    "ft:gpt-5:acme"));

            assertThat(c.model()).isEqualTo("ft:gpt-5:acme");
            assertThat(manager.currentModel(null, null).model().value()).isEqualTo("ft:gpt-5:acme");
            assertThatThrownBy(() -> manager.addProvider(new ProviderManager.NewProvider("openai", null, null, url,
                    "ft:gpt-5:acme"))).satisfies(e -> assertKind(e, PryxException.Kind.USAGE))
                    .hasMessage("'ft:gpt-5:acme' is not a model of OpenAI. Add it without --model, then see "
                            + "`pryx provider models openai`.");
            assertThat(manager.listProviders()).extracting(ProviderView::id).containsExactly("openai-work");
        }

        @Test
        @DisplayName("a model only the cached live list holds is accepted without the note, even days old, never fetching")
        void cachedLive() {
            add("ollama", "/", null);
            server.enqueue(json(200, OLLAMA));
            manager.models("ollama", Freshness.REFRESH);
            clock.advance(Duration.ofDays(3));
            int asked = httpAsked;
            input.notices.clear();

            assertThat(manager.useModel("ollama", "mystery:7b").model()).isEqualTo("mystery:7b");
            assertThat(manager.useModel("ollama", "llama3.2").model()).as("the listed llama3.2:latest, by Ollama's implicit tag")
                    .isEqualTo("llama3.2");

            assertThat(input.notices).isEmpty();
            assertThat(server.getRequestCount()).isEqualTo(1);
            assertThat(httpAsked).isEqualTo(asked);
        }

        @Test
        @DisplayName("a live provider still takes an id it does not list (lists change), with a note; nothing is fetched")
        void liveUnlisted() {
            add("openrouter", "/api/v1", KEY);
            server.enqueue(json(200, OPENROUTER));
            manager.models("openrouter", Freshness.REFRESH);
            events.clear();
            input.notices.clear();

            assertThat(manager.useModel("openrouter", "vendor/launched-today").model()).isEqualTo("vendor/launched-today");

            assertThat(input.notices).containsExactly("Note: 'vendor/launched-today' is not in OpenRouter's model list as pryx "
                    + "last saw it; its models are listed live, so it is accepted.");
            assertThat(server.getRequestCount()).isEqualTo(1);
            assertThat(events).as("no key read, no fetch").extracting(ProviderEvent::type).containsExactly("provider.update");
        }

        @Test
        @DisplayName("a malformed models.json stops use-model with its usage error, and the default model stays")
        void brokenOverrides() throws Exception {
            add("openai", "/v1", KEY);
            manager.useModel("openai", "gpt-5");
            Path file = overridesFile();
            Files.writeString(file, "{\"openai\": {\"gpt-5-pro\": {\"contxt\": 1}}}");

            assertThatThrownBy(() -> manager.useModel("openai", "gpt-5-pro"))
                    .satisfies(e -> assertKind(e, PryxException.Kind.USAGE))
                    .hasMessageStartingWith("The model overrides file " + file + " is not valid: ");
            assertThat(manager.currentModel(null, null).model().value()).isEqualTo("gpt-5");
        }
    }

    @Nested
    @DisplayName("removing the provider")
    class Removing {
        @Test
        @DisplayName("deletes its cached list, so a provider re-added under the same id fetches afresh")
        void cacheDeleted() {
            add("ollama", "/", null);
            server.enqueue(json(200, OLLAMA));
            manager.models("ollama", Freshness.REFRESH);
            assertThat(cacheFile("ollama")).exists();

            manager.removeProvider("ollama");

            assertThat(cacheFile("ollama")).doesNotExist();
            add("ollama", "/", null);
            assertThat(manager.models("ollama", Freshness.CACHED_ONLY).source()).as("nothing inherited").isEqualTo("catalog");
            server.enqueue(json(200, "{\"models\": [{\"name\": \"phi4:14b\", \"size\": 9053116391}]}"));
            ModelList fresh = manager.models("ollama", Freshness.IF_STALE);
            assertThat(fresh.source()).isEqualTo("live");
            assertThat(fresh.models()).extracting(ModelView::id).containsExactly("phi4:14b");
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        @DisplayName("leaves other providers' cached lists alone, and needs no cached list to remove one")
        void othersKept() {
            add("ollama", "/", null);
            add("openrouter", "/api/v1", KEY);
            server.enqueue(json(200, OLLAMA));
            manager.models("ollama", Freshness.REFRESH);

            manager.removeProvider("openrouter");

            assertThat(cacheFile("ollama")).exists();
            assertThat(manager.models("ollama", Freshness.CACHED_ONLY).source()).isEqualTo("cache");
        }

        @Test
        @DisplayName("a cache file that cannot be deleted is logged; the removal itself succeeds")
        void undeletable() throws Exception {
            add("ollama", "/", null);
            Path cache = cacheFile("ollama");
            Files.createDirectories(cache);
            Files.writeString(cache.resolve("in-the-way"), "a directory where the cache file should be, not empty");

            manager.removeProvider("ollama");

            assertThat(manager.listProviders()).isEmpty();
            assertThat(events).contains(new ProviderEvent("provider.remove", "ollama", null, "ok"));
            assertThat(cache).isDirectory();
        }
    }

    @Test
    @DisplayName("after all of it, no file pryx wrote holds the key in clear (the vault encrypts it)")
    void noKeyOnDisk() throws Exception {
        add("openrouter", "/api/v1", KEY);
        server.enqueue(json(200, OPENROUTER));
        manager.models("openrouter", Freshness.REFRESH);
        server.enqueue(json(401, "{\"error\": {\"message\": \"bad " + KEY + "\"}}"));
        assertThatThrownBy(() -> manager.models("openrouter", Freshness.REFRESH)).isInstanceOf(PryxException.class);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertNoSecretIn(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
    }
}
