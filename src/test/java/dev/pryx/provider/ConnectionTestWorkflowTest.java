package dev.pryx.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pryx.TestSecrets;
import dev.pryx.catalog.AuthType;
import dev.pryx.catalog.Catalog;
import dev.pryx.catalog.CatalogInfo;
import dev.pryx.catalog.CatalogProvider;
import dev.pryx.catalog.CatalogSource;
import dev.pryx.net.probe.Verdict;
import dev.pryx.support.Environment;
import dev.pryx.support.Json;
import dev.pryx.support.PryxException;
import dev.pryx.support.PryxPaths;
import dev.pryx.support.Secret;
import dev.pryx.vault.FileVault;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("ProviderManager: connection tests")
class ConnectionTestWorkflowTest {
    static final String KEY = TestSecrets.API_KEY;
    static final String OTHER_KEY = TestSecrets.OTHER_API_KEY;
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final String MODELS = """
            {"object": "list", "data": [
              {"id": "gpt-5", "object": "model", "created": 1715367049, "owned_by": "system"},
              {"id": "gpt-5-mini", "object": "model", "created": 1721172741, "owned_by": "system"},
              {"id": "o3-mini", "object": "model", "created": 1737146383, "owned_by": "system"}]}
            """;
    /** OpenAI's 401, echoing the whole key back: the report must still not carry it. */
    static final String REJECTED = "{\"error\": {\"message\": \"Incorrect API key provided: " + KEY
            + ". You can find your API key at https://platform.openai.com/account/api-keys.\", "
            + "\"type\": \"invalid_request_error\", \"param\": null, \"code\": \"invalid_api_key\"}}";
    /** One client for all tests: the manager derives its probes from it, as production does from the shared one. */
    static final OkHttpClient CLIENT = new OkHttpClient();

    @TempDir
    Path home;
    Map<String, String> env;
    List<ProviderEvent> events;
    ProviderManager manager;
    MockWebServer server;
    int httpAsked;

    @BeforeEach
    void start() throws IOException {
        env = new HashMap<>(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE));
        events = new ArrayList<>();
        server = new MockWebServer();
        server.start();
        manager = newManager();
    }

    @AfterEach
    void stop() throws IOException {
        manager.close();
        server.close();
    }

    ProviderManager newManager() {
        var input = new PassphraseSourceTest.ScriptedInput(false);
        Environment e = env::get;
        return new ProviderManager(PryxPaths.under(home), FileVault.Options.cheapForTests(), new PassphraseSource(e, input),
                input, new TestCatalog(), e, Clock.fixed(NOW, ZoneOffset.UTC), events::add, () -> {
                    httpAsked++;
                    return CLIENT;
                });
    }

    /** The fake catalog plus what these tests need: an OpenAI-compatible entry and a provider with no known test. */
    static final class TestCatalog implements CatalogSource {
        private final Catalog catalog;

        TestCatalog() {
            List<CatalogProvider> providers = new ArrayList<>(new FakeCatalog().catalog().providers());
            providers.add(FakeCatalog.provider(ProviderManager.OPENAI_COMPATIBLE, "OpenAI-compatible endpoint",
                    List.of(AuthType.API_KEY), null, null, true, List.of()));
            providers.add(new CatalogProvider("untestable", "Untestable", List.of(), null, null, "https://api.example.com/v1",
                    List.of(AuthType.API_KEY), null, null, false, new LinkedHashMap<>(),
                    JsonNodeFactory.instance.objectNode().put("id", "untestable")));
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

    String baseUrl() {
        return server.url("/v1").toString();
    }

    void addOpenAi(String key) {
        manager.addProvider(new ProviderManager.NewProvider("openai", null, null, baseUrl(), null));
        if (key != null) {
            manager.setKey("openai", Secret.adopt(key.toCharArray()), false);
        }
    }

    RecordedRequest taken() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the server").isNotNull();
        return r;
    }

    LastTest lastTest(String id) {
        return manager.vault().read(c -> c.record(ProviderManager.TESTS, id, LastTest.class)).orElse(null);
    }

    /** Every text a test's outcome leaves behind, none of which may hold a test secret. */
    void assertNoSecretIn(String... texts) {
        for (String text : texts) {
            assertThat(TestSecrets.PATTERNS).as("a secret in: %s", text).noneMatch(p -> text != null && p.matcher(text).find());
        }
    }

    void assertNoSecretIn(ConnectionReport r) throws Exception {
        assertNoSecretIn(r.toString(), Json.mapper().writeValueAsString(r), r.message(), r.hint(), r.endpoint());
    }

    static void usage(ThrowableAssert.ThrowingCallable call, String expected) {
        assertThatThrownBy(call).isInstanceOf(PryxException.class)
                .satisfies(e -> assertThat(((PryxException) e).kind()).isEqualTo(PryxException.Kind.USAGE))
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(TestSecrets.PATTERNS).noneMatch(p -> p.matcher(e.getMessage()).find()));
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Nested
    @DisplayName("a provider that answers")
    class Answers {
        @Test
        @DisplayName("a working key is reported ok with the model count, sent as the kind's header, and the verdict is kept in the vault")
        void ok() throws Exception {
            addOpenAi(KEY);
            server.enqueue(new MockResponse().setBody(MODELS));

            ConnectionReport r = manager.testConnection("openai");

            assertThat(r).extracting(ConnectionReport::providerId, ConnectionReport::providerName, ConnectionReport::verdict,
                    ConnectionReport::ok, ConnectionReport::modelCount, ConnectionReport::httpStatus, ConnectionReport::keySent,
                    ConnectionReport::retryAfterSeconds, ConnectionReport::testedAt)
                    .containsExactly("openai", "OpenAI", "ok", true, 3, 200, true, null, NOW);
            assertThat(r.remoteFailure()).isFalse();
            assertThat(r.latencyMs()).isNotNegative();
            assertThat(r.endpoint()).isEqualTo(server.url("/v1/models").toString());
            assertThat(r.message()).isEqualTo("OpenAI accepted the key and lists 3 models.");
            RecordedRequest request = taken();
            assertThat(request.getPath()).isEqualTo("/v1/models");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(lastTest("openai")).isEqualTo(new LastTest("ok", r.latencyMs(), NOW));
            assertNoSecretIn(r);
        }

        @Test
        @DisplayName("a refused key (401) is invalid_key, a problem found here, and the key it echoed is not repeated")
        void rejected() throws Exception {
            addOpenAi(KEY);
            server.enqueue(new MockResponse().setResponseCode(401).setBody(REJECTED));

            ConnectionReport r = manager.testConnection("openai");

            assertThat(r).extracting(ConnectionReport::verdict, ConnectionReport::ok, ConnectionReport::httpStatus,
                    ConnectionReport::modelCount).containsExactly("invalid_key", false, 401, null);
            assertThat(r.remoteFailure()).isFalse();
            assertThat(r.message()).startsWith("OpenAI rejected the key (401)").contains("Incorrect API key provided");
            assertThat(r.hint()).contains("pryx provider set-key openai");
            assertThat(lastTest("openai").verdict()).isEqualTo("invalid_key");
            assertNoSecretIn(r);
            assertThat(events).contains(new ProviderEvent("provider.test", "openai", null, "invalid_key"));
        }

        @Test
        @DisplayName("a 5xx and a 429 blame the provider (a remote failure); the 429's Retry-After is kept in seconds")
        void remoteFailures() throws Exception {
            addOpenAi(KEY);
            server.enqueue(new MockResponse().setResponseCode(503).setBody("{\"error\": {\"message\": \"overloaded\"}}"));
            server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "30")
                    .setBody("{\"error\": {\"message\": \"Rate limit reached\"}}"));

            ConnectionReport down = manager.testConnection("openai");
            ConnectionReport limited = manager.testConnection("openai");

            assertThat(down).extracting(ConnectionReport::verdict, ConnectionReport::httpStatus, ConnectionReport::remoteFailure)
                    .containsExactly("provider_error", 503, true);
            assertThat(limited).extracting(ConnectionReport::verdict, ConnectionReport::httpStatus,
                    ConnectionReport::retryAfterSeconds, ConnectionReport::remoteFailure)
                    .containsExactly("rate_limited", 429, 30L, true);
            assertThat(lastTest("openai").verdict()).as("the last test wins").isEqualTo("rate_limited");
        }

        @Test
        @DisplayName("the vault keeps only verdict, latency and time of the last test, and the saved file holds no key in clear")
        void vaultRecord() throws Exception {
            addOpenAi(KEY);
            server.enqueue(new MockResponse().setResponseCode(401).setBody(REJECTED));
            manager.testConnection("openai");

            JsonNode record = manager.vault().read(c -> c.record(ProviderManager.TESTS, "openai", JsonNode.class)).orElseThrow();
            List<String> fields = new ArrayList<>();
            record.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("verdict", "latency_ms", "at");
            assertNoSecretIn(record.toString());
            try (Stream<Path> files = Files.walk(home)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertNoSecretIn(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        }

        @Test
        @DisplayName("removing the provider drops its last test, so a new account under that id starts clean")
        void removedWithProvider() {
            addOpenAi(KEY);
            server.enqueue(new MockResponse().setBody(MODELS));
            manager.testConnection("openai");
            manager.removeProvider("openai");
            assertThat(lastTest("openai")).isNull();
        }
    }

    @Nested
    @DisplayName("keys")
    class Keys {
        @Test
        @DisplayName("the key is read in the tester's scope, and the read is recorded before the test")
        void testerScope() throws Exception {
            addOpenAi(KEY);
            server.enqueue(new MockResponse().setBody(MODELS));
            events.clear();

            manager.testConnection("openai");

            assertThat(events).containsExactly(
                    new ProviderEvent("key.read", "openai", "tester:provider.test", "ok"),
                    new ProviderEvent("provider.test", "openai", null, "ok"));
        }

        @Test
        @DisplayName("an access policy that keeps the tester out stops the test before anything is sent")
        void policyDenies() {
            addOpenAi(KEY);
            manager.vault().update(c -> {
                c.putRecord("policy", "default", new AccessPolicy(List.of(
                        new AccessPolicy.Rule(Scope.LLM_INVOKE.toString(), List.of("*")))));
                return null;
            });

            usage(() -> manager.testConnection("openai"), "The scope tester:provider.test may not read the key of openai");

            assertThat(server.getRequestCount()).isZero();
            assertThat(events).contains(new ProviderEvent("scope.denied", "openai", "tester:provider.test", "denied"));
            assertThat(lastTest("openai")).isNull();
        }

        @Test
        @DisplayName("a provider that takes a key but has none is a usage error naming set-key, and nothing is sent")
        void noKey() {
            addOpenAi(null);
            usage(() -> manager.testConnection("openai"),
                    "No key is set for openai: set one with `pryx provider set-key openai`");
            assertThat(server.getRequestCount()).isZero();
            assertThat(httpAsked).as("no HTTP client is built for a test that cannot run").isZero();
        }

        @Test
        @DisplayName("PRYX_API_KEY_REF picks the key of the active provider, as every other key read does")
        void keyRefOverride() throws Exception {
            addOpenAi(KEY);
            manager.addProvider(new ProviderManager.NewProvider("openai", "openai-work", "Work", baseUrl(), null));
            manager.setKey("openai-work", Secret.adopt(OTHER_KEY.toCharArray()), false);
            env.put(ProviderManager.ENV_KEY_REF, "vault:openai-work");
            server.enqueue(new MockResponse().setBody(MODELS));

            assertThat(manager.testConnection("openai").ok()).isTrue();

            assertThat(taken().getHeader("Authorization")).isEqualTo("Bearer " + OTHER_KEY);
        }

        @Test
        @DisplayName("a provider that takes no key (auth none) is tested without one")
        void authNone() throws Exception {
            manager.addProvider(new ProviderManager.NewProvider("ollama", null, null, baseUrl(), null));
            server.enqueue(new MockResponse().setBody(MODELS));

            ConnectionReport r = manager.testConnection("ollama");

            assertThat(r).extracting(ConnectionReport::verdict, ConnectionReport::keySent).containsExactly("ok", false);
            assertThat(taken().getHeader("Authorization")).isNull();
            assertThat(events).extracting(ProviderEvent::type).doesNotContain("key.read");
        }

        @Test
        @DisplayName("an OpenAI-compatible server without a key is tested without one; one that wants a key says so")
        void compatibleWithoutKey() throws Exception {
            manager.addCompatible("openai", "my-llm", null, baseUrl(), null);
            server.enqueue(new MockResponse().setBody(MODELS));
            server.enqueue(new MockResponse().setResponseCode(401).setBody("{\"error\": \"unauthorized\"}"));

            ConnectionReport open = manager.testConnection("my-llm");
            ConnectionReport guarded = manager.testConnection("my-llm");

            assertThat(open).extracting(ConnectionReport::verdict, ConnectionReport::keySent, ConnectionReport::modelCount)
                    .containsExactly("ok", false, 3);
            assertThat(taken().getHeader("Authorization")).isNull();
            assertThat(guarded).extracting(ConnectionReport::verdict, ConnectionReport::remoteFailure)
                    .containsExactly("key_required", false);
            assertThat(guarded.hint()).contains("pryx provider set-key my-llm");
        }

        @Test
        @DisplayName("an OpenAI-compatible server with a key gets it")
        void compatibleWithKey() throws Exception {
            manager.addCompatible("openai", "my-llm", null, baseUrl(), null);
            manager.setKey("my-llm", Secret.adopt(KEY.toCharArray()), false);
            server.enqueue(new MockResponse().setBody(MODELS));

            assertThat(manager.testConnection("my-llm").keySent()).isTrue();
            assertThat(taken().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        }
    }

    @Nested
    @DisplayName("what cannot be tested")
    class CannotTest {
        @Test
        @DisplayName("a provider whose catalog entry names no test is a usage error")
        void noTestKind() {
            manager.addProvider(new ProviderManager.NewProvider("untestable", null, null, null, null));
            usage(() -> manager.testConnection("untestable"), "pryx cannot test untestable");
            assertThat(events).extracting(ProviderEvent::type).doesNotContain("key.read", "provider.test");
        }

        @Test
        @DisplayName("an unconfigured provider is a usage error, and no vault is created to find that out")
        void unknown() {
            usage(() -> manager.testConnection("openai"), "No provider 'openai' is configured");
            assertThat(PryxPaths.under(home).vaultFile()).doesNotExist();
        }
    }

    @Nested
    @DisplayName("the network")
    class Network {
        @Test
        @DisplayName("nothing listening is connection_refused: a remote failure, reported and recorded, not thrown")
        void refused() throws Exception {
            manager.addProvider(new ProviderManager.NewProvider("openai", null, null,
                    "http://127.0.0.1:" + closedPort() + "/v1", null));
            manager.setKey("openai", Secret.adopt(KEY.toCharArray()), false);

            ConnectionReport r = manager.testConnection("openai");

            assertThat(r).extracting(ConnectionReport::verdict, ConnectionReport::httpStatus, ConnectionReport::remoteFailure)
                    .containsExactly("connection_refused", 0, true);
            assertThat(r.message()).startsWith("Could not connect to 127.0.0.1:");
            assertThat(lastTest("openai").verdict()).isEqualTo("connection_refused");
            assertNoSecretIn(r);
        }

        @Test
        @DisplayName("the manager built without a client makes its own on the first test")
        void defaultClient() {
            manager.close();
            var input = new PassphraseSourceTest.ScriptedInput(false);
            Environment e = env::get;
            manager = new ProviderManager(PryxPaths.under(home), FileVault.Options.cheapForTests(),
                    new PassphraseSource(e, input), input, new TestCatalog(), e, Clock.systemUTC(), events::add);
            addOpenAi(KEY);
            server.enqueue(new MockResponse().setBody(MODELS));

            assertThat(manager.testConnection("openai").ok()).isTrue();
        }
    }

    @Nested
    @DisplayName("which failures are remote")
    class RemoteOrNot {
        /** The contract: exit 1 when the check found a problem with the key or the address, 4 when a remote party failed. */
        static final Map<Verdict, Boolean> EXPECTED = new EnumMap<>(Map.ofEntries(
                Map.entry(Verdict.OK, false),
                Map.entry(Verdict.INVALID_KEY, false),
                Map.entry(Verdict.KEY_REQUIRED, false),
                Map.entry(Verdict.NO_PERMISSION, false),
                Map.entry(Verdict.WRONG_BASE_URL, false),
                Map.entry(Verdict.RATE_LIMITED, true),
                Map.entry(Verdict.PROVIDER_ERROR, true),
                Map.entry(Verdict.DNS_FAILURE, true),
                Map.entry(Verdict.CONNECTION_REFUSED, true),
                Map.entry(Verdict.TLS_FAILURE, true),
                Map.entry(Verdict.TIMEOUT, true),
                Map.entry(Verdict.PROXY_FAILURE, true),
                Map.entry(Verdict.CONNECTION_FAILED, true),
                Map.entry(Verdict.UNEXPECTED_RESPONSE, true)));

        @ParameterizedTest(name = "{0}")
        @EnumSource(Verdict.class)
        @DisplayName("each verdict is placed on purpose, and its wire name is its lower-case constant")
        void eachVerdict(Verdict v) {
            assertThat(EXPECTED).as("decide whether %s is remote", v).containsKey(v);
            ConnectionReport r = new ConnectionReport("p", "P", ConnectionReport.wireName(v), v == Verdict.OK, 1, null, null, 0,
                    true, "http://x/", "m", "h", NOW);
            assertThat(r.remoteFailure()).isEqualTo(EXPECTED.get(v));
            assertThat(ConnectionReport.wireName(v)).isEqualTo(v.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
