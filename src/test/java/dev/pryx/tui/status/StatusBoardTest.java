package dev.pryx.tui.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyType;
import dev.pryx.TestSecrets;
import dev.pryx.provider.ProviderManager;
import dev.pryx.support.Secret;
import dev.pryx.tui.VirtualTui;
import dev.pryx.tui.shell.StatusTone;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the TUI's status board")
class StatusBoardTest {
    static final String MODELS = "{\"data\":[{\"id\":\"gpt-5\"},{\"id\":\"gpt-5-mini\"}]}";

    @TempDir
    Path home;
    MockWebServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private VirtualTui tui(String... env) {
        VirtualTui.Options options = new VirtualTui.Options().env("PRYX_VAULT_PASSPHRASE", "correct horse battery");
        for (int i = 0; i < env.length; i += 2) {
            options.env(env[i], env[i + 1]);
        }
        VirtualTui tui = VirtualTui.start(home, options);
        ProviderManager m = tui.manager();
        for (String id : new String[] {"openai", "openai-work"}) {
            m.addProvider(new ProviderManager.NewProvider("openai", id, null, server.url("/" + id + "/v1").toString(), null));
            m.setKey(id, Secret.adopt(TestSecrets.API_KEY.toCharArray()), false);
        }
        tui.top().onShow();
        tui.pump();
        return tui.type("b");
    }

    private int rowOf(VirtualTui tui, String text) {
        String[] lines = tui.screen().split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " is not on the screen:\n" + tui.screen());
    }

    @Test
    @DisplayName("b on the provider list opens it: each provider's key fingerprint and age, model, and 'never' tested")
    void opens() {
        try (VirtualTui tui = tui()) {
            String screen = tui.screen();
            assertThat(screen).contains("pryx · Status").contains("Provider").contains("Last test")
                    .containsPattern("● openai +fp:[0-9a-f]{12} · now").contains("never")
                    .contains("openai: OpenAI (openai), in force from config. Key vault:openai (config): set, stored just now")
                    .as("direct, with the JDK's trust: no network line").doesNotContain("Network:");
            assertThat(tui.frames()).noneMatch(f -> f.contains(TestSecrets.API_KEY));
        }
    }

    @Test
    @DisplayName("t tests the selected provider with a spinner, then a green verdict on the status line and in its row")
    void testWithSpinner() {
        server.enqueue(new MockResponse().setBody(MODELS).setHeadersDelay(600, TimeUnit.MILLISECONDS));
        try (VirtualTui tui = tui()) {
            tui.type("t");
            Set<Character> spinnerFrames = tui.frames().stream().filter(f -> f.contains("Testing OpenAI…"))
                    .map(f -> f.charAt(f.indexOf("Testing OpenAI…") - 2)).collect(Collectors.toSet());
            assertThat(spinnerFrames).as("the spinner moves while the test runs").hasSizeGreaterThan(1)
                    .allMatch(c -> "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏".indexOf(c) >= 0);
            assertThat(tui.top().statusTone()).isEqualTo(StatusTone.OK);
            assertThat(tui.screen()).contains("✓ openai:").contains("2 models");
            int row = rowOf(tui, "✓ ok");
            int column = tui.screen().split("\n")[row].indexOf("✓ ok");
            TextCharacter mark = tui.cell(column, row);
            TextCharacter plain = tui.cell(column, rowOf(tui, "openai-work"));
            assertThat(mark.getForegroundColor()).as("the verdict has its own colour")
                    .isNotEqualTo(plain.getForegroundColor());
        }
    }

    @Test
    @DisplayName("c checks every provider at once; a rejected key shows in red with what to do")
    void checkAll() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getPath().startsWith("/openai-work/") ? new MockResponse().setResponseCode(401)
                        .setBody("{\"error\":{\"message\":\"Incorrect API key provided: " + TestSecrets.API_KEY + "\"}}")
                        : new MockResponse().setBody(MODELS);
            }
        });
        try (VirtualTui tui = tui()) {
            tui.type("c");
            assertThat(server.getRequestCount()).isEqualTo(2);
            assertThat(tui.top().statusTone()).isEqualTo(StatusTone.ERROR);
            assertThat(tui.top().statusText()).isEqualTo("✗ 1 of 2 with a problem: openai-work. Select one for what to do.");
            assertThat(tui.screen().split("\n")[rowOf(tui, "openai-work")]).contains("✗ invalid key");
            assertThat(tui.screen().split("\n")[rowOf(tui, "● openai ")]).contains("✓ ok");
            tui.press(KeyType.ArrowDown);
            assertThat(tui.screen()).contains("openai-work: OpenAI rejected the key (401)").contains("pryx provider set-key");
            assertThat(tui.frames()).noneMatch(f -> f.contains(TestSecrets.API_KEY));
        }
    }

    @Test
    @DisplayName("an environment variable naming an unconfigured provider is a warning at the top")
    void warnings() {
        try (VirtualTui tui = tui("PRYX_PROVIDER", "mistral")) {
            assertThat(tui.screen()).contains("! PRYX_PROVIDER names 'mistral'");
        }
    }

    @Test
    @DisplayName("a proxy in force is named above the board (loopback providers still go direct)")
    void network() {
        try (VirtualTui tui = tui("HTTPS_PROXY", "http://proxy.example:3128")) {
            assertThat(tui.screen()).contains("Network: https via http://proxy.example:3128 (env HTTPS_PROXY)");
        }
    }

    @Test
    @DisplayName("the palette's 'Check all providers' opens the board and checks")
    void fromPalette() {
        server.enqueue(new MockResponse().setBody(MODELS));
        server.enqueue(new MockResponse().setBody(MODELS));
        try (VirtualTui tui = tui()) {
            tui.press(KeyType.Escape).type("/").type("check all").press(KeyType.Enter);
            assertThat(tui.screen()).contains("pryx · Status").contains("All 2 enabled providers answered.");
            assertThat(tui.top().statusTone()).isEqualTo(StatusTone.OK);
        }
    }
}
