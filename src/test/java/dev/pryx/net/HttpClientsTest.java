package dev.pryx.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.support.Environment;
import dev.pryx.support.PryxException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.X509TrustManager;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("HttpClients")
class HttpClientsTest {
    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    @DisplayName("sets the timeouts: connect 10 s, read 30 s, whole call 60 s")
    void timeouts() {
        OkHttpClient client = HttpClients.create(Environment.of(Map.of()), "pryx/0.1");
        assertThat(client.connectTimeoutMillis()).isEqualTo(10_000);
        assertThat(client.readTimeoutMillis()).isEqualTo(30_000);
        assertThat(client.callTimeoutMillis()).isEqualTo(60_000);
        assertThat(client.proxySelector()).isInstanceOf(EnvProxySelector.class);
        assertThat(client.interceptors()).hasSize(1);
        assertThat(client.networkInterceptors()).as("nothing that could log headers").isEmpty();
    }

    @Test
    @DisplayName("sends its User-Agent, unless a request brings its own")
    void userAgent() throws Exception {
        OkHttpClient client = HttpClients.create(Environment.of(Map.of()), "pryx/0.1 (test)");
        server.enqueue(new MockResponse());
        server.enqueue(new MockResponse());
        try (Response r = client.newCall(new Request.Builder().url(server.url("/a")).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
        }
        try (Response r = client.newCall(new Request.Builder().url(server.url("/b")).header("User-Agent", "probe/2").build())
                .execute()) {
            assertThat(r.code()).isEqualTo(200);
        }
        assertThat(server.takeRequest().getHeader("User-Agent")).isEqualTo("pryx/0.1 (test)");
        assertThat(server.takeRequest().getHeader("User-Agent")).isEqualTo("probe/2");
    }

    @Test
    @DisplayName("refuses a User-Agent that is not a valid header value when the client is made")
    void badUserAgent() {
        assertThatThrownBy(() -> HttpClients.create(Environment.of(Map.of()), "pryx\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("sends plain-http requests for remote hosts through HTTP_PROXY")
    void throughProxy() throws Exception {
        // The mock server plays the proxy; the target host name is never resolved by the client.
        OkHttpClient client = HttpClients.create(Environment.of(Map.of("HTTP_PROXY", "http://127.0.0.1:" + server.getPort())),
                "pryx/0.1");
        server.enqueue(new MockResponse().setBody("{}"));
        try (Response r = client.newCall(new Request.Builder().url("http://catalog.example.test/api.json").build())
                .execute()) {
            assertThat(r.code()).isEqualTo(200);
        }
        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET http://catalog.example.test/api.json HTTP/1.1");
        assertThat(request.getHeader("User-Agent")).isEqualTo("pryx/0.1");
    }

    @Test
    @DisplayName("goes straight to loopback even when the proxy variables point elsewhere")
    void loopbackDirect() throws Exception {
        int deadPort;
        try (MockWebServer dead = new MockWebServer()) {
            dead.start();
            deadPort = dead.getPort();
        }
        OkHttpClient client = HttpClients.create(Environment.of(Map.of(
                "HTTP_PROXY", "http://127.0.0.1:" + deadPort, "http_proxy", "http://127.0.0.1:" + deadPort)), "pryx/0.1");
        server.enqueue(new MockResponse().setBody("ok"));
        try (Response r = client.newCall(new Request.Builder().url(server.url("/direct")).build()).execute()) {
            assertThat(r.body().string()).isEqualTo("ok");
        }
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /direct HTTP/1.1");
    }

    /** A host name no resolver knows: with a proxy in the way, OkHttp leaves it to the proxy. */
    static final String REMOTE = "models.provider.example";
    static final Environment NO_ENV = Environment.of(Map.of());

    static String get(OkHttpClient client, String url) throws IOException {
        try (Response r = client.newCall(new Request.Builder().url(url).build()).execute()) {
            return r.code() + " " + r.body().string();
        }
    }

    static NetworkSettings proxiedBy(MockWebServer proxy) {
        return NetworkSettings.NONE.withProxy("http://127.0.0.1:" + proxy.getPort());
    }

    static int deadPort() throws IOException {
        try (MockWebServer dead = new MockWebServer()) {
            dead.start();
            return dead.getPort();
        }
    }

    /** The request the proxy received, or a failure when it received none in time. */
    static RecordedRequest taken(MockWebServer server) throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request reached " + server).isNotNull();
        return r;
    }

    @Nested
    @DisplayName("with a proxy in pryx's settings")
    class ProxySetting {
        MockWebServer target;

        @BeforeEach
        void startTarget() throws IOException {
            target = new MockWebServer();
            target.start();
        }

        @AfterEach
        void stopTarget() throws IOException {
            target.shutdown();
        }

        @Test
        @DisplayName("sends a request for a remote host through the proxy, in absolute form")
        void throughProxy() throws Exception {
            OkHttpClient client = HttpClients.create(NO_ENV, proxiedBy(server), "pryx/0.1");
            server.enqueue(new MockResponse().setBody("{\"data\":[]}"));
            assertThat(get(client, "http://" + REMOTE + "/v1/models")).isEqualTo("200 {\"data\":[]}");
            RecordedRequest request = taken(server);
            assertThat(request.getRequestLine()).isEqualTo("GET http://" + REMOTE + "/v1/models HTTP/1.1");
            assertThat(request.getHeader("User-Agent")).isEqualTo("pryx/0.1");
        }

        @Test
        @DisplayName("beats HTTPS_PROXY and HTTP_PROXY, which point at a dead port here")
        void beatsEnvironment() throws Exception {
            int dead = deadPort();
            Environment env = Environment.of(Map.of("HTTP_PROXY", "http://127.0.0.1:" + dead,
                    "HTTPS_PROXY", "http://127.0.0.1:" + dead));
            OkHttpClient client = HttpClients.create(env, proxiedBy(server), "pryx/0.1");
            server.enqueue(new MockResponse().setBody("via setting"));
            assertThat(get(client, "http://" + REMOTE + "/")).isEqualTo("200 via setting");
            assertThat(taken(server).getRequestLine()).startsWith("GET http://" + REMOTE + "/");
        }

        @Test
        @DisplayName("goes straight to loopback (127.0.0.1 and localhost); the proxy sees nothing")
        void loopbackDirect() throws Exception {
            OkHttpClient client = HttpClients.create(NO_ENV, proxiedBy(server), "pryx/0.1");
            target.enqueue(new MockResponse().setBody("direct"));
            target.enqueue(new MockResponse().setBody("direct"));
            assertThat(get(client, "http://127.0.0.1:" + target.getPort() + "/a")).isEqualTo("200 direct");
            assertThat(get(client, "http://localhost:" + target.getPort() + "/b")).isEqualTo("200 direct");
            assertThat(taken(target).getRequestLine()).isEqualTo("GET /a HTTP/1.1");
            assertThat(taken(target).getRequestLine()).isEqualTo("GET /b HTTP/1.1");
            assertThat(server.getRequestCount()).as("requests the proxy saw").isZero();
        }

        @Test
        @DisplayName("lets a host named in NO_PROXY, or in the settings' no-proxy list, go direct")
        void noProxyHosts() throws Exception {
            // The named hosts resolve to the target here, so "direct" is observable without real DNS.
            Dns toTarget = host -> List.of(InetAddress.getByName("127.0.0.1"));
            NetworkSettings settings = proxiedBy(server).withNoProxy(List.of("internal.corp"));
            OkHttpClient client = HttpClients.create(Environment.of(Map.of("NO_PROXY", "registry.example,.intra.example")),
                    settings, "pryx/0.1").newBuilder().dns(toTarget).build();
            for (String host : List.of("registry.example", "api.intra.example", "gateway.internal.corp")) {
                target.enqueue(new MockResponse().setBody("direct"));
                assertThat(get(client, "http://" + host + ":" + target.getPort() + "/v1/models")).isEqualTo("200 direct");
                RecordedRequest r = taken(target);
                assertThat(r.getRequestLine()).isEqualTo("GET /v1/models HTTP/1.1");
                assertThat(r.getHeader("Host")).isEqualTo(host + ":" + target.getPort());
            }
            assertThat(server.getRequestCount()).as("requests the proxy saw").isZero();

            server.enqueue(new MockResponse().setBody("proxied"));
            assertThat(get(client, "http://" + REMOTE + "/")).isEqualTo("200 proxied");
            assertThat(taken(server).getRequestLine()).startsWith("GET http://" + REMOTE + "/");
        }

        @Test
        @DisplayName("refuses a hand-edited proxy that is not http://HOST:PORT, saying how to fix it")
        void badProxy() {
            NetworkSettings settings = NetworkSettings.NONE.withProxy("https://proxy.corp:3128");
            assertThatThrownBy(() -> HttpClients.create(NO_ENV, settings, "pryx/0.1"))
                    .isInstanceOfSatisfying(PryxException.class, e -> assertThat(e.kind()).isEqualTo(PryxException.Kind.USAGE))
                    .hasMessageContaining("proxy in pryx's network settings")
                    .hasMessageContaining("pryx network unset --proxy");
        }
    }

    @Nested
    @DisplayName("through HTTPS_PROXY from the environment")
    class EnvHttpsProxy {
        @Test
        @DisplayName("opens a CONNECT tunnel to the remote host through the proxy")
        void connectTunnel() throws Exception {
            OkHttpClient client = HttpClients.create(Environment.of(Map.of("HTTPS_PROXY", "127.0.0.1:" + server.getPort())),
                    "pryx/0.1");
            // The proxy refuses the tunnel: enough to see that the request went to it, and for what.
            server.enqueue(new MockResponse().setResponseCode(403));
            assertThatThrownBy(() -> get(client, "https://" + REMOTE + "/v1/models")).isInstanceOf(IOException.class);
            assertThat(taken(server).getRequestLine()).isEqualTo("CONNECT " + REMOTE + ":443 HTTP/1.1");
        }
    }

    @Nested
    @DisplayName("with a CA bundle")
    class Bundle {
        @TempDir
        Path dir;
        TestCa ca;
        Path pem;

        @BeforeEach
        void makeCa() throws Exception {
            ca = TestCa.create("Pryx Test Corporate Root");
            pem = Files.writeString(dir.resolve("corp-ca.pem"), ca.pem());
        }

        MockWebServer https(MockWebServer s, String... names) throws Exception {
            s.useHttps(ca.issue(names).socketFactory(), false);
            s.start();
            return s;
        }

        @Test
        @DisplayName("a server whose certificate the CA issued fails TLS without the bundle and succeeds with it")
        void trustsTheBundle() throws Exception {
            try (MockWebServer tls = https(new MockWebServer(), "localhost", "127.0.0.1")) {
                tls.enqueue(new MockResponse().setBody("secured"));
                String url = "https://127.0.0.1:" + tls.getPort() + "/v1/models";

                OkHttpClient plain = HttpClients.create(NO_ENV, NetworkSettings.NONE, "pryx/0.1");
                assertThatThrownBy(() -> get(plain, url)).isInstanceOf(SSLHandshakeException.class);

                OkHttpClient trusting = HttpClients.create(NO_ENV, NetworkSettings.NONE.withCaBundle(pem), "pryx/0.1");
                assertThat(get(trusting, url)).isEqualTo("200 secured");
            }
        }

        @Test
        @DisplayName("keeps the JDK's roots: the trust manager accepts them as well as the bundle's CA")
        void addsToDefaultTrust() throws Exception {
            X509TrustManager trust = CaBundle.read(pem).trustManager();
            X509Certificate[] jdkRoots = CaBundle.jdkTrustManager().getAcceptedIssuers();
            assertThat(jdkRoots).as("the JDK ships public roots").isNotEmpty();
            assertThat(trust.getAcceptedIssuers()).contains(jdkRoots).contains(ca.certificate())
                    .hasSize(jdkRoots.length + 1);
        }

        @Test
        @DisplayName("reaches an https host through the proxy's tunnel, trusting the CA that signed its certificate")
        void throughTunnel() throws Exception {
            try (MockWebServer proxy = new MockWebServer()) {
                proxy.useHttps(ca.issue(REMOTE).socketFactory(), true);
                proxy.start();
                proxy.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.UPGRADE_TO_SSL_AT_END));
                proxy.enqueue(new MockResponse().setBody("inspected"));
                OkHttpClient client = HttpClients.create(NO_ENV, proxiedBy(proxy).withCaBundle(pem), "pryx/0.1");
                assertThat(get(client, "https://" + REMOTE + "/v1/models")).isEqualTo("200 inspected");
                assertThat(taken(proxy).getRequestLine()).isEqualTo("CONNECT " + REMOTE + ":443 HTTP/1.1");
                assertThat(taken(proxy).getRequestLine()).isEqualTo("GET /v1/models HTTP/1.1");
            }
        }

        @Test
        @DisplayName("a bundle gone since it was set is a usage error naming the file and the fix, not a stack trace")
        void vanished() throws Exception {
            NetworkSettings settings = NetworkSettings.NONE.withCaBundle(pem);
            Files.delete(pem);
            assertThatThrownBy(() -> HttpClients.create(NO_ENV, settings, "pryx/0.1"))
                    .isInstanceOfSatisfying(PryxException.class, e -> assertThat(e.kind()).isEqualTo(PryxException.Kind.USAGE))
                    .hasMessageStartingWith("The CA bundle " + pem + " does not exist.")
                    .hasMessageContaining("pryx network set --ca-bundle FILE")
                    .hasMessageContaining("pryx network unset --ca-bundle");
        }
    }
}
