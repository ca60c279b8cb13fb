package dev.pryx.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.TestSecrets;
import dev.pryx.support.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("NetworkReport (what 'pryx network show' says)")
class NetworkReportTest {
    @TempDir
    Path dir;

    NetworkReport describe(Map<String, String> env, NetworkSettings settings) {
        return NetworkReport.describe(Environment.of(env), settings, dir.resolve("network.json"));
    }

    @Test
    @DisplayName("nothing set: direct, no bundle, nothing to note")
    void nothing() {
        NetworkReport r = describe(Map.of(), NetworkSettings.NONE);
        assertThat(r.https()).isEqualTo(new NetworkReport.Route(null, "none"));
        assertThat(r.http()).isEqualTo(new NetworkReport.Route(null, "none"));
        assertThat(r.noProxyVariable()).isNull();
        assertThat(r.caBundle()).isNull();
        assertThat(r.notes()).isEmpty();
        assertThat(r.settingsFile()).isEqualTo(dir.resolve("network.json"));
    }

    @Test
    @DisplayName("the variables: which one, the proxy without its credentials, NO_PROXY as set")
    void fromEnvironment() {
        NetworkReport r = describe(Map.of("HTTPS_PROXY", "http://ada:" + TestSecrets.PASSPHRASE + "@proxy.corp:3128",
                "NO_PROXY", " .corp.example,10.0.0.0/8 "), NetworkSettings.NONE);
        assertThat(r.https()).isEqualTo(new NetworkReport.Route("http://proxy.corp:3128", "env HTTPS_PROXY"));
        assertThat(r.http()).isEqualTo(new NetworkReport.Route(null, "none"));
        assertThat(r.noProxyVariable()).isEqualTo("NO_PROXY");
        assertThat(r.noProxyEnv()).isEqualTo(".corp.example,10.0.0.0/8");
        assertThat(r.notes()).containsExactly("HTTPS_PROXY carries proxy credentials, which pryx does not send yet; "
                + "the proxy may refuse.");
        assertThat(r.toString()).doesNotContain(TestSecrets.PASSPHRASE);
    }

    @Test
    @DisplayName("the setting wins over the variables, and says that they are set too")
    void settingWins() {
        NetworkReport r = describe(Map.of("HTTPS_PROXY", "http://env.corp:1", "http_proxy", "http://env.corp:2"),
                NetworkSettings.NONE.withProxy("http://pryx.corp:3128").withNoProxy(List.of("internal.corp")));
        assertThat(r.https()).isEqualTo(new NetworkReport.Route("http://pryx.corp:3128", "setting"));
        assertThat(r.http()).isEqualTo(new NetworkReport.Route("http://pryx.corp:3128", "setting"));
        assertThat(r.noProxy()).containsExactly("internal.corp");
        assertThat(r.notes()).containsExactly("HTTPS_PROXY is set too; the proxy in pryx's settings wins.",
                "http_proxy is set too; the proxy in pryx's settings wins.");
    }

    @Test
    @DisplayName("a hand-edited proxy that cannot be used is a note, not a failure")
    void unusableSetting() {
        NetworkReport r = describe(Map.of(), NetworkSettings.NONE.withProxy("socks5://proxy.corp:1080"));
        assertThat(r.https()).isEqualTo(new NetworkReport.Route(null, "setting"));
        assertThat(r.notes()).singleElement().asString()
                .startsWith("The proxy in pryx's network settings is not usable: The proxy URL must start with http://")
                .endsWith("Commands that use the network fail until then.");
    }

    @Test
    @DisplayName("the CA bundle's certificates with subject and expiry; a vanished bundle as a problem")
    void bundle() throws Exception {
        TestCa ca = TestCa.create("Pryx Test Corporate Root");
        Path pem = Files.writeString(dir.resolve("ca.pem"), ca.pem());
        NetworkReport r = describe(Map.of(), NetworkSettings.NONE.withCaBundle(pem));
        assertThat(r.caBundle().file()).isEqualTo(pem);
        assertThat(r.caBundle().problem()).isNull();
        assertThat(r.caBundle().certificates()).containsExactly(new NetworkReport.Certificate(
                "CN=Pryx Test Corporate Root,O=Pryx Tests", ca.certificate().getNotAfter().toInstant()));

        Files.delete(pem);
        NetworkReport gone = describe(Map.of(), NetworkSettings.NONE.withCaBundle(pem));
        assertThat(gone.caBundle().certificates()).isEmpty();
        assertThat(gone.caBundle().problem()).startsWith("The CA bundle " + pem + " does not exist.")
                .contains("pryx network unset --ca-bundle");
    }
}
