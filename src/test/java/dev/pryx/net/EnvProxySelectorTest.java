package dev.pryx.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.support.Environment;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("EnvProxySelector")
class EnvProxySelectorTest {
    private static final Map<String, String> PROXIES = Map.of(
            "HTTPS_PROXY", "http://secure-proxy.corp:3129",
            "HTTP_PROXY", "http://plain-proxy.corp:3128");

    private static EnvProxySelector selector(Map<String, String> env) {
        return EnvProxySelector.from(Environment.of(env));
    }

    private static EnvProxySelector selector(String noProxy) {
        Map<String, String> env = new java.util.HashMap<>(PROXIES);
        env.put("NO_PROXY", noProxy);
        return selector(env);
    }

    private static String route(EnvProxySelector selector, String uri) {
        List<Proxy> proxies = selector.select(URI.create(uri));
        assertThat(proxies).hasSize(1);
        Proxy p = proxies.get(0);
        if (p.type() == Proxy.Type.DIRECT) {
            return "DIRECT";
        }
        InetSocketAddress a = (InetSocketAddress) p.address();
        assertThat(a.isUnresolved()).as("the selector never resolves the proxy's name").isTrue();
        return p.type() + " " + a.getHostString() + ":" + a.getPort();
    }

    @Nested
    @DisplayName("picks the proxy by the URL's scheme")
    class Schemes {

        @Test
        @DisplayName("HTTPS_PROXY for https, HTTP_PROXY for http, none for anything else")
        void byScheme() {
            EnvProxySelector s = selector(PROXIES);
            assertThat(route(s, "https://api.openai.com/v1/models")).isEqualTo("HTTP secure-proxy.corp:3129");
            assertThat(route(s, "http://example.com/")).isEqualTo("HTTP plain-proxy.corp:3128");
            assertThat(route(s, "ftp://example.com/")).isEqualTo("DIRECT");
        }

        @Test
        @DisplayName("no fallback from https to HTTP_PROXY")
        void noFallback() {
            EnvProxySelector s = selector(Map.of("HTTP_PROXY", "http://plain-proxy.corp:3128"));
            assertThat(route(s, "https://api.openai.com/")).isEqualTo("DIRECT");
        }

        @Test
        @DisplayName("lower-case variables win over upper-case ones")
        void lowerCaseFirst() {
            EnvProxySelector s = selector(Map.of("https_proxy", "lower.corp:1", "HTTPS_PROXY", "upper.corp:2",
                    "no_proxy", "skip.example", "NO_PROXY", "other.example"));
            assertThat(route(s, "https://api.example.com/")).isEqualTo("HTTP lower.corp:1");
            assertThat(route(s, "https://skip.example/")).isEqualTo("DIRECT");
            assertThat(route(s, "https://other.example/")).isEqualTo("HTTP lower.corp:1");
        }

        @Test
        @DisplayName("nothing set: everything direct")
        void unset() {
            assertThat(route(selector(Map.of()), "https://api.openai.com/")).isEqualTo("DIRECT");
        }
    }

    @Nested
    @DisplayName("reads proxy values")
    class Values {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "proxy.corp:8080, HTTP proxy.corp:8080",
                "proxy.corp, HTTP proxy.corp:80",
                "http://proxy.corp, HTTP proxy.corp:80",
                "HTTP://Proxy.Corp:3128/, HTTP proxy.corp:3128",
                "http://user:secret@proxy.corp:3128, HTTP proxy.corp:3128",
                "socks5://socks.corp, SOCKS socks.corp:1080",
                "socks5h://socks.corp:9050, SOCKS socks.corp:9050",
                "http://[fd00::7]:3128, HTTP fd00::7:3128",
                "https://tls-proxy.corp:443, DIRECT",
                "'http://', DIRECT",
                "'::not a url::', DIRECT",
                "'   ', DIRECT"})
        @DisplayName("with or without scheme; unsupported or broken values mean direct")
        void parse(String value, String expected) {
            assertThat(route(selector(Map.of("HTTPS_PROXY", value)), "https://api.example.com/")).isEqualTo(expected);
        }
    }

    @Nested
    @DisplayName("keeps loopback direct")
    class Loopback {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"http://localhost:11434/api/tags", "https://LOCALHOST/", "http://localhost./",
                "http://ollama.localhost:8080/", "http://127.0.0.1:1234/v1", "http://127.255.255.254/",
                "http://[::1]:8080/", "http://[0:0:0:0:0:0:0:1]/", "http://[::ffff:127.0.0.1]/"})
        @DisplayName("whatever the proxy variables say, with NO_PROXY unset")
        void direct(String uri) {
            assertThat(route(selector(PROXIES), uri)).isEqualTo("DIRECT");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"http://128.0.0.1/", "http://localhost.example.com/", "http://127.0.0.1.nip.io/",
                "http://[::2]/", "http://mylocalhost/"})
        @DisplayName("but only loopback")
        void notLoopback(String uri) {
            assertThat(route(selector(PROXIES), uri)).isEqualTo("HTTP plain-proxy.corp:3128");
        }
    }

    @Nested
    @DisplayName("honours NO_PROXY")
    class Exceptions {

        @ParameterizedTest(name = "NO_PROXY={0}: {1} goes {2}")
        @CsvSource(delimiter = '|', value = {
                "example.com | https://example.com/ | DIRECT",
                "example.com | https://api.example.com/ | DIRECT",
                "example.com | https://badexample.com/ | PROXY",
                ".example.com | https://example.com/ | DIRECT",
                ".example.com | https://a.b.example.com/ | DIRECT",
                "*.example.com | https://api.example.com/ | DIRECT",
                "EXAMPLE.COM | https://Api.Example.Com./ | DIRECT",
                "a.test, example.com ,b.test | https://api.example.com/ | DIRECT",
                "a.test example.com | https://api.example.com/ | DIRECT",
                "* | https://anything.at.all/ | DIRECT",
                "10.0.0.0/8 | https://10.20.30.40/ | DIRECT",
                "10.0.0.0/8 | https://11.0.0.1/ | PROXY",
                "192.168.1.0/25 | https://192.168.1.127/ | DIRECT",
                "192.168.1.0/25 | https://192.168.1.128/ | PROXY",
                "192.168.1.5 | https://192.168.1.5/ | DIRECT",
                "192.168.1.5 | https://192.168.1.6/ | PROXY",
                "fd00::/8 | https://[fd12:3456::1]/ | DIRECT",
                "fd00::/8 | https://[fe80::1]/ | PROXY",
                "example.com:8443 | https://api.example.com:8443/ | DIRECT",
                "example.com:8443 | https://api.example.com/ | PROXY",
                "example.com:443 | https://api.example.com/ | DIRECT",
                "[fd00::1]:8443 | https://[fd00::1]:8443/ | DIRECT",
                "[fd00::1]:8443 | https://[fd00::1]:9443/ | PROXY",
                "0.1 | https://10.0.0.1/ | PROXY",
                "'' | https://example.com/ | PROXY",
                "*.* , 300.1.1.1, 10.0.0.0/99, [::1 | https://example.com/ | PROXY"})
        void noProxy(String noProxy, String uri, String expected) {
            String route = route(selector(noProxy), uri);
            assertThat(route.equals("DIRECT") ? "DIRECT" : "PROXY").isEqualTo(expected);
        }
    }

    @Nested
    @DisplayName("with a proxy in pryx's settings")
    class Settings {
        static final NetworkSettings SETTING = NetworkSettings.NONE.withProxy("http://pryx-proxy.corp:8080");

        private EnvProxySelector selector(Map<String, String> env, NetworkSettings settings) {
            return EnvProxySelector.from(Environment.of(env), settings);
        }

        @Test
        @DisplayName("the setting beats HTTPS_PROXY and HTTP_PROXY and serves both schemes")
        void beatsVariables() {
            EnvProxySelector s = selector(PROXIES, SETTING);
            assertThat(route(s, "https://api.openai.com/v1/models")).isEqualTo("HTTP pryx-proxy.corp:8080");
            assertThat(route(s, "http://example.com/")).isEqualTo("HTTP pryx-proxy.corp:8080");
            assertThat(s.https().source()).isEqualTo("setting");
            assertThat(s.http().source()).isEqualTo("setting");
        }

        @Test
        @DisplayName("NO_PROXY and the settings' own entries both apply to it; loopback stays direct")
        void exceptions() {
            EnvProxySelector s = selector(Map.of("no_proxy", "env.example"), SETTING.withNoProxy(List.of("internal.corp")));
            assertThat(route(s, "https://api.env.example/")).isEqualTo("DIRECT");
            assertThat(route(s, "https://git.internal.corp/")).isEqualTo("DIRECT");
            assertThat(route(s, "http://localhost:11434/api/tags")).isEqualTo("DIRECT");
            assertThat(route(s, "http://127.0.0.1:8000/v1")).isEqualTo("DIRECT");
            assertThat(route(s, "https://api.openai.com/")).isEqualTo("HTTP pryx-proxy.corp:8080");
        }

        @Test
        @DisplayName("without a proxy setting, the settings' no-proxy entries still apply to the variables' proxies")
        void entriesAlone() {
            EnvProxySelector s = selector(PROXIES, NetworkSettings.NONE.withNoProxy(List.of("internal.corp")));
            assertThat(route(s, "https://git.internal.corp/")).isEqualTo("DIRECT");
            assertThat(route(s, "https://api.openai.com/")).isEqualTo("HTTP secure-proxy.corp:3129");
            assertThat(s.https().source()).isEqualTo("env HTTPS_PROXY");
        }

        @Test
        @DisplayName("says where each proxy comes from, and why a set variable gives none")
        void sources() {
            EnvProxySelector s = selector(Map.of("https_proxy", "ftp://odd.corp:21", "HTTP_PROXY", "http://u:p@plain.corp:3128"),
                    NetworkSettings.NONE);
            assertThat(s.https().source()).isEqualTo("none");
            assertThat(s.https().problem()).isEqualTo("https_proxy uses the proxy scheme ftp, which pryx does not support "
                    + "(http, socks5); connecting without it.");
            assertThat(s.http().source()).isEqualTo("env HTTP_PROXY");
            assertThat(s.http().problem()).contains("carries proxy credentials").doesNotContain("u:p");
            assertThat(EnvProxySelector.display(s.http().proxy())).isEqualTo("http://plain.corp:3128");
        }
    }
}
