package dev.pryx.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.TestSecrets;
import dev.pryx.support.PryxException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("NetworkSettings")
class NetworkSettingsTest {

    static AbstractThrowableAssert<?, ? extends Throwable> usage(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return assertThatThrownBy(call)
                .isInstanceOfSatisfying(PryxException.class, e -> assertThat(e.kind()).isEqualTo(PryxException.Kind.USAGE));
    }

    @Nested
    @DisplayName("checks a proxy URL")
    class ProxyUrl {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "http://proxy.corp:3128, http://proxy.corp:3128",
                "HTTP://Proxy.Corp:8080/, http://proxy.corp:8080",
                "'  http://10.0.0.1:3128  ', http://10.0.0.1:3128",
                "http://[fd00::7]:3128, http://[fd00::7]:3128"})
        @DisplayName("keeps http://HOST:PORT, in lower case")
        void accepted(String given, String stored) {
            assertThat(NetworkSettings.checkedProxy(given)).isEqualTo(stored);
        }

        @Test
        @DisplayName("refuses credentials without repeating them, and says they are not supported yet")
        void credentials() {
            String url = "http://alice:" + TestSecrets.PASSPHRASE + "@proxy.corp:3128";
            usage(() -> NetworkSettings.checkedProxy(url))
                    .hasMessageContaining("Proxy credentials (user:password@ in the URL) are not supported yet")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestSecrets.PASSPHRASE).doesNotContain("alice"));
            usage(() -> NetworkSettings.checkedProxy("https://" + TestSecrets.PASSPHRASE + "@proxy corp"))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestSecrets.PASSPHRASE));
        }

        @Test
        @DisplayName("refuses https://, which OkHttp cannot speak to a proxy, explaining that https still works through it")
        void https() {
            usage(() -> NetworkSettings.checkedProxy("https://proxy.corp:3128"))
                    .hasMessageContaining("over plain http:// only")
                    .hasMessageContaining("https requests still travel encrypted");
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @CsvSource(delimiter = '|', value = {
                "socks5://proxy.corp:1080 | must start with http://",
                "proxy.corp:3128 | must start with http://",
                "http://proxy.corp | needs a port",
                "http://proxy.corp:0 | between 1 and 65535",
                "http://proxy.corp:70000 | between 1 and 65535",
                "http://proxy.corp:3128/path | must be just http://HOST:PORT",
                "http://proxy.corp:3128/?a=b | must be just http://HOST:PORT",
                "http:// | is not a URL",
                "http://proxy corp:3128 | spaces",
                "'   ' | is empty"})
        @DisplayName("refuses anything else, saying what is wrong")
        void refused(String given, String message) {
            usage(() -> NetworkSettings.checkedProxy(given)).hasMessageContaining(message);
        }

        @Test
        @DisplayName("becomes an unresolved HTTP proxy address: the proxy resolves names, not pryx")
        void address() {
            Proxy p = NetworkSettings.NONE.withProxy("http://proxy.corp:3128").proxyAddress();
            assertThat(p.type()).isEqualTo(Proxy.Type.HTTP);
            InetSocketAddress a = (InetSocketAddress) p.address();
            assertThat(a.isUnresolved()).isTrue();
            assertThat(a.getHostString() + ":" + a.getPort()).isEqualTo("proxy.corp:3128");
        }
    }

    @Nested
    @DisplayName("checks no-proxy entries")
    class NoProxyEntries {
        @Test
        @DisplayName("splits, trims, lower-cases and drops repeats")
        void accepted() {
            assertThat(NetworkSettings.checkedNoProxy(List.of("Internal.Corp, .example.com", "10.0.0.0/8 registry.corp:5000",
                    "internal.corp")))
                    .containsExactly("internal.corp", ".example.com", "10.0.0.0/8", "registry.corp:5000");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"10.0.0.0/99", "host:port", "*.*.corp", "[::1"})
        @DisplayName("names the first entry that would be ignored")
        void refused(String entry) {
            usage(() -> NetworkSettings.checkedNoProxy(List.of("fine.corp", entry)))
                    .hasMessageStartingWith("'" + entry + "' is not a host, domain, IP address or CIDR block");
        }
    }

    @Nested
    @DisplayName("checks a CA bundle path")
    class BundlePath {
        @TempDir
        Path dir;

        @Test
        @DisplayName("reads the file and keeps its absolute path")
        void absolute() throws Exception {
            Path pem = Files.writeString(dir.resolve("ca.pem"), TestCa.create("Pryx Test Root").pem());
            Path relative = Path.of("").toAbsolutePath().relativize(pem);
            assertThat(NetworkSettings.checkedCaBundle(relative.toString())).isEqualTo(pem).isAbsolute();
        }

        @Test
        @DisplayName("refuses an empty path and a file that is no bundle")
        void refused() throws Exception {
            usage(() -> NetworkSettings.checkedCaBundle(" ")).hasMessageContaining("path is empty");
            Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n");
            usage(() -> NetworkSettings.checkedCaBundle(text.toString())).hasMessageContaining(text + " holds no certificate");
        }
    }
}
