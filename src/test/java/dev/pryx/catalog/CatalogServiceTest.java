package dev.pryx.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pryx.net.HttpClients;
import dev.pryx.support.Environment;
import dev.pryx.support.PrivateFiles;
import dev.pryx.support.PryxException;
import dev.pryx.support.PryxPaths;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("CatalogService")
class CatalogServiceTest {
    private static final String BUILTIN = "/dev/pryx/catalog/fixture-builtin.json";
    private static final String OVERLAY = "/dev/pryx/catalog/fixture-overlay.json";
    private static final Instant NOW = Instant.parse("2026-02-04T12:00:00Z");
    private static final String STILL_IN_USE = "the previous catalog is still in use";

    @TempDir
    Path home;

    private PryxPaths paths;
    private MockWebServer server;
    private OkHttpClient http;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeEach
    void start() throws IOException {
        paths = PryxPaths.under(home);
        server = new MockWebServer();
        server.start();
        http = HttpClients.create(Environment.of(Map.of()), "pryx-test/1")
                .newBuilder().readTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private Environment env(String url) {
        return Environment.of(Map.of(CatalogService.URL_VARIABLE, url));
    }

    private CatalogService service() {
        return service(http, env(server.url("/api.json").toString()));
    }

    private CatalogService service(OkHttpClient client, Environment env) {
        return new CatalogService(paths, env, client, clock, BUILTIN, OVERLAY, CatalogService.MAX_BYTES);
    }

    private Path cacheDir() {
        return paths.cache().resolve("catalog");
    }

    private Path dataFile() {
        return cacheDir().resolve(CatalogService.DATA_FILE);
    }

    private Path metaFile() {
        return cacheDir().resolve(CatalogService.META_FILE);
    }

    private static MockResponse ok(byte[] body, String etag) {
        MockResponse r = new MockResponse().setBody(new Buffer().write(body)).setHeader("Content-Type", "application/json");
        return etag == null ? r : r.setHeader("ETag", etag);
    }

    /** A first good fetch of the small "fetched" fixture, so that there is a cache to keep. */
    private CatalogService withCache() throws InterruptedException {
        server.enqueue(ok(Snapshot.resource("fixture-fetched.json"), "\"v1\""));
        CatalogService service = service();
        assertThat(service.refresh().changed()).isTrue();
        server.takeRequest();
        return service;
    }

    @Nested
    @DisplayName("before any refresh")
    class FirstRun {

        @Test
        @DisplayName("uses the built-in catalog, with the overlay merged in, and touches no network")
        void builtin() {
            Catalog catalog = service().catalog();
            assertThat(catalog.info()).extracting(CatalogInfo::source, CatalogInfo::url, CatalogInfo::fetchedAt,
                            CatalogInfo::providerCount, CatalogInfo::modelCount, CatalogInfo::lastChange)
                    .containsExactly("built-in", null, null, 7, 7, null);
            assertThat(catalog.provider("ollama")).isPresent();
            assertThat(catalog.provider("openai").orElseThrow().baseUrl()).isEqualTo("https://api.openai.com/v1");
            assertThat(server.getRequestCount()).isZero();
            assertThat(cacheDir()).doesNotExist();
        }

        @Test
        @DisplayName("keeps the built-in catalog when the network is down, and says so")
        void offline() throws IOException {
            int closedPort;
            try (MockWebServer closed = new MockWebServer()) {
                closed.start();
                closedPort = closed.getPort();
            }
            CatalogService service = service(http, env("http://127.0.0.1:" + closedPort + "/api.json"));
            Catalog before = service.catalog();
            assertThatThrownBy(service::refresh)
                    .isInstanceOfSatisfying(PryxException.class, e -> assertThat(e.kind()).isEqualTo(PryxException.Kind.REMOTE))
                    .hasMessage("Could not fetch the catalog from 127.0.0.1: the connection was refused. Check the network "
                            + "or PRYX_CATALOG_URL; the previous catalog is still in use.");
            assertThat(service.catalog()).isSameAs(before);
            assertThat(service.catalog().info().source()).isEqualTo("built-in");
            assertThat(dataFile()).doesNotExist();
        }

        @Test
        @DisplayName("through a proxy that refuses connections, the message names the proxy and pryx network show")
        void proxyRefused() throws IOException {
            int closedPort;
            try (MockWebServer closed = new MockWebServer()) {
                closed.start();
                closedPort = closed.getPort();
            }
            OkHttpClient viaProxy = HttpClients.create(Environment.of(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + closedPort)),
                    "pryx-test/1");
            CatalogService service = service(viaProxy, env("https://catalog.example/api.json"));
            assertThatThrownBy(service::refresh)
                    .isInstanceOfSatisfying(PryxException.class, e -> assertThat(e.kind()).isEqualTo(PryxException.Kind.REMOTE))
                    .hasMessage("Could not fetch the catalog from catalog.example through the proxy 127.0.0.1:" + closedPort
                            + ": the connection was refused. Check the proxy (`pryx network show`), the network or "
                            + "PRYX_CATALOG_URL; the previous catalog is still in use.");
        }

        @Test
        @DisplayName("the shipped built-in catalog and overlay load through the public constructor")
        void shipped() {
            assumeTrue(Snapshot.shipped(CatalogService.BUILTIN_RESOURCE) && Snapshot.shipped(Overlay.RESOURCE),
                    "the built-in catalog or overlay is not in the build yet");
            Catalog catalog = new CatalogService(paths, Environment.of(Map.of()), http, clock).catalog();
            assertThat(catalog.info().source()).isEqualTo("built-in");
            for (String id : List.of("openai", "anthropic", "google", "xai", "openrouter", "deepseek", "ollama")) {
                CatalogProvider p = catalog.provider(id).orElseThrow(() -> new AssertionError(id + " missing"));
                assertThat(p.baseUrl()).as(id).startsWith(id.equals("ollama") ? "http://" : "https://");
                assertThat(p.authTypes()).as(id).isNotEmpty();
            }
            assertThat(catalog.provider("google").orElseThrow().authTypes()).contains(AuthType.API_KEY, AuthType.OAUTH2);
        }
    }

    @Nested
    @DisplayName("refreshing from the real snapshot")
    class RealSnapshot {

        @Test
        @DisplayName("caches it privately, says where it came from, and a new process loads it from the cache")
        void firstFetch() throws Exception {
            byte[] snapshot = Snapshot.bytes();
            server.enqueue(ok(snapshot, "\"snap-1\""));
            CatalogService service = service();

            CatalogSource.Refreshed refreshed = service.refresh();

            assertThat(refreshed.changed()).isTrue();
            CatalogInfo info = refreshed.info();
            assertThat(info.source()).isEqualTo("cache");
            assertThat(info.url()).isEqualTo(server.url("/api.json").toString());
            assertThat(info.fetchedAt()).isEqualTo(NOW);
            // Every models.dev provider, plus ollama, which only the overlay defines.
            assertThat(info.providerCount()).isEqualTo(Snapshot.PROVIDERS + 1);
            assertThat(info.modelCount()).isEqualTo(Snapshot.MODELS);
            assertThat(service.catalog().info()).isEqualTo(info);
            assertThat(service.catalog().provider("abacus").orElseThrow().models()).containsKey("Qwen/QwQ-32B");

            RecordedRequest request = server.takeRequest();
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(request.getPath()).isEqualTo("/api.json");
            assertThat(request.getHeader("If-None-Match")).isNull();
            assertThat(request.getHeader("User-Agent")).isEqualTo("pryx-test/1");

            assertThat(Files.readAllBytes(dataFile())).isEqualTo(snapshot);
            if (PrivateFiles.posix()) {
                assertThat(PrivateFiles.mode(dataFile())).contains("0600");
                assertThat(PrivateFiles.mode(metaFile())).contains("0600");
                assertThat(PrivateFiles.mode(cacheDir())).contains("0700");
            }
            try (Stream<Path> files = Files.list(cacheDir())) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder(CatalogService.DATA_FILE, CatalogService.META_FILE);
            }

            CatalogService nextProcess = service();
            assertThat(nextProcess.catalog().info()).isEqualTo(info);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        @DisplayName("asks with the ETag it has, and a 304 changes nothing")
        void notModified() throws Exception {
            server.enqueue(ok(Snapshot.bytes(), "\"snap-1\""));
            service().refresh();
            server.takeRequest();
            byte[] data = Files.readAllBytes(dataFile());
            byte[] meta = Files.readAllBytes(metaFile());

            server.enqueue(new MockResponse().setResponseCode(304).setHeader("ETag", "\"snap-1\""));
            CatalogService nextProcess = service();
            Catalog before = nextProcess.catalog();
            CatalogSource.Refreshed refreshed = nextProcess.refresh();

            assertThat(server.takeRequest().getHeader("If-None-Match")).isEqualTo("\"snap-1\"");
            assertThat(refreshed.changed()).isFalse();
            assertThat(refreshed.info()).isEqualTo(before.info());
            assertThat(nextProcess.catalog()).isSameAs(before);
            assertThat(Files.readAllBytes(dataFile())).isEqualTo(data);
            assertThat(Files.readAllBytes(metaFile())).isEqualTo(meta);
        }
    }

    @Nested
    @DisplayName("a refresh that fails")
    class Failures {

        /** Refreshes, expects a REMOTE failure with the message, and checks that nothing was replaced. */
        private void refused(CatalogService service, String message) throws IOException {
            Catalog before = service.catalog();
            byte[] data = Files.readAllBytes(dataFile());
            byte[] meta = Files.readAllBytes(metaFile());

            assertThatThrownBy(service::refresh)
                    .isInstanceOfSatisfying(PryxException.class, e -> {
                        assertThat(e.kind()).isEqualTo(PryxException.Kind.REMOTE);
                        assertThat(e.getMessage()).endsWith(STILL_IN_USE + ".");
                    })
                    .hasMessageContaining(message);

            assertThat(service.catalog()).isSameAs(before);
            assertThat(Files.readAllBytes(dataFile())).isEqualTo(data);
            assertThat(Files.readAllBytes(metaFile())).isEqualTo(meta);
            try (Stream<Path> files = Files.list(cacheDir())) {
                assertThat(files.map(p -> p.getFileName().toString())).as("no temporary files left")
                        .containsExactlyInAnyOrder(CatalogService.DATA_FILE, CatalogService.META_FILE);
            }
            // And the next process still finds the old cache whole.
            assertThat(service().catalog().info()).isEqualTo(before.info());
        }

        @ParameterizedTest(name = "HTTP {0}")
        @ValueSource(ints = {500, 503, 404, 403, 429})
        @DisplayName("on an HTTP error keeps the old catalog and says which status came back")
        void httpError(int status) throws Exception {
            CatalogService service = withCache();
            server.enqueue(new MockResponse().setResponseCode(status).setBody("{\"error\": \"nope\"}"));
            refused(service, "The catalog server " + server.getHostName() + " answered HTTP " + status
                    + ". Check PRYX_CATALOG_URL or try again later");
            assertThat(server.takeRequest().getHeader("If-None-Match")).isEqualTo("\"v1\"");
        }

        @Test
        @DisplayName("refuses a body cut off in the middle")
        void truncated() throws Exception {
            CatalogService service = withCache();
            server.enqueue(ok(Snapshot.resource("fixture-builtin.json"), null)
                    .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
            refused(service, "Could not fetch the catalog from " + server.getHostName() + ": the connection broke off");
        }

        @Test
        @DisplayName("refuses a body that is not JSON")
        void notJson() throws Exception {
            CatalogService service = withCache();
            server.enqueue(ok("<html><body>Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8), null));
            refused(service, "The catalog from " + server.getHostName() + " is not a usable models.dev catalog (it is not"
                    + " well-formed JSON (line 1, column 1)). Check PRYX_CATALOG_URL");
        }

        @Test
        @DisplayName("refuses JSON that is not a catalog, or a catalog without any models")
        void notCatalog() throws Exception {
            CatalogService service = withCache();
            server.enqueue(ok("{\"providers\": [\"openai\"]}".getBytes(StandardCharsets.UTF_8), null));
            refused(service, "(provider 'providers' is not a JSON object)");
            server.enqueue(ok("{}".getBytes(StandardCharsets.UTF_8), null));
            refused(service, "(it lists no provider with models)");
            server.enqueue(ok("{\"a\": {\"id\": \"a\", \"name\": \"A\", \"models\": {}}}".getBytes(StandardCharsets.UTF_8), null));
            refused(service, "(it lists no provider with models)");
            server.enqueue(ok(new byte[0], null));
            refused(service, "(the catalog is empty)");
        }

        @Test
        @DisplayName("refuses a body larger than 32 MiB, counted while reading (no Content-Length to trust)")
        void oversize() throws Exception {
            CatalogService service = withCache();
            Buffer big = new Buffer();
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 33; i++) {
                big.write(spaces);
            }
            server.enqueue(new MockResponse().setChunkedBody(big, 256 * 1024));
            refused(service, "The catalog from " + server.getHostName() + " is larger than 32 MiB and was refused. Check PRYX_CATALOG_URL");
        }

        @Test
        @DisplayName("refuses at once a body whose Content-Length is over the cap")
        void declaredOversize() throws Exception {
            CatalogService small = new CatalogService(paths, env(server.url("/api.json").toString()), http, clock,
                    BUILTIN, OVERLAY, 4096);
            withCache(); // the cache is written by a service with the real cap
            server.enqueue(ok(Snapshot.resource("fixture-builtin.json"), null));
            refused(small, "is larger than 4096 bytes and was refused");
        }

        @Test
        @DisplayName("gives up on a server that does not answer in time")
        void timeout() throws Exception {
            withCache();
            OkHttpClient impatient = http.newBuilder().readTimeout(Duration.ofMillis(300)).build();
            CatalogService service = service(impatient, env(server.url("/api.json").toString()));
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            refused(service, "Could not fetch the catalog from " + server.getHostName() + ": it took too long. Check the network");
        }

        @Test
        @DisplayName("says when the secure connection fails")
        void tls() throws Exception {
            withCache();
            // A server that answers a TLS handshake with plain HTTP: the handshake fails at once.
            try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Thread answer = new Thread(() -> {
                    try (Socket s = plain.accept()) {
                        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"
                                .getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                        s.getInputStream().read();
                    } catch (IOException e) {
                        // The client hung up, as expected.
                    }
                });
                answer.setDaemon(true);
                answer.start();
                CatalogService service = service(http, env("https://127.0.0.1:" + plain.getLocalPort() + "/api.json"));
                refused(service, "Could not fetch the catalog from 127.0.0.1: the secure connection (TLS) failed.");
                answer.join(5000);
            }
        }

        @Test
        @DisplayName("says when the host name does not resolve")
        void dns() throws Exception {
            withCache();
            OkHttpClient noDns = http.newBuilder().dns(host -> {
                throw new UnknownHostException(host);
            }).build();
            CatalogService service = service(noDns, env("https://catalog.example.invalid/api.json"));
            refused(service, "Could not fetch the catalog from catalog.example.invalid: the host name could not be resolved.");
        }

        @Test
        @DisplayName("refuses a PRYX_CATALOG_URL that is not http(s) as a usage error")
        void badUrl() {
            CatalogService service = service(http, env("ftp://example.com/api.json"));
            assertThatThrownBy(service::refresh)
                    .isInstanceOfSatisfying(PryxException.class, e -> assertThat(e.kind()).isEqualTo(PryxException.Kind.USAGE))
                    .hasMessageContaining("PRYX_CATALOG_URL is not an http(s) URL");
        }
    }

    @Nested
    @DisplayName("what a refresh changed")
    class Changes {

        @Test
        @DisplayName("lists added and removed providers and provider/model pairs, and keeps the list in the cache")
        void diff() throws Exception {
            CatalogService service = withCache();
            CatalogInfo.Change change = service.catalog().info().lastChange();
            assertThat(change.addedProviders()).containsExactly("mistral");
            assertThat(change.removedProviders()).containsExactly("deepseek");
            assertThat(change.addedModels()).containsExactly("mistral/mistral-fixture", "openai/gpt-fixture-new");
            assertThat(change.removedModels()).containsExactly("deepseek/deepseek-fixture", "openai/gpt-fixture-old");
            assertThat(service().catalog().info().lastChange()).isEqualTo(change);

            // Back again: the change is the mirror image, computed against the cached catalog.
            server.enqueue(ok(Snapshot.resource("fixture-builtin.json"), "\"v2\""));
            CatalogInfo.Change back = service.refresh().info().lastChange();
            assertThat(server.takeRequest().getHeader("If-None-Match")).isEqualTo("\"v1\"");
            assertThat(back.addedProviders()).isEqualTo(change.removedProviders());
            assertThat(back.removedProviders()).isEqualTo(change.addedProviders());
            assertThat(back.addedModels()).isEqualTo(change.removedModels());
            assertThat(back.removedModels()).isEqualTo(change.addedModels());
        }

        @Test
        @DisplayName("a fetch without an ETag makes the next one unconditional")
        void noEtag() throws Exception {
            server.enqueue(ok(Snapshot.resource("fixture-fetched.json"), null));
            server.enqueue(ok(Snapshot.resource("fixture-fetched.json"), null));
            CatalogService service = service();
            service.refresh();
            CatalogSource.Refreshed again = service.refresh();
            server.takeRequest();
            assertThat(server.takeRequest().getHeader("If-None-Match")).isNull();
            assertThat(again.changed()).isTrue();
            assertThat(again.info().lastChange().addedModels()).isEmpty();
            assertThat(again.info().lastChange().removedModels()).isEmpty();
        }

        @Test
        @DisplayName("an ETag from another URL is not sent")
        void otherUrl() throws Exception {
            withCache();
            server.enqueue(ok(Snapshot.resource("fixture-fetched.json"), "\"w1\""));
            service(http, env(server.url("/mirror/api.json").toString())).refresh();
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request.getPath()).isEqualTo("/mirror/api.json");
            assertThat(request.getHeader("If-None-Match")).isNull();
        }
    }

    @Nested
    @DisplayName("a cache that cannot be used")
    class BadCache {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"garbage data", "truncated data", "other data", "no data", "no metadata",
                "garbage metadata", "newer metadata", "empty metadata", "data writable by others",
                "directory writable by others", "data is a symlink"})
        @DisplayName("is ignored (and logged) in favour of the built-in catalog")
        void fallsBack(String damage) throws Exception {
            withCache();
            byte[] data = Files.readAllBytes(dataFile());
            switch (damage) {
                case "garbage data" -> Files.write(dataFile(), "\u0000\u0001garbage".getBytes(StandardCharsets.UTF_8));
                case "truncated data" -> Files.write(dataFile(), java.util.Arrays.copyOf(data, data.length / 2));
                case "other data" -> Files.write(dataFile(), Snapshot.resource("fixture-builtin.json"));
                case "no data" -> Files.delete(dataFile());
                case "no metadata" -> Files.delete(metaFile());
                case "garbage metadata" -> Files.writeString(metaFile(), "{\"schema\": 1, \"url\": ");
                case "newer metadata" -> Files.writeString(metaFile(),
                        Files.readString(metaFile()).replace("\"schema\" : 1", "\"schema\" : 2"));
                case "empty metadata" -> Files.write(metaFile(), new byte[0]);
                case "data writable by others" -> {
                    assumeTrue(PrivateFiles.posix(), "POSIX modes");
                    Files.setPosixFilePermissions(dataFile(), PosixFilePermissions.fromString("rw-rw-rw-"));
                }
                case "directory writable by others" -> {
                    assumeTrue(PrivateFiles.posix(), "POSIX modes");
                    Files.setPosixFilePermissions(cacheDir(), PosixFilePermissions.fromString("rwxrwxrwx"));
                }
                case "data is a symlink" -> {
                    assumeTrue(PrivateFiles.posix(), "POSIX symlinks");
                    // Someone else's catalog, linked in: it is checked like any other, and its
                    // mode (a link's own is 0777) makes it untrusted.
                    Path elsewhere = home.resolve("elsewhere.json");
                    Files.write(elsewhere, data);
                    Files.delete(dataFile());
                    Files.createSymbolicLink(dataFile(), elsewhere);
                }
                default -> throw new IllegalArgumentException(damage);
            }
            Catalog catalog = service().catalog();
            assertThat(catalog.info().source()).isEqualTo("built-in");
            assertThat(catalog.provider("deepseek")).isPresent();
        }

        @Test
        @DisplayName("does not stop a refresh from writing a good one")
        void repaired() throws Exception {
            withCache();
            Files.write(dataFile(), "{".getBytes(StandardCharsets.UTF_8));
            CatalogService service = service();
            assertThat(service.catalog().info().source()).isEqualTo("built-in");
            server.enqueue(ok(Snapshot.resource("fixture-fetched.json"), "\"v2\""));
            service.refresh();
            assertThat(server.takeRequest().getHeader("If-None-Match")).as("the broken cache's ETag is not trusted").isNull();
            assertThat(service().catalog().info().source()).isEqualTo("cache");
        }
    }

    @Test
    @DisplayName("finds no change between a catalog and itself")
    void noChange() throws Exception {
        Catalog before = new Catalog(Overlay.empty().apply(ModelsDevReader.read(Snapshot.resource("fixture-builtin.json"))),
                new CatalogInfo("built-in", null, null, 0, 0, null));
        assertThat(CatalogService.diff(before, List.copyOf(before.providers())))
                .isEqualTo(new CatalogInfo.Change(List.of(), List.of(), List.of(), List.of()));
    }
}
