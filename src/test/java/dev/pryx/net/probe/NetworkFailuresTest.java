package dev.pryx.net.probe;

import static dev.pryx.net.probe.ProbeFixtures.BASE;
import static dev.pryx.net.probe.ProbeFixtures.CLOCK;
import static dev.pryx.net.probe.ProbeFixtures.ID;
import static dev.pryx.net.probe.ProbeFixtures.KEY;
import static dev.pryx.net.probe.ProbeFixtures.NAME;
import static dev.pryx.net.probe.ProbeFixtures.freePort;
import static dev.pryx.net.probe.ProbeFixtures.json;
import static dev.pryx.net.probe.ProbeFixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.support.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Failures below HTTP: each gets its own verdict, message and hint, and none needs the internet. */
@DisplayName("network failures")
class NetworkFailuresTest {
    private static final Dns NO_DNS = hostname -> {
        throw new UnknownHostException("no DNS in tests: " + hostname);
    };
    private static final String PROXY_HINT = "Check the proxy in force (`pryx network show`: pryx's own setting, else "
            + "HTTPS_PROXY or HTTP_PROXY) and NO_PROXY, or remove it if this network needs none; pryx does not send "
            + "proxy credentials yet.";

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private static ProbeResult run(OkHttpClient client, ProbeKind kind, String baseUrl) {
        return run(new ConnectionProbe(client, Duration.ofSeconds(5), Duration.ofSeconds(10), CLOCK), kind, baseUrl);
    }

    private static ProbeResult run(ConnectionProbe probe, ProbeKind kind, String baseUrl) {
        try (Secret k = key()) {
            return probe.probe(new ProbeRequest(kind, baseUrl, k));
        }
    }

    private static ConnectionProbe impatient(OkHttpClient client) {
        return new ConnectionProbe(client, Duration.ofSeconds(5), Duration.ofMillis(600), CLOCK);
    }

    private static OkHttpClient viaProxy(Proxy proxy) {
        return BASE.newBuilder().proxy(proxy).build();
    }

    private static void assertNoAnswer(ProbeResult r) {
        assertThat(r.httpStatus()).isZero();
        assertThat(r.modelCount()).isNull();
        assertThat(r.retryAfter()).isNull();
        assertThat(r.latency().isNegative()).isFalse();
    }

    @Nested
    @DisplayName("a host name that does not resolve")
    class DnsFailure {

        @Test
        @DisplayName("is a DNS failure naming the host")
        void unknownHost() {
            ProbeResult r = run(BASE.newBuilder().dns(NO_DNS).build(), ProbeKind.OPENAI_MODELS, "https://nonexistent.invalid/v1");

            assertNoAnswer(r);
            assertThat(r.verdict()).isEqualTo(Verdict.DNS_FAILURE);
            assertThat(r.endpoint()).isEqualTo("https://nonexistent.invalid/v1/models");
            assertThat(r.message(NAME)).isEqualTo("The host name nonexistent.invalid could not be found (the DNS lookup failed).");
            assertThat(r.hint(ID)).isEqualTo("Check the base URL for a typo, and that this machine is online and can resolve "
                    + "names (a VPN or a DNS filter may block it).");
        }
    }

    @Nested
    @DisplayName("a port nothing listens on")
    class Refused {

        @Test
        @DisplayName("is a refused connection naming host and port")
        void refused() throws IOException {
            int port = freePort();
            ProbeResult r = run(BASE, ProbeKind.OPENAI_MODELS, "http://127.0.0.1:" + port + "/v1");

            assertNoAnswer(r);
            assertThat(r.verdict()).isEqualTo(Verdict.CONNECTION_REFUSED);
            assertThat(r.message(NAME)).isEqualTo("Could not connect to 127.0.0.1:" + port + ": the connection was refused.");
            assertThat(r.hint(ID)).isEqualTo("Check the host and port in the base URL; a local server must be running, and a "
                    + "firewall may block the port.");
        }

        @Test
        @DisplayName("for Ollama, the hint says to start it")
        void ollamaNotRunning() throws IOException {
            int port = freePort();
            ProbeResult r = new ConnectionProbe(BASE, Duration.ofSeconds(5), Duration.ofSeconds(10))
                    .probe(ProbeRequest.withoutKey(ProbeKind.OLLAMA, "http://127.0.0.1:" + port));

            assertThat(r.verdict()).isEqualTo(Verdict.CONNECTION_REFUSED);
            assertThat(r.endpoint()).isEqualTo("http://127.0.0.1:" + port + "/api/version");
            assertThat(r.hint(ID)).isEqualTo("Start Ollama (`ollama serve`, or the desktop app), or fix the port in the base "
                    + "URL (Ollama listens on 11434 by default).");
        }
    }

    @Nested
    @DisplayName("TLS")
    class Tls {
        private static final String HINT = "If the server speaks plain HTTP, use http:// in the base URL; otherwise check this "
                + "machine's clock and, behind a company proxy or antivirus that inspects HTTPS, add its CA certificate with "
                + "`pryx network set --ca-bundle FILE`.";

        @Test
        @DisplayName("a self-signed certificate is not trusted")
        void untrusted() throws Exception {
            server.useHttps(TestTls.selfSigned("localhost").serverContext().getSocketFactory(), false);
            server.start();
            ProbeResult r = run(BASE, ProbeKind.ANTHROPIC_MODELS, server.url("/v1").toString());

            assertNoAnswer(r);
            assertThat(r.verdict()).isEqualTo(Verdict.TLS_FAILURE);
            assertThat(r.message(NAME)).isEqualTo("The secure connection (TLS) to " + server.getHostName() + ":" + server.getPort()
                    + " failed: the server's certificate is not trusted (self-signed, or replaced by a proxy that inspects HTTPS).");
            assertThat(r.hint(ID)).isEqualTo(HINT);
            assertThat(server.getRequestCount()).as("no request left the client").isZero();
        }

        @Test
        @DisplayName("the same server is OK for a client that trusts its certificate")
        void trusted() throws Exception {
            TestTls tls = TestTls.selfSigned("localhost");
            server.useHttps(tls.serverContext().getSocketFactory(), false);
            server.start();
            server.enqueue(json(200, "{\"data\": [{\"id\": \"m\"}]}"));
            OkHttpClient trusting = BASE.newBuilder()
                    .sslSocketFactory(tls.clientContext().getSocketFactory(), tls.trustManager()).build();
            ProbeResult r = run(trusting, ProbeKind.OPENAI_MODELS, server.url("/v1").toString());

            assertThat(r.verdict()).isEqualTo(Verdict.OK);
            assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        }

        @Test
        @DisplayName("a trusted certificate for another name does not match")
        void otherName() throws Exception {
            TestTls tls = TestTls.selfSigned("other.example", false);
            server.useHttps(tls.serverContext().getSocketFactory(), false);
            server.start();
            OkHttpClient trusting = BASE.newBuilder()
                    .sslSocketFactory(tls.clientContext().getSocketFactory(), tls.trustManager()).build();
            ProbeResult r = run(trusting, ProbeKind.OPENAI_MODELS, server.url("/v1").toString());

            assertThat(r.verdict()).isEqualTo(Verdict.TLS_FAILURE);
            assertThat(r.detail()).isEqualTo("the server's certificate is not for " + server.getHostName());
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        @DisplayName("a plain-HTTP server behind an https:// URL")
        void plainHttp() throws Exception {
            try (ServerSocket plain = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                Thread answering = new Thread(() -> answerPlainHttp(plain), "plain-http");
                answering.setDaemon(true);
                answering.start();
                ProbeResult r = run(BASE, ProbeKind.GEMINI_MODELS, "https://127.0.0.1:" + plain.getLocalPort() + "/v1beta");

                assertNoAnswer(r);
                assertThat(r.verdict()).isEqualTo(Verdict.TLS_FAILURE);
                assertThat(r.message(NAME)).isEqualTo("The secure connection (TLS) to 127.0.0.1:" + plain.getLocalPort()
                        + " failed: the server does not speak TLS on that port (plain HTTP?).");
                assertThat(r.hint(ID)).isEqualTo(HINT);
            }
        }

        /** Answers every connection as a plain-HTTP server answers a TLS hello it cannot read: 400, then close. */
        private static void answerPlainHttp(ServerSocket plain) {
            while (!plain.isClosed()) {
                try (Socket s = plain.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    s.getInputStream().read(new byte[4096]);
                } catch (IOException e) {
                    // closed by the test, or the client hung up first: either way, next
                }
            }
        }
    }

    @Nested
    @DisplayName("timeouts")
    class Timeouts {
        private static final String HINT = "Check the network (VPN, firewall, proxy settings) and test again; if the provider "
                + "is only slow, try again later.";

        @Test
        @DisplayName("a server that never answers")
        void noResponse() throws IOException {
            server.start();
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
            ProbeResult r = run(impatient(BASE), ProbeKind.OPENAI_MODELS, server.url("/v1").toString());

            assertNoAnswer(r);
            assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT);
            assertThat(r.message(NAME)).isEqualTo("The test of " + server.getHostName() + ":" + server.getPort()
                    + " timed out: no complete answer within 1 second.");
            assertThat(r.hint(ID)).isEqualTo(HINT);
        }

        @Test
        @DisplayName("a body that comes too slowly")
        void slowBody() throws IOException {
            server.start();
            server.enqueue(json(200, "{\"data\": []}").setBodyDelay(1500, TimeUnit.MILLISECONDS));
            ProbeResult r = run(impatient(BASE), ProbeKind.OPENROUTER_KEY, server.url("/api/v1").toString());

            assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT);
            assertThat(r.detail()).isEqualTo("no complete answer within 1 second");
        }

        @Test
        @DisplayName("Ollama's two requests share one deadline")
        void sharedDeadline() throws IOException {
            server.start();
            server.enqueue(json(200, "{\"version\": \"0.5.7\"}").setHeadersDelay(300, TimeUnit.MILLISECONDS));
            server.enqueue(json(200, "{\"models\": []}").setHeadersDelay(400, TimeUnit.MILLISECONDS));
            ProbeResult r = impatient(BASE).probe(ProbeRequest.withoutKey(ProbeKind.OLLAMA, server.url("/").toString()));

            assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT);
            assertThat(r.endpoint()).isEqualTo(server.url("/api/tags").toString());
        }

        @Test
        @DisplayName("an interrupted thread (a cancelled status board) ends the probe, and stays interrupted")
        void interrupted() throws IOException {
            server.start();
            server.enqueue(json(200, "{\"data\": []}"));
            Thread.currentThread().interrupt();
            ProbeResult r;
            try {
                r = run(BASE, ProbeKind.OPENAI_MODELS, server.url("/v1").toString());
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
            }
            assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT);
            assertThat(r.detail()).isEqualTo("the test was cancelled");
        }

        @Test
        @DisplayName("408 from the server is a timeout too (after OkHttp's one retry of it)")
        void requestTimeout() throws IOException {
            server.start();
            server.enqueue(new MockResponse().setResponseCode(408));
            server.enqueue(new MockResponse().setResponseCode(408));
            ProbeResult r = run(BASE, ProbeKind.OPENAI_MODELS, server.url("/v1").toString());

            assertThat(r.verdict()).isEqualTo(Verdict.TIMEOUT);
            assertThat(r.httpStatus()).isEqualTo(408);
            assertThat(r.detail()).isEqualTo("the server gave up waiting for the request (408)");
        }
    }

    @Nested
    @DisplayName("a connection that breaks")
    class Broken {
        private static final String HINT = "Test again; if it keeps failing, check the base URL's scheme and port (http or "
                + "https) and whether a VPN or firewall cuts the connection.";

        @Test
        @DisplayName("before any answer")
        void disconnectAtStart() throws IOException {
            server.start();
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
            }
            ProbeResult r = run(BASE, ProbeKind.OPENAI_MODELS, server.url("/v1").toString());

            assertNoAnswer(r);
            assertThat(r.verdict()).isEqualTo(Verdict.CONNECTION_FAILED);
            assertThat(r.message(NAME)).startsWith("The connection to " + server.getHostName() + ":" + server.getPort()
                    + " broke before a complete answer arrived");
            assertThat(r.hint(ID)).isEqualTo(HINT);
        }

        @Test
        @DisplayName("in the middle of the body")
        void disconnectInBody() throws IOException {
            server.start();
            server.enqueue(json(200, "{\"data\": [" + "{\"id\": \"m\"},".repeat(2000) + "{\"id\": \"m\"}]}")
                    .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
            ProbeResult r = run(BASE, ProbeKind.OPENAI_MODELS, server.url("/v1").toString());

            assertThat(r.verdict()).isEqualTo(Verdict.CONNECTION_FAILED);
        }
    }

    @Nested
    @DisplayName("a proxy in the way")
    class ProxyFailure {

        @Test
        @DisplayName("that refuses connections is the proxy's failure, not the provider's")
        void proxyRefuses() throws IOException {
            int port = freePort();
            ProbeResult r = run(viaProxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port))),
                    ProbeKind.OPENAI_MODELS, "https://api.example.test/v1");

            assertNoAnswer(r);
            assertThat(r.verdict()).isEqualTo(Verdict.PROXY_FAILURE);
            assertThat(r.message(NAME)).isEqualTo("The connection failed at the proxy: the proxy 127.0.0.1:" + port
                    + " refused the connection.");
            assertThat(r.hint(ID)).isEqualTo(PROXY_HINT);
        }

        @Test
        @DisplayName("that answers the tunnel request with 407 asks for credentials, and never sees the key")
        void proxyAuthTunnel() throws Exception {
            server.start();
            server.enqueue(new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Basic realm=\"corp\""));
            ProbeResult r = run(viaProxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(server.getHostName(), server.getPort()))),
                    ProbeKind.ANTHROPIC_MODELS, "https://api.example.test/v1");

            RecordedRequest connect = server.takeRequest();
            assertThat(connect.getRequestLine()).isEqualTo("CONNECT api.example.test:443 HTTP/1.1");
            assertThat(connect.getHeaders().toString()).doesNotContain("LEAKCHECK");
            assertThat(connect.getHeader("x-api-key")).isNull();
            assertThat(r.verdict()).isEqualTo(Verdict.PROXY_FAILURE);
            assertThat(r.detail()).endsWith(" asks for credentials (407)");
            assertThat(r.message(NAME)).isEqualTo("The connection failed at the proxy: the proxy " + server.getHostName() + ":"
                    + server.getPort() + " asks for credentials (407).");
            assertThat(r.hint(ID)).isEqualTo(PROXY_HINT);
        }

        @Test
        @DisplayName("that refuses to open the tunnel says with which status")
        void tunnelRefused() throws Exception {
            server.start();
            server.enqueue(new MockResponse().setResponseCode(403));
            ProbeResult r = run(viaProxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(server.getHostName(), server.getPort()))),
                    ProbeKind.GEMINI_MODELS, "https://generativelanguage.example.test/v1beta");

            assertThat(r.verdict()).isEqualTo(Verdict.PROXY_FAILURE);
            assertThat(r.detail()).endsWith(" refused to open a tunnel to the provider (403)");
        }

        @Test
        @DisplayName("that answers a plain-http request with 407")
        void proxyAuthPlain() throws Exception {
            server.start();
            server.enqueue(new MockResponse().setResponseCode(407).setHeader("Proxy-Authenticate", "Basic realm=\"corp\""));
            OkHttpClient client = viaProxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(server.getHostName(), server.getPort())));
            ProbeResult r = new ConnectionProbe(client, Duration.ofSeconds(5), Duration.ofSeconds(10))
                    .probe(ProbeRequest.withoutKey(ProbeKind.OLLAMA, "http://ollama.example.test:11434"));

            assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET http://ollama.example.test:11434/api/version HTTP/1.1");
            assertThat(r.verdict()).isEqualTo(Verdict.PROXY_FAILURE);
            assertThat(r.httpStatus()).isEqualTo(407);
            assertThat(r.detail()).isEqualTo("the proxy " + server.getHostName() + ":" + server.getPort()
                    + " asks for credentials (407)");
        }

        @Test
        @DisplayName("that accepts the connection but never answers")
        void silentProxy() throws IOException {
            try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", silent.getLocalPort()));
                ProbeResult r = run(impatient(viaProxy(proxy)),
                        ProbeKind.OPENAI_MODELS, "https://api.example.test/v1");

                assertThat(r.verdict()).isEqualTo(Verdict.PROXY_FAILURE);
                assertThat(r.detail()).isEqualTo("the proxy 127.0.0.1:" + silent.getLocalPort() + " did not answer in time");
            }
        }

        @Test
        @DisplayName("whose name does not resolve")
        void proxyDns() {
            OkHttpClient client = BASE.newBuilder().dns(NO_DNS)
                    .proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.nonexistent.invalid", 3128))).build();
            ProbeResult r = run(client, ProbeKind.OPENAI_MODELS, "https://api.example.test/v1");

            assertThat(r.verdict()).isEqualTo(Verdict.PROXY_FAILURE);
            assertThat(r.message(NAME)).isEqualTo(
                    "The connection failed at the proxy: the proxy's host name proxy.nonexistent.invalid could not be found.");
        }

        @Test
        @DisplayName("that opens the tunnel is out of the picture: a bad certificate behind it is a TLS failure")
        void tlsBehindProxy() throws Exception {
            server.useHttps(TestTls.selfSigned("api.example.test").serverContext().getSocketFactory(), true);
            server.start();
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.UPGRADE_TO_SSL_AT_END));
            ProbeResult r = run(viaProxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress(server.getHostName(), server.getPort()))),
                    ProbeKind.OPENAI_MODELS, "https://api.example.test/v1");

            assertThat(server.takeRequest().getRequestLine()).isEqualTo("CONNECT api.example.test:443 HTTP/1.1");
            assertThat(r.verdict()).isEqualTo(Verdict.TLS_FAILURE);
        }
    }
}
