package dev.pryx.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.TestSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built {@code target/pryx} driven under tmux as a person would: open the palette, type
 * {@code openai}, add it, paste a key, save, pick a model, quit; then the CLI (a separate process)
 * confirms what was stored, and no screen capture along the way ever showed the key.
 */
@DisplayName("The TUI end to end under tmux")
class TuiEndToEndIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("pryx.buildDir", "target"), "pryx").toAbsolutePath();
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final String KEY = TestSecrets.API_KEY + "-e2e-0123456789";

    @TempDir
    Path home;

    @BeforeAll
    static void tmux() {
        TmuxSession.requireTmux();
    }

    @ParameterizedTest(name = "at {0}x{1}")
    @CsvSource({"120, 40", "80, 24"})
    @DisplayName("palette -> openai -> add -> key -> save -> model, then the CLI sees key and model")
    void addProviderKeyAndModel(int columns, int rows) throws Exception {
        Path passphrase = home.resolve("passphrase");
        Files.writeString(passphrase, TestSecrets.PASSPHRASE + "\n");
        Map<String, String> env = Map.of("PRYX_HOME", home.resolve("pryx").toString(),
                "PRYX_VAULT_PASSPHRASE_FILE", passphrase.toString());
        try (TmuxSession tui = TmuxSession.start("e2e" + columns, columns, rows, env, home, List.of(LAUNCHER.toString()))) {
            tui.waitFor(s -> s.contains("pryx · Providers") && s.contains("q quit"), "the provider list", STEP);
            tui.type("/");
            tui.waitFor("search commands", STEP);
            tui.type("openai");
            tui.waitFor(s -> s.contains("▸ OpenAI"), "OpenAI as the best match", STEP);
            tui.sendKeys("Enter");
            tui.waitFor("pryx · Key for openai", STEP);
            tui.paste(KEY + "\n");
            tui.waitFor(KEY.length() + " characters", STEP);
            assertThat(tui.capture()).as("a pasted line break does not submit").contains("pryx · Key for openai");
            tui.sendKeys("Enter");
            tui.waitFor("pryx · Model for openai", STEP);
            tui.type("gpt-5-mini");
            tui.waitFor(s -> s.contains("▸") && s.contains("gpt-5-mini"), "gpt-5-mini in the list", STEP);
            tui.sendKeys("Enter");
            tui.waitFor("now uses gpt-5-mini", STEP);
            assertThat(tui.capture()).contains("● OpenAI").contains("key fp:");
            tui.type("q");
            assertThat(tui.waitForExit(STEP)).as("exit status").isZero();
            tui.assertNoCaptureContains(KEY, TestSecrets.PASSPHRASE);
        }
        String model = cli(env, "provider", "current-model");
        assertThat(model).contains("openai").contains("gpt-5-mini");
        String key = cli(env, "provider", "key-status", "openai");
        assertThat(key).contains("key set").doesNotContain(KEY);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("status board: b, c checks every provider; the model picker fetches a live list and Ctrl+R fetches again (80x24)")
    void statusBoardAndLiveModels() throws Exception {
        Path passphrase = home.resolve("passphrase");
        Files.writeString(passphrase, TestSecrets.PASSPHRASE + "\n");
        Map<String, String> env = Map.of("PRYX_HOME", home.resolve("pryx").toString(),
                "PRYX_VAULT_PASSPHRASE_FILE", passphrase.toString());
        try (okhttp3.mockwebserver.MockWebServer server = new okhttp3.mockwebserver.MockWebServer()) {
            server.setDispatcher(new okhttp3.mockwebserver.Dispatcher() {
                @Override
                public okhttp3.mockwebserver.MockResponse dispatch(okhttp3.mockwebserver.RecordedRequest request) {
                    return new okhttp3.mockwebserver.MockResponse().setBody("{\"object\":\"list\",\"data\":["
                            + "{\"id\":\"qwen3-coder-30b\",\"object\":\"model\",\"created\":1,\"owned_by\":\"vllm\"},"
                            + "{\"id\":\"llama-3.3-70b\",\"object\":\"model\",\"created\":1,\"owned_by\":\"vllm\"}]}");
                }
            });
            server.start();
            cli(env, "provider", "add", "my-llm", "--compatible", "openai", "--base-url", server.url("/v1").toString());
            try (TmuxSession tui = TmuxSession.start("e2e-status", 80, 24, env, home, List.of(LAUNCHER.toString()))) {
                tui.waitFor(s -> s.contains("pryx · Providers") && s.contains("my-llm"), "the provider list", STEP);
                tui.type("b");
                tui.waitFor(s -> s.contains("pryx · Status") && s.contains("never"), "the status board", STEP);
                tui.type("c");
                tui.waitFor("All 1 enabled providers answered.", STEP);
                assertThat(tui.capture()).contains("✓ ok");
                tui.sendKeys("Escape");
                tui.waitFor("pryx · Providers", STEP);
                tui.type("m");
                tui.waitFor(s -> s.contains("qwen3-coder-30b") && s.contains("listed by my-llm"), "the live list", STEP);
                tui.sendKeys("C-r");
                tui.waitFor(s -> server.getRequestCount() >= 3 && s.contains("2 models listed by my-llm"), "a second fetch", STEP);
                tui.sendKeys("Escape");
                // Waited for, so that Esc and q arrive apart (together they read as Alt+q).
                tui.waitFor(s -> s.contains("pryx · Providers"), "the provider list again", STEP);
                tui.type("q");
                assertThat(tui.waitForExit(STEP)).as("exit status").isZero();
            }
        }
        assertThat(cli(env, "provider", "status")).contains("last test  ok");
    }

    private String cli(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("PRYX_VAULT_PASSPHRASE");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
