package dev.pryx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pryx.InProcessCli.Result;
import dev.pryx.net.TestCa;
import dev.pryx.support.PrivateFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pryx network ...} as a user runs it, in-process through {@code Main.run}, and its effect
 * on the commands that go out to the network: a local MockWebServer plays the corporate proxy
 * (it receives the absolute-form request line for a plain-http URL), another plays the provider.
 */
@DisplayName("pryx network (CLI)")
class CliNetworkTest {
    static final String KEY = TestSecrets.API_KEY;
    /** Never resolved by pryx: with a proxy in the way, the name goes to the proxy as it is. */
    static final String REMOTE = "api.provider.example";

    @TempDir
    Path home;
    Map<String, String> env;
    MockWebServer proxy;
    MockWebServer provider;

    @BeforeEach
    void setUp() throws IOException {
        env = new HashMap<>(Map.of("PRYX_HOME", home.toString(), "PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE));
        proxy = new MockWebServer();
        proxy.start();
        provider = new MockWebServer();
    }

    @AfterEach
    void tearDown() throws IOException {
        proxy.close();
        provider.close();
    }

    Result withStdin(String stdin, String... args) {
        return new InProcessCli(home, env).withStdin(stdin, args);
    }

    Result run(String... args) {
        return withStdin("", args);
    }

    Result ok(String... args) {
        Result r = run(args);
        assertThat(r.exit()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r;
    }

    String proxyUrl() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    Path settingsFile() {
        return home.resolve("config/network.json");
    }

    /** {@code provider add openai [--as id] --base-url URL} with the test key stored from stdin. */
    void addOpenAi(String id, String baseUrl) {
        if (id.equals("openai")) {
            ok("provider", "add", "openai", "--base-url", baseUrl);
        } else {
            ok("provider", "add", "openai", "--as", id, "--base-url", baseUrl);
        }
        Result set = withStdin(KEY + "\n", "provider", "set-key", id);
        assertThat(set.exit()).as(set.err()).isZero();
    }

    static RecordedRequest taken(MockWebServer server) throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the server").isNotNull();
        return r;
    }

    @Nested
    @DisplayName("routes provider tests through the proxy")
    class Proxy {
        @Test
        @DisplayName("the proxy set with 'network set --proxy' carries a test of a remote provider; loopback goes direct")
        void throughSetting() throws Exception {
            Result set = ok("network", "set", "--proxy", proxyUrl());
            assertThat(set.out()).contains("Saved the network settings in " + settingsFile())
                    .contains("Proxy (https)   " + proxyUrl() + "  (pryx setting)");

            addOpenAi("openai", "http://" + REMOTE + "/v1");
            proxy.enqueue(new MockResponse().setBody(CliProviderTestCommandTest.MODELS));
            Result test = run("provider", "test", "openai");
            assertThat(test.exit()).as(test.out() + test.err()).isZero();
            assertThat(test.out()).startsWith("openai: ok");
            RecordedRequest request = taken(proxy);
            assertThat(request.getRequestLine()).isEqualTo("GET http://" + REMOTE + "/v1/models HTTP/1.1");
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + KEY);

            provider.start();
            addOpenAi("local-ip", "http://127.0.0.1:" + provider.getPort() + "/v1");
            addOpenAi("local-name", "http://localhost:" + provider.getPort() + "/v1");
            provider.enqueue(new MockResponse().setBody(CliProviderTestCommandTest.MODELS));
            provider.enqueue(new MockResponse().setBody(CliProviderTestCommandTest.MODELS));
            assertThat(run("provider", "test", "local-ip").exit()).isZero();
            assertThat(run("provider", "test", "local-name").exit()).isZero();
            assertThat(taken(provider).getRequestLine()).isEqualTo("GET /v1/models HTTP/1.1");
            assertThat(taken(provider).getRequestLine()).isEqualTo("GET /v1/models HTTP/1.1");
            assertThat(proxy.getRequestCount()).as("requests the proxy saw").isEqualTo(1);
        }

        @Test
        @DisplayName("HTTP_PROXY from the environment does too, and 'network show' says where it came from")
        void throughEnvironment() throws Exception {
            env.put("HTTP_PROXY", proxyUrl());
            addOpenAi("openai", "http://" + REMOTE + "/v1");
            proxy.enqueue(new MockResponse().setBody(CliProviderTestCommandTest.MODELS));
            assertThat(run("provider", "test", "openai").exit()).isZero();
            assertThat(taken(proxy).getRequestLine()).isEqualTo("GET http://" + REMOTE + "/v1/models HTTP/1.1");
            assertThat(ok("network", "show").out()).contains("Proxy (http)    " + proxyUrl() + "  (from HTTP_PROXY)")
                    .contains("Proxy (https)   none (direct)");
        }

        @Test
        @DisplayName("a host named in NO_PROXY goes direct, whichever way the proxy was set")
        void noProxyHost() throws Exception {
            String host = InetAddress.getLocalHost().getHostName().toLowerCase(java.util.Locale.ROOT);
            InetAddress address;
            try {
                address = InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                address = null;
            }
            Assumptions.assumeTrue(address != null && !host.equals("localhost") && !host.endsWith(".localhost"),
                    "this machine's name must resolve to serve as a non-loopback host name");
            provider.start(address, 0);
            ok("network", "set", "--proxy", proxyUrl());
            env.put("NO_PROXY", host);
            addOpenAi("openai", "http://" + host + ":" + provider.getPort() + "/v1");
            provider.enqueue(new MockResponse().setBody(CliProviderTestCommandTest.MODELS));
            Result test = run("provider", "test", "openai");
            assertThat(test.exit()).as(test.out()).isZero();
            assertThat(taken(provider).getRequestLine()).isEqualTo("GET /v1/models HTTP/1.1");
            assertThat(proxy.getRequestCount()).as("requests the proxy saw").isZero();
            assertThat(ok("network", "show").out()).contains(host + " (NO_PROXY)");
        }
    }

    @Nested
    @DisplayName("trusts a CA bundle")
    class Bundle {
        TestCa ca;
        Path pem;

        @BeforeEach
        void startTls() throws Exception {
            ca = TestCa.create("Pryx Test Corporate Root");
            pem = Files.writeString(home.resolve("corp-ca.pem"), ca.pem());
            provider.useHttps(ca.issue("localhost", "127.0.0.1").socketFactory(), false);
            provider.start();
        }

        @Test
        @DisplayName("a provider behind the company's CA fails TLS until the bundle is set; a vanished bundle is exit 2")
        void endToEnd() throws Exception {
            addOpenAi("openai", "https://127.0.0.1:" + provider.getPort() + "/v1");
            Result untrusted = run("provider", "test", "openai");
            assertThat(untrusted.exit()).isEqualTo(4);
            assertThat(untrusted.out()).startsWith("openai: ");
            assertThat(untrusted.out()).containsIgnoringCase("tls");

            Result set = ok("network", "set", "--ca-bundle", pem.toString());
            assertThat(set.out()).contains("CA bundle       " + pem + ": 1 certificate, trusted besides the JDK's roots")
                    .contains("CN=Pryx Test Corporate Root,O=Pryx Tests (expires ");
            provider.enqueue(new MockResponse().setBody(CliProviderTestCommandTest.MODELS));
            Result trusted = run("provider", "test", "openai");
            assertThat(trusted.exit()).as(trusted.out()).isZero();

            Files.delete(pem);
            Result gone = run("provider", "test", "openai");
            assertThat(gone.exit()).isEqualTo(2);
            assertThat(gone.out()).isEmpty();
            assertThat(gone.err()).isEqualTo("pryx: The CA bundle " + pem + " does not exist. It is set in pryx's network "
                    + "settings: fix the file, choose another with 'pryx network set --ca-bundle FILE', or remove it with "
                    + "'pryx network unset --ca-bundle'.\n");
            Result show = ok("network", "show");
            assertThat(show.out()).contains("CA bundle       " + pem + ": NOT USABLE").contains("does not exist");

            ok("network", "unset", "--ca-bundle");
            assertThat(ok("network", "show").out()).contains("CA bundle       none");
        }
    }

    @Nested
    @DisplayName("set, show, unset")
    class Settings {
        @Test
        @DisplayName("round trip: every value saved (bundle absolute), shown as text and JSON, removed one by one")
        void roundTrip() throws Exception {
            Path pem = Files.writeString(home.resolve("ca.pem"), TestCa.create("Pryx Test Root").pem());
            ok("network", "set", "--proxy", "HTTP://Proxy.Corp:3128", "--ca-bundle", pem.toString(),
                    "--no-proxy", "internal.corp,10.0.0.0/8");
            assertThat(PrivateFiles.mode(settingsFile())).contains("0600");

            JsonNode json = new ObjectMapper().readTree(ok("network", "show", "--json").out());
            assertThat(json.get("settings_file").asText()).isEqualTo(settingsFile().toString());
            assertThat(json.at("/https_proxy/proxy").asText()).isEqualTo("http://proxy.corp:3128");
            assertThat(json.at("/https_proxy/source").asText()).isEqualTo("setting");
            assertThat(json.at("/http_proxy/source").asText()).isEqualTo("setting");
            assertThat(json.get("no_proxy").toString()).isEqualTo("[\"internal.corp\",\"10.0.0.0/8\"]");
            assertThat(json.at("/ca_bundle/path").asText()).isEqualTo(pem.toString());
            assertThat(json.at("/ca_bundle/certificates/0/subject").asText()).isEqualTo("CN=Pryx Test Root,O=Pryx Tests");
            assertThat(json.at("/ca_bundle/certificates/0/expires").asText()).endsWith("Z");

            String text = ok("network", "show").out();
            assertThat(text).contains("Proxy (https)   http://proxy.corp:3128  (pryx setting)")
                    .contains("No proxy        localhost, 127.0.0.0/8, ::1 (always); internal.corp, 10.0.0.0/8 (pryx setting)")
                    .contains("Settings file   " + settingsFile());

            ok("network", "unset", "--proxy");
            JsonNode after = new ObjectMapper().readTree(ok("network", "show", "--json").out());
            assertThat(after.at("/https_proxy/source").asText()).isEqualTo("none");
            assertThat(after.at("/ca_bundle/path").asText()).as("the rest stays").isEqualTo(pem.toString());

            ok("network", "unset", "--ca-bundle", "--no-proxy");
            assertThat(ok("network", "show").out()).contains("Proxy (https)   none (direct)")
                    .contains("CA bundle       none").contains("No proxy        localhost, 127.0.0.0/8, ::1 (always)\n");
        }

        @Test
        @DisplayName("a relative --ca-bundle is saved as an absolute path")
        void relativeBundle() throws Exception {
            Path pem = Files.writeString(home.resolve("rel-ca.pem"), TestCa.create("Pryx Test Root").pem());
            String relative = Path.of("").toAbsolutePath().relativize(pem).toString();
            ok("network", "set", "--ca-bundle", relative);
            assertThat(Files.readString(settingsFile())).contains("\"ca_bundle\" : \"" + pem + "\"");
        }

        @Test
        @DisplayName("show needs no vault and no passphrase, and creates neither")
        void noVault() {
            env.remove("PRYX_VAULT_PASSPHRASE");
            assertThat(ok("network", "show").out()).contains("Proxy (https)   none (direct)");
            assertThat(home.resolve("data/vault.pryx")).doesNotExist();
            assertThat(settingsFile()).doesNotExist();
        }
    }

    @Nested
    @DisplayName("refuses, with exit 2 and nothing saved")
    class Refusals {
        @Test
        @DisplayName("proxy credentials, without repeating them")
        void credentials() throws Exception {
            ok("network", "set", "--proxy", "http://first.corp:3128");
            String before = Files.readString(settingsFile());
            Result r = run("network", "set", "--proxy", "http://ada:" + TestSecrets.PASSPHRASE + "@proxy.corp:3128");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).startsWith("pryx: Proxy credentials (user:password@ in the URL) are not supported yet")
                    .doesNotContain("ada");
            assertThat(Files.readString(settingsFile())).isEqualTo(before);
        }

        @Test
        @DisplayName("a proxy that is not http://HOST:PORT")
        void notHttp() {
            for (String url : new String[] {"https://proxy.corp:3128", "socks5://proxy.corp:1080", "http://proxy.corp"}) {
                Result r = run("network", "set", "--proxy", url);
                assertThat(r.exit()).as(url).isEqualTo(2);
                assertThat(r.err()).as(url).startsWith("pryx: ").contains("http://proxy.corp:3128");
            }
            assertThat(settingsFile()).doesNotExist();
        }

        @Test
        @DisplayName("a bad CA bundle, checked before anything is saved, even with a good proxy beside it")
        void badBundle() throws Exception {
            ok("network", "set", "--proxy", "http://first.corp:3128");
            String before = Files.readString(settingsFile());
            Path missing = home.resolve("missing.pem");
            Path notPem = Files.writeString(home.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
            Path empty = Files.createFile(home.resolve("empty.pem"));
            for (Path bad : new Path[] {missing, notPem, empty}) {
                Result r = run("network", "set", "--proxy", "http://second.corp:3128", "--ca-bundle", bad.toString());
                assertThat(r.exit()).as(bad.toString()).isEqualTo(2);
                assertThat(r.err()).startsWith("pryx: The CA bundle " + bad + " ");
            }
            assertThat(Files.readString(settingsFile())).isEqualTo(before);
        }

        @Test
        @DisplayName("set or unset with nothing to do, and a no-proxy entry that would be ignored")
        void nothingToDo() {
            assertThat(run("network", "set").err()).contains("Nothing to set: give --proxy, --ca-bundle or --no-proxy.");
            assertThat(run("network", "unset").err()).contains("Nothing to remove");
            Result r = run("network", "set", "--no-proxy", "fine.corp,10.0.0.0/99");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("'10.0.0.0/99' is not a host, domain, IP address or CIDR block");
            assertThat(settingsFile()).doesNotExist();
        }

        @Test
        @DisplayName("a damaged network.json: commands that need it say so; --version, --help and offline commands never read it")
        void damagedFile() throws Exception {
            Files.createDirectories(settingsFile().getParent());
            Files.writeString(settingsFile(), "{not json");
            assertThat(ok("--version").out()).startsWith("pryx ");
            assertThat(ok("network", "--help").out()).contains("set").contains("unset").contains("show");
            assertThat(ok("catalog", "info").out()).contains("providers");
            Result show = run("network", "show");
            assertThat(show.exit()).isEqualTo(2);
            assertThat(show.err()).startsWith("pryx: The network settings file " + settingsFile() + " is damaged");
            assertThat(run("network", "unset", "--proxy").exit()).isEqualTo(2);
            assertThat(Files.readString(settingsFile())).isEqualTo("{not json");
        }
    }
}
