package dev.pryx.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.support.Environment;
import java.io.IOException;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
}
