package dev.pryx.tui.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.TestAbortedException;

/**
 * The tmux driver itself, against small shell programs: what it types, pastes and reads, how it
 * waits and fails, and that it leaves nothing running.
 */
@DisplayName("tmux end-to-end driver")
class TmuxSessionIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Raw input: every read the program gets, as hex bytes on a line of its own. */
    private static final String READ_LOOP = "while :; do dd bs=64 count=1 2>/dev/null | od -An -tx1; done";

    @TempDir
    Path dir;

    @BeforeAll
    static void tmuxPresent() {
        TmuxSession.requireTmux();
    }

    static List<String> bash(String script) {
        return List.of("bash", "--norc", "--noprofile", "-c", script);
    }

    TmuxSession start(int columns, int rows, String script) {
        return TmuxSession.start("it", columns, rows, Map.of(), dir, bash(script));
    }

    @Test
    @DisplayName("types a line, pastes a secret that no screen ever shows, and reads the exit status")
    void typeLinePasteSecretExit() {
        String script = "printf 'ready\\n'; read -r line; printf 'got:%s\\n' \"$line\"; "
                + "stty -echo; printf 'secret?\\n'; read -r secret; stty echo; "
                + "printf 'len:%s\\n' \"${#secret}\"; sleep 0.2; exit 7";
        try (TmuxSession t = start(120, 40, script)) {
            t.waitFor("ready", WAIT);
            t.type("hello wörld €");
            t.sendKeys("Enter");
            t.waitFor("got:hello wörld €", WAIT);
            t.waitFor("secret?", WAIT);
            t.paste(TestSecrets.API_KEY);
            t.sendKeys("Enter");
            t.waitFor("len:" + TestSecrets.API_KEY.length(), WAIT);
            assertThat(t.waitForExit(WAIT)).isEqualTo(7);
            assertThat(t.captureAll()).contains("got:hello wörld €").contains("Pane is dead (status 7");
            assertThat(t.captures()).hasSizeGreaterThan(3).noneMatch(c -> c.contains(TestSecrets.API_KEY));
            t.assertNoCaptureContains(TestSecrets.API_KEY);
            assertThat(t.tmux("list-buffers")).as("the pasted secret is not left in a tmux buffer").isEmpty();
        }
    }

    @Test
    @DisplayName("the no-secret check can fail, and its message does not repeat the secret")
    void leakCheckCanFail() {
        String planted = "planted-value-9d2f";
        try (TmuxSession t = start(80, 24, "cat")) {
            assertThatThrownBy(() -> t.assertNoCaptureContains(planted)).as("nothing captured yet")
                    .isInstanceOf(AssertionError.class).hasMessageContaining("nothing to check");
            t.paste(planted);
            t.waitFor(planted, WAIT);
            assertThatThrownBy(() -> t.assertNoCaptureContains("absent", planted))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("secret #2 (18 characters)")
                    .hasMessageNotContaining(planted);
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"120,40", "80,24"})
    @DisplayName("the program sees exactly the requested size and runs in the given directory")
    void size(int columns, int rows) throws Exception {
        try (TmuxSession t = start(columns, rows, "printf 'size:%s cwd:%s\\n' \"$(stty size)\" \"$(pwd -P)\"; sleep 30")) {
            String screen = t.waitFor("size:", WAIT);
            assertThat(screen).contains("size:" + rows + " " + columns + " cwd:" + dir.toRealPath());
            assertThat(screen.split("\n", -1)).as("one line per row").hasSize(rows);
            assertThat(t.size()).isEqualTo(new TmuxSession.Size(columns, rows));
        }
    }

    @Test
    @DisplayName("the environment is only what the test passes, plus PATH, a UTF-8 locale, TERM and tmux's own")
    void environment() {
        Map<String, String> env = Map.of("PRYX_E2E_MARK", "mark-1", "COLORTERM", "truecolor");
        try (TmuxSession t = TmuxSession.start("env", 120, 40, env, dir, List.of("env"))) {
            assertThat(t.waitForExit(WAIT)).isZero();
            Map<String, String> seen = t.captureAll().lines().filter(l -> l.matches("[A-Za-z_][A-Za-z0-9_]*=.*"))
                    .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
            assertThat(seen).containsEntry("PRYX_E2E_MARK", "mark-1").containsEntry("COLORTERM", "truecolor")
                    .containsEntry("TERM", "xterm-256color").containsKey("PATH");
            assertThat(seen.get("LANG")).matches("(?i).*\\.utf-?8");
            assertThat(seen.get("LC_ALL")).isEqualTo(seen.get("LANG"));
            Set<String> fromTmux = Set.of("TMUX", "TMUX_PANE", "TERM_PROGRAM", "TERM_PROGRAM_VERSION", "SHELL", "PWD",
                    "OLDPWD");
            assertThat(seen.keySet()).as("nothing of the JVM's environment (PRYX_HOME, HOME ...) leaks in")
                    .allMatch(k -> Set.of("PRYX_E2E_MARK", "COLORTERM", "TERM", "PATH", "LANG", "LC_ALL").contains(k)
                            || fromTmux.contains(k));
        }
    }

    @Test
    @DisplayName("TERM given by the test becomes the terminal tmux presents")
    void otherTerm() {
        try (TmuxSession t = TmuxSession.start("term", 80, 24, Map.of("TERM", "xterm"), dir,
                bash("printf 'term:%s colors:%s\\n' \"$TERM\" \"$(tput colors)\"; sleep 30"))) {
            t.waitFor("term:xterm colors:8", WAIT);
        }
        assertThatThrownBy(() -> TmuxSession.start("term", 80, 24, Map.of("TERM", "x; run-shell id"), dir,
                List.of("true"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("resize: the program gets SIGWINCH and the new size")
    void resize() {
        String script = "trap 'echo \"size:$(stty size)\"' WINCH; echo \"size:$(stty size)\"; while :; do sleep 0.05; done";
        try (TmuxSession t = start(120, 40, script)) {
            t.waitFor("size:40 120", WAIT);
            t.resize(80, 24);
            t.waitFor("size:24 80", WAIT);
            assertThat(t.size()).isEqualTo(new TmuxSession.Size(80, 24));
            t.resize(100, 30);
            t.waitFor("size:30 100", WAIT);
        }
    }

    @Test
    @DisplayName("waitFor times out with the condition and the last screen in the message")
    void waitForTimeout() {
        try (TmuxSession t = start(80, 24, "echo hello-dump; sleep 30")) {
            t.waitFor("hello-dump", WAIT);
            assertThatThrownBy(() -> t.waitFor("never-shown", Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Timed out after 300 ms")
                    .hasMessageContaining("\"never-shown\"")
                    .hasMessageContaining("program still running")
                    .hasMessageContaining("----- last screen -----")
                    .hasMessageContaining(" 0|hello-dump");
            assertThatThrownBy(() -> t.waitFor(s -> false, "a custom condition", Duration.ofMillis(100)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("a custom condition")
                    .hasMessageContaining("hello-dump");
        }
    }

    @Test
    @DisplayName("waitFor gives up as soon as the program has exited, saying how")
    void waitForAfterExit() {
        try (TmuxSession t = start(80, 24, "echo bye; exit 3")) {
            assertThatThrownBy(() -> t.waitFor("never-shown", Duration.ofMinutes(5)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("The program exited with status 3 while waiting for")
                    .hasMessageContaining("Pane is dead (status 3");
            assertThat(t.waitFor("Pane is dead", WAIT)).as("a condition that holds after the exit still passes")
                    .isNotEmpty();
        }
    }

    @Test
    @DisplayName("waitForExit: a signal is 128 + its number; a program still running fails with the screen")
    void waitForExitCases() {
        try (TmuxSession t = start(80, 24, "echo going; kill -9 $$")) {
            assertThat(t.waitForExit(WAIT)).isEqualTo(137);
            assertThat(t.isRunning()).isFalse();
        }
        try (TmuxSession t = start(80, 24, "echo still-here; sleep 30")) {
            t.waitFor("still-here", WAIT);
            assertThat(t.isRunning()).isTrue();
            assertThatThrownBy(() -> t.waitForExit(Duration.ofMillis(200)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("still running after 200 ms")
                    .hasMessageContaining("still-here");
        }
    }

    @Test
    @DisplayName("the exit status is read every time, also when tmux lost the program's SIGCHLD")
    void exitStatusEveryTime() {
        // Exiting right after input is the case in which Debian's tmux (libutempter) often loses the
        // SIGCHLD: pane dead, status empty, program a zombie. Several rounds make that near certain.
        for (int status = 1; status <= 6; status++) {
            try (TmuxSession t = start(80, 24, "echo ready; read -r line; exit " + status)) {
                t.waitFor("ready", WAIT);
                t.sendKeys("Enter");
                assertThat(t.waitForExit(WAIT)).isEqualTo(status);
                assertThat(t.waitFor("Pane is dead (status " + status, WAIT)).isNotEmpty();
            }
        }
    }

    @Test
    @DisplayName("Esc goes alone: sendEscape waits for its effect, the next key is a read of its own")
    void escapeAlone() {
        try (TmuxSession t = start(80, 24, "stty -icanon -echo -icrnl min 1 time 0; echo ready; " + READ_LOOP)) {
            t.waitFor("ready", WAIT);
            t.sendEscape(s -> s.lines().anyMatch(" 1b"::equals), "Esc read on its own", WAIT);
            t.sendKeys("x");
            String screen = t.waitFor(s -> s.lines().anyMatch(" 78"::equals), "x read on its own", WAIT);
            assertThat(screen.lines()).doesNotContain(" 1b 78");
            t.sendKeys("M-x");
            t.waitFor(s -> s.lines().anyMatch(" 1b 78"::equals), "Alt+x: Esc and x in one read", WAIT);
            assertThatThrownBy(() -> t.sendKeys("Escape", "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Alt+x");
            t.sendEscape();
            t.waitFor(s -> s.lines().filter(" 1b"::equals).count() == 2, "the second Esc", WAIT);
        }
    }

    @Test
    @DisplayName("named keys reach the program as the terminal's bytes")
    void namedKeys() {
        try (TmuxSession t = start(80, 24, "stty -icanon -echo -icrnl min 1 time 0; echo ready; " + READ_LOOP)) {
            t.waitFor("ready", WAIT);
            t.sendKeys("C-p");
            t.waitFor(s -> s.lines().anyMatch(" 10"::equals), "C-p", WAIT);
            t.sendKeys("Enter");
            t.waitFor(s -> s.lines().anyMatch(" 0d"::equals), "Enter", WAIT);
            t.sendKeys("Up");
            t.waitFor(s -> s.lines().anyMatch(l -> l.equals(" 1b 5b 41") || l.equals(" 1b 4f 41")), "Up", WAIT);
            t.sendKeys("BSpace");
            t.waitFor(s -> s.lines().anyMatch(" 7f"::equals), "BSpace", WAIT);
            t.sendKeys("Tab");
            t.waitFor(s -> s.lines().anyMatch(" 09"::equals), "Tab", WAIT);
        }
    }

    @Test
    @DisplayName("paste: bracketed only when the program asked for it, line feeds as carriage returns")
    void paste() {
        String script = "stty -icanon -echo -icrnl min 1 time 0; echo plain; dd bs=64 count=1 2>/dev/null | od -An -tx1; "
                + "printf '\\033[?2004h'; echo bracketed; dd bs=64 count=1 2>/dev/null | od -An -tx1; "
                + "echo unbracketed; dd bs=64 count=1 2>/dev/null | od -An -tx1; sleep 30";
        try (TmuxSession t = start(80, 24, script)) {
            t.waitFor("plain", WAIT);
            t.paste("a\nb");
            t.waitFor(" 61 0d 62", WAIT);
            t.waitFor("bracketed", WAIT);
            t.paste("a\nb");
            t.waitFor(" 1b 5b 32 30 30 7e 61 0d 62 1b 5b 32 30 31 7e", WAIT);
            t.waitFor("unbracketed", WAIT);
            t.paste("c", false);
            t.waitFor(s -> s.lines().anyMatch(" 63"::equals), "c without markers", WAIT);
        }
    }

    @Test
    @DisplayName("close kills the server and the program, also when the test failed; closing twice is harmless")
    void closeKillsEverything() throws Exception {
        TmuxSession[] session = new TmuxSession[1];
        long[] pid = new long[2];
        assertThatThrownBy(() -> {
            try (TmuxSession t = start(80, 24, "echo up; sleep 300")) {
                session[0] = t;
                t.waitFor("up", WAIT);
                pid[0] = Long.parseLong(t.tmux("display-message", "-p", "-t", t.paneId(), "#{pane_pid}").strip());
                pid[1] = Long.parseLong(t.tmux("display-message", "-p", "#{pid}").strip());
                t.waitFor("never-shown", Duration.ofMillis(50));
            }
        }).isInstanceOf(AssertionError.class);
        TmuxSession t = session[0];
        t.close();
        for (long p : pid) {
            ProcessHandle h = ProcessHandle.of(p).orElse(null);
            if (h != null) {
                h.onExit().get(10, TimeUnit.SECONDS);
            }
        }
        ProcessBuilder has = new ProcessBuilder("tmux", "-L", t.socketName(), "has-session").redirectErrorStream(true);
        has.environment().remove("TMUX_TMPDIR");
        Process p = has.start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(answer).isNotZero();
        assertThatThrownBy(t::capture).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    @DisplayName("a bad start fails clearly and leaves no server behind")
    void badStart() {
        assertThatThrownBy(() -> TmuxSession.start("bad", 80, 24, Map.of(), dir.resolve("missing"), List.of("true")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TmuxSession.start("bad", 80, 24, Map.of(), dir, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TmuxSession.start("bad", 1, 24, Map.of(), dir, List.of("true")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("without tmux: a skip on a developer machine, a failure on CI")
    void missingTmux() {
        TmuxSession.requireTmux(true, "true");
        assertThatThrownBy(() -> TmuxSession.requireTmux(false, null)).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("tmux is not on the PATH");
        assertThatThrownBy(() -> TmuxSession.requireTmux(false, "false")).isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> TmuxSession.requireTmux(false, "true")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("CI=true");
        assertThat(TmuxSession.version()).startsWith("tmux ");
    }
}
