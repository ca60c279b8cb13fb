package dev.pryx.tui.e2e;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Drives a program in a real terminal for end-to-end tests: a detached tmux session of a fixed
 * size on a private tmux server, keys sent with {@code send-keys}, the screen read with
 * {@code capture-pane}.
 *
 * <h2>Isolation</h2>
 * Every session runs its own server ({@code tmux -L <unique socket> -f <conf>}), so it never sees
 * the developer's tmux, their {@code ~/.tmux.conf} or another test's session. The generated
 * configuration sets {@code escape-time 0}, {@code remain-on-exit on} (a finished program's pane
 * stays, so its last screen and exit status can be read), {@code status off} (the pane is the
 * whole window: {@code rows} lines for the program), {@code history-limit 5000},
 * {@code default-shell /bin/sh} and {@code default-terminal} (the {@code TERM} inside, by default
 * {@code xterm-256color}: Lanterna decodes xterm sequences, and tmux understands what an
 * xterm-256color program writes). {@link #close()} kills the server and removes its socket and
 * configuration; a JVM shutdown hook does the same for sessions a test forgot to close.
 *
 * <h2>Environment</h2>
 * The program sees only the variables passed to {@link #start}, plus {@code PATH} (the JVM's, if
 * not given), {@code LANG} and {@code LC_ALL} (a UTF-8 locale of this machine, usually
 * {@code C.UTF-8}, if not given) and {@code TERM}; tmux itself adds {@code TMUX},
 * {@code TMUX_PANE}, {@code TERM_PROGRAM}, {@code TERM_PROGRAM_VERSION}, {@code SHELL} (unless
 * given) and {@code PWD}. The variables reach tmux as its own process environment (the tmux
 * server, forked by the first client, copies that environment into its global environment), never
 * as arguments: nothing of the environment shows in a process listing. A test that needs a vault
 * passphrase should still prefer {@code PRYX_VAULT_PASSPHRASE_FILE} to the passphrase itself.
 *
 * <h2>Keys, Esc and pasting</h2>
 * {@link #sendKeys} sends tmux key names ({@code Enter}, {@code Escape}, {@code C-p}, {@code Up},
 * {@code BSpace}, {@code Tab}, {@code M-x} ...), {@link #type} sends literal text. tmux writes all
 * keys of one call to the terminal in a single write, and a program that reads {@code ESC}
 * followed at once by {@code x} cannot tell it from Alt+x (Lanterna's decoder, which does not
 * wait for more input by default, reports exactly that). So Esc goes alone, with
 * {@link #sendEscape(Predicate, String, Duration)}, which waits for its visible effect before the
 * test sends anything else; {@link #sendKeys} refuses an Esc followed by another key in the same
 * call. {@link #paste} hands text to tmux through the standard input of {@code tmux load-buffer -}
 * (not through arguments, so that a secret pasted in a test never appears in a process listing)
 * and pastes it with {@code paste-buffer -p -d}: wrapped in {@code ESC[200~ ... ESC[201~} when the
 * program has turned bracketed-paste mode on ({@code ESC[?2004h}), as it is from a terminal, and
 * the buffer deleted from the server afterwards. Text given to {@link #type} or {@link #sendKeys}
 * is on tmux's command line: keep secrets out of it.
 *
 * <h2>Reading the screen</h2>
 * {@link #capture()} returns the visible screen as text, one line per row (all rows, trailing
 * blanks trimmed), and records it in {@link #captures()}, so that a test can assert at the end
 * that no screen ever showed a secret ({@link #assertNoCaptureContains}). {@link #waitFor} polls
 * every {@link #POLL_INTERVAL} until a condition holds, and on timeout fails with the condition and
 * the last screen. Never sleep a fixed time and hope. When the program has exited, tmux writes
 * "Pane is dead (status N, ...)" on the bottom row, scrolling the screen up by one line (the top
 * line goes to the history, where {@link #captureAll()} still finds it).
 * Debian's tmux sometimes loses the SIGCHLD of a program that exits (tmux/tmux#311): the pane is
 * dead but has no exit status; {@link #waitForExit} and {@link #waitFor} notice that and make tmux
 * reap the program.
 *
 * <h2>Processes</h2>
 * Every tmux call runs with {@link ProcessBuilder} and a timeout ({@link #COMMAND_TIMEOUT}); a tmux
 * that does not answer is killed and the call fails, so a test can fail but never hang the build.
 *
 * <p>Typical use:
 * <pre>{@code
 * TmuxSession.requireTmux();
 * try (TmuxSession t = TmuxSession.start("palette", 120, 40, Map.of("PRYX_HOME", home.toString()),
 *         workDir, List.of(launcher.toString()))) {
 *     t.waitFor("Ctrl+P", Duration.ofSeconds(20));
 *     t.sendKeys("C-p");
 *     t.type("openai");
 *     t.waitFor("OpenAI", Duration.ofSeconds(5));
 *     t.sendEscape(s -> !s.contains("OpenAI"), "palette closed", Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class TmuxSession implements AutoCloseable {
    /** How often {@link #waitFor} and {@link #waitForExit} look at the pane. */
    public static final Duration POLL_INTERVAL = Duration.ofMillis(20);
    /** The longest any single tmux call may take before it is killed and the call fails. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(15);
    /** How long {@link #sendEscape()} waits after Esc when the caller gives no condition. */
    public static final Duration ESCAPE_SETTLE = Duration.ofMillis(150);
    /** The {@code TERM} inside the session unless the caller's environment names another. */
    public static final String DEFAULT_TERM = "xterm-256color";

    /** How often {@link #waitFor} checks whether the program has already exited. */
    private static final Duration EXIT_CHECK_INTERVAL = Duration.ofMillis(250);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern TERM_NAME = Pattern.compile("[A-Za-z0-9._+-]{1,64}");
    private static final Set<String> ESCAPE_KEYS = Set.of("escape", "esc", "c-[");
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final Set<TmuxSession> OPEN = ConcurrentHashMap.newKeySet();
    private static final ExecutorService IO = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tmux-session-io");
        t.setDaemon(true);
        return t;
    });

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TmuxSession::closeAll, "tmux-session-cleanup"));
    }

    /** A terminal size in character cells. */
    public record Size(int columns, int rows) {
        @Override
        public String toString() {
            return columns + "x" + rows;
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private record PaneState(boolean dead, String status, String signal) {
        /** tmux marks the pane dead when the terminal closes, a moment before it has reaped the exit status. */
        boolean exitKnown() {
            return dead && (!status.isEmpty() || !signal.isEmpty());
        }

        int exitCode() {
            return status.isEmpty() ? 128 + Integer.parseInt(signal) : Integer.parseInt(status);
        }

        String describe() {
            if (!dead) {
                return "still running";
            }
            if (!status.isEmpty()) {
                return "exited with status " + status;
            }
            return signal.isEmpty() ? "exited" : "killed by signal " + signal;
        }
    }

    private final String name;
    private final String socketName;
    private final Path tmux;
    private final Path confDir;
    private final Map<String, String> controlEnv;
    private final List<String> captures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong pastes = new AtomicLong();
    private volatile String paneId;
    private volatile ProcessHandle server;
    private volatile Path socketPath;

    private TmuxSession(String name, String socketName, Path tmux, Path confDir, Map<String, String> controlEnv) {
        this.name = name;
        this.socketName = socketName;
        this.tmux = tmux;
        this.confDir = confDir;
        this.controlEnv = controlEnv;
    }

    // ---------------------------------------------------------------------------------------------
    // Availability

    /** Whether a {@code tmux} executable is on the {@code PATH}. */
    public static boolean available() {
        return findTmux().isPresent();
    }

    /**
     * Skips the calling test (a JUnit assumption) when tmux is missing, with a message saying so;
     * fails instead when the environment variable {@code CI} is {@code true}, where tmux is installed
     * on purpose and its absence must not turn end-to-end tests into silent passes.
     */
    public static void requireTmux() {
        requireTmux(available(), System.getenv("CI"));
    }

    /** {@link #requireTmux()} with its inputs given, so that the rule itself can be tested. */
    static void requireTmux(boolean available, String ci) {
        if (available) {
            return;
        }
        String message = "tmux is not on the PATH: the end-to-end terminal tests need it (apt-get install -y tmux)";
        if ("true".equalsIgnoreCase(ci)) {
            throw new AssertionError(message + "; CI=true, so this is a failure, not a skip");
        }
        Assumptions.assumeTrue(false, message + "; skipped");
    }

    /** The output of {@code tmux -V}, for example {@code tmux 3.3a}. */
    public static String version() {
        Path tmux = findTmux().orElseThrow(() -> new IllegalStateException("tmux is not on the PATH"));
        Result r = exec(List.of(tmux.toString(), "-V"), baseEnv(), null, COMMAND_TIMEOUT);
        return r.out().strip();
    }

    // ---------------------------------------------------------------------------------------------
    // Starting and stopping

    /**
     * Starts {@code command} in a new detached session of exactly {@code columns} x {@code rows} on a
     * private tmux server.
     *
     * @param name a label for the session and its socket (sanitised; the socket name is made unique)
     * @param env the program's whole environment, apart from the defaults described in the class
     *     comment; {@code TERM}, if given, becomes tmux's {@code default-terminal}
     * @param workDir the program's working directory
     * @param command the program and its arguments, run directly (no shell parses them)
     * @throws IllegalStateException if tmux fails to start the session at the requested size
     */
    public static TmuxSession start(String name, int columns, int rows, Map<String, String> env, Path workDir,
            List<String> command) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(command, "command");
        if (columns < 2 || rows < 2 || columns > 1000 || rows > 1000) {
            throw new IllegalArgumentException("size out of range: " + columns + "x" + rows);
        }
        if (command.isEmpty() || command.stream().anyMatch(a -> a == null || a.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException("command must be a non-empty list of arguments without NUL");
        }
        env.forEach((k, v) -> {
            if (k == null || v == null || k.isEmpty() || k.indexOf('=') >= 0 || k.indexOf('\0') >= 0
                    || v.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("bad environment entry: " + k);
            }
        });
        if (!Files.isDirectory(workDir)) {
            throw new IllegalArgumentException("not a directory: " + workDir);
        }
        String term = env.getOrDefault("TERM", DEFAULT_TERM);
        if (!TERM_NAME.matcher(term).matches()) {
            throw new IllegalArgumentException("TERM must be a plain terminal name: " + term);
        }
        Path tmux = findTmux().orElseThrow(() -> new IllegalStateException("tmux is not on the PATH"));

        String label = sanitize(name);
        String socketName = "pryx-e2e-" + label + "-" + ProcessHandle.current().pid() + "-"
                + COUNTER.incrementAndGet();
        Path confDir;
        try {
            confDir = Files.createTempDirectory("pryx-tmux-");
            Files.writeString(confDir.resolve("tmux.conf"), String.join("\n",
                    "set -g escape-time 0",
                    "set -g remain-on-exit on",
                    "set -g status off",
                    "set -g history-limit 5000",
                    "set -g default-shell /bin/sh",
                    "set -g default-terminal \"" + term + "\"",
                    ""), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the tmux configuration", e);
        }

        Map<String, String> paneEnv = new LinkedHashMap<>(baseEnv());
        paneEnv.putAll(env);
        paneEnv.put("TERM", term);
        paneEnv.remove("TMUX");

        // Every later tmux call must look for the socket where the server made it.
        Map<String, String> controlEnv = baseEnv();
        if (paneEnv.containsKey("TMUX_TMPDIR")) {
            controlEnv.put("TMUX_TMPDIR", paneEnv.get("TMUX_TMPDIR"));
        }
        TmuxSession session = new TmuxSession(label, socketName, tmux, confDir, controlEnv);
        OPEN.add(session);
        try {
            List<String> argv = new ArrayList<>(List.of(tmux.toString(), "-u", "-L", socketName,
                    "-f", confDir.resolve("tmux.conf").toString(),
                    "new-session", "-d", "-P", "-F", "#{pane_id} #{pid} #{socket_path}",
                    "-s", label, "-x", Integer.toString(columns), "-y", Integer.toString(rows),
                    "-c", workDir.toAbsolutePath().toString(), "--"));
            if (command.size() == 1) {
                // tmux runs a single argument through the shell; keep it one argument, run as is.
                argv.addAll(List.of("/bin/sh", "-c", "exec \"$0\"", command.get(0)));
            } else {
                argv.addAll(command);
            }
            Result r = exec(argv, paneEnv, null, COMMAND_TIMEOUT);
            if (r.exit() != 0) {
                throw new IllegalStateException("tmux new-session failed (exit " + r.exit() + "): " + r.err().strip());
            }
            String[] parts = r.out().strip().split(" ", 3);
            if (parts.length != 3 || !parts[0].startsWith("%")) {
                throw new IllegalStateException("unexpected answer from tmux new-session: " + r.out());
            }
            session.paneId = parts[0];
            session.server = ProcessHandle.of(Long.parseLong(parts[1])).orElse(null);
            session.socketPath = Path.of(parts[2]);
            Size size = session.size();
            if (size.columns() != columns || size.rows() != rows) {
                throw new IllegalStateException("tmux made the session " + size + ", not " + columns + "x" + rows);
            }
            return session;
        } catch (RuntimeException | Error e) {
            session.close();
            throw e;
        }
    }

    /**
     * Kills this session's tmux server (and with it the program, if still running), removes its
     * socket and configuration. Safe to call more than once; never throws.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        OPEN.remove(this);
        boolean killed = false;
        try {
            Result r = exec(command("kill-server"), controlEnv, null, CLOSE_TIMEOUT);
            killed = r.exit() == 0;
        } catch (RuntimeException e) {
            // The server is not answering: the handle below settles it.
        }
        ProcessHandle s = server;
        if (s != null && s.isAlive()) {
            if (killed) {
                // tmux hangs up the program at once, but its server takes about a second more to
                // leave; do not make every test wait for that, but make sure it does leave.
                IO.submit(() -> {
                    try {
                        s.onExit().get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException | ExecutionException | TimeoutException e) {
                        s.destroyForcibly();
                    }
                    return null;
                });
            } else {
                s.destroyForcibly();
            }
        }
        Path socket = socketPath;
        try {
            if (socket != null && socket.getFileName().toString().equals(socketName)) {
                Files.deleteIfExists(socket);
            }
        } catch (IOException e) {
            // A stale socket in /tmp/tmux-UID is harmless: the next session uses another name.
        }
        deleteTree(confDir);
    }

    // ---------------------------------------------------------------------------------------------
    // Input

    /**
     * Sends tmux key names, for example {@code sendKeys("C-p")}, {@code sendKeys("Down", "Down",
     * "Enter")}. A word that is not a key name is sent as its characters. Esc may only be the last
     * key of a call (see the class comment); prefer {@link #sendEscape(Predicate, String, Duration)}.
     */
    public void sendKeys(String... keys) {
        if (keys.length == 0) {
            throw new IllegalArgumentException("no keys");
        }
        for (int i = 0; i < keys.length - 1; i++) {
            if (ESCAPE_KEYS.contains(keys[i].toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Esc followed by " + keys[i + 1]
                        + " in one send-keys call reaches the program as Alt+" + keys[i + 1]
                        + ": send Esc alone with sendEscape(...) and wait for its effect");
            }
        }
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", paneId(), "--"));
        args.addAll(List.of(keys));
        tmux(args);
    }

    /** Types {@code text} literally (tmux {@code send-keys -l}); use {@code sendKeys("Enter")} for Enter. */
    public void type(String text) {
        if (text.isEmpty()) {
            return;
        }
        tmux(List.of("send-keys", "-t", paneId(), "-l", "--", text));
    }

    /**
     * Sends Esc alone, then waits until {@code effect} holds on the screen (the program has read the
     * Esc as Esc), so that the next key cannot be read together with it as Alt+key.
     *
     * @return the screen on which the effect was seen
     */
    public String sendEscape(Predicate<String> effect, String description, Duration timeout) {
        sendKeys("Escape");
        return waitFor(effect, "after Esc: " + description, timeout);
    }

    /**
     * Sends Esc alone and pauses {@link #ESCAPE_SETTLE}, for when Esc has no visible effect. On a
     * loaded machine the program may still not have read it in time; prefer
     * {@link #sendEscape(Predicate, String, Duration)}.
     */
    public void sendEscape() {
        sendKeys("Escape");
        sleep(ESCAPE_SETTLE);
    }

    /**
     * Pastes {@code text} as a terminal does: bracketed ({@code ESC[200~ ... ESC[201~}) if the
     * program turned bracketed-paste mode on, line feeds sent as carriage returns. The text goes to
     * tmux through a pipe, never on a command line, and the tmux buffer is deleted after pasting.
     */
    public void paste(String text) {
        paste(text, true);
    }

    /**
     * Pastes {@code text}; with {@code bracketed} false the text is sent without bracketed-paste
     * markers even if the program asked for them, as if typed very fast.
     */
    public void paste(String text, boolean bracketed) {
        String buffer = "pryx-e2e-paste-" + pastes.incrementAndGet();
        Result load = exec(command("load-buffer", "-b", buffer, "-"), controlEnv,
                text.getBytes(StandardCharsets.UTF_8), COMMAND_TIMEOUT);
        if (load.exit() != 0) {
            throw new IllegalStateException("tmux load-buffer failed (exit " + load.exit() + "): " + load.err().strip());
        }
        List<String> args = new ArrayList<>(List.of("paste-buffer", "-d", "-b", buffer, "-t", paneId()));
        if (bracketed) {
            args.add(1, "-p");
        }
        try {
            tmux(args);
        } catch (RuntimeException e) {
            try {
                exec(command("delete-buffer", "-b", buffer), controlEnv, null, COMMAND_TIMEOUT);
            } catch (RuntimeException ignored) {
                e.addSuppressed(ignored);
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Screen

    /** The visible screen: one line per row, trailing blanks trimmed. Recorded in {@link #captures()}. */
    public String capture() {
        return record(tmux(List.of("capture-pane", "-p", "-t", paneId())));
    }

    /** The scrollback history and the visible screen, oldest line first. Recorded in {@link #captures()}. */
    public String captureAll() {
        return record(tmux(List.of("capture-pane", "-p", "-S", "-", "-E", "-", "-t", paneId())));
    }

    /**
     * The visible screen with its colours and attributes as SGR escape sequences
     * ({@code capture-pane -e}). Recorded in {@link #captures()}.
     */
    public String captureWithAttributes() {
        return record(tmux(List.of("capture-pane", "-p", "-e", "-t", paneId())));
    }

    /** Every screen captured so far, in order (each call of a capture method adds one, also while waiting). */
    public List<String> captures() {
        synchronized (captures) {
            return List.copyOf(captures);
        }
    }

    /**
     * Fails if any capture so far contains any of {@code secrets}. The message names the capture and
     * the secret by number and length only, never the secret itself. Also fails when nothing was
     * captured yet: such a check would prove nothing.
     */
    public void assertNoCaptureContains(String... secrets) {
        List<String> all = captures();
        if (all.isEmpty()) {
            throw new AssertionError("no screen was captured in session '" + name + "': nothing to check");
        }
        for (int c = 0; c < all.size(); c++) {
            for (int s = 0; s < secrets.length; s++) {
                if (!secrets[s].isEmpty() && all.get(c).contains(secrets[s])) {
                    throw new AssertionError("capture " + (c + 1) + " of " + all.size() + " in session '" + name
                            + "' showed secret #" + (s + 1) + " (" + secrets[s].length() + " characters)");
                }
            }
        }
    }

    /** Waits until the screen contains {@code text}; returns that screen. */
    public String waitFor(String text, Duration timeout) {
        return waitFor(screen -> screen.contains(text), "the screen contains \"" + text + "\"", timeout);
    }

    /**
     * Polls the screen every {@link #POLL_INTERVAL} until {@code condition} holds and returns that
     * screen. Fails with an {@link AssertionError} naming {@code description} and showing the last
     * screen when {@code timeout} passes, or as soon as the program has exited with a screen that
     * does not satisfy the condition.
     */
    public String waitFor(Predicate<String> condition, String description, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextExitCheck = start + EXIT_CHECK_INTERVAL.toNanos();
        while (true) {
            String screen = capture();
            if (condition.test(screen)) {
                return screen;
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                throw failure("Timed out after " + timeout.toMillis() + " ms waiting for: " + description, screen);
            }
            if (now - nextExitCheck >= 0) {
                PaneState state = exitState();
                if (state.exitKnown()) {
                    screen = capture();
                    if (condition.test(screen)) {
                        return screen;
                    }
                    throw failure("The program " + state.describe() + " while waiting for: " + description, screen);
                }
                nextExitCheck = now + EXIT_CHECK_INTERVAL.toNanos();
            }
            sleep(POLL_INTERVAL);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Program and window

    /**
     * Waits until the program has exited and returns its exit status (128 + the signal number if a
     * signal killed it). Fails with the last screen if it is still running after {@code timeout}.
     */
    public int waitForExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            PaneState state = exitState();
            if (state.exitKnown()) {
                return state.exitCode();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw failure("The program was still running after " + timeout.toMillis() + " ms", capture());
            }
            sleep(POLL_INTERVAL);
        }
    }

    /** Whether the program is still running (its pane not yet dead). */
    public boolean isRunning() {
        return !paneState().dead();
    }

    /**
     * Resizes the terminal ({@code resize-window}; the program gets SIGWINCH). The window keeps this
     * size: with no client attached, nothing else changes it.
     */
    public void resize(int columns, int rows) {
        if (columns < 2 || rows < 2 || columns > 1000 || rows > 1000) {
            throw new IllegalArgumentException("size out of range: " + columns + "x" + rows);
        }
        tmux(List.of("resize-window", "-t", paneId(), "-x", Integer.toString(columns), "-y", Integer.toString(rows)));
        Size size = size();
        if (size.columns() != columns || size.rows() != rows) {
            throw new IllegalStateException("tmux resized the window to " + size + ", not " + columns + "x" + rows);
        }
    }

    /** The pane's current size. */
    public Size size() {
        String[] wh = tmux(List.of("display-message", "-p", "-t", paneId(), "#{pane_width} #{pane_height}"))
                .strip().split(" ");
        return new Size(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
    }

    /** The label this session was started with (sanitised). */
    public String name() {
        return name;
    }

    /** The tmux socket name ({@code -L}), for running tmux by hand while debugging a test. */
    public String socketName() {
        return socketName;
    }

    /** The pane's id, for example {@code %0}, the target of every command this class sends. */
    public String paneId() {
        String id = paneId;
        if (id == null) {
            throw new IllegalStateException("the session has not started");
        }
        return id;
    }

    /**
     * Runs any tmux command on this session's server ({@code tmux -L <socket> <args...>}), with the
     * timeout, and returns its standard output.
     *
     * @throws IllegalStateException if tmux exits with a non-zero status
     */
    public String tmux(String... args) {
        return tmux(List.of(args));
    }

    // ---------------------------------------------------------------------------------------------
    // Internals

    private String tmux(List<String> args) {
        if (closed.get()) {
            throw new IllegalStateException("tmux session '" + name + "' is closed");
        }
        Result r = exec(command(args), controlEnv, null, COMMAND_TIMEOUT);
        if (r.exit() != 0) {
            throw new IllegalStateException("tmux " + args.get(0) + " failed (exit " + r.exit() + "): " + r.err().strip());
        }
        return r.out();
    }

    private List<String> command(String... args) {
        return command(List.of(args));
    }

    private List<String> command(List<String> args) {
        List<String> argv = new ArrayList<>(List.of(tmux.toString(), "-u", "-L", socketName));
        argv.addAll(args);
        return argv;
    }

    /**
     * The pane's state, with its exit status once it has died. Debian's tmux is linked with
     * libutempter, whose own SIGCHLD handler is installed exactly while tmux tidies up a pane whose
     * terminal just closed, which is the moment its program exits: the signal is then lost, the
     * program stays a zombie and {@code pane_dead_status} stays empty for good (tmux/tmux#311).
     * Any other child of the server that exits makes tmux reap all of them, so a dead pane without a
     * status gets a {@code run-shell true}.
     */
    private PaneState exitState() {
        PaneState state = paneState();
        if (state.dead() && !state.exitKnown()) {
            tmux(List.of("run-shell", "true"));
            state = paneState();
        }
        return state;
    }

    private PaneState paneState() {
        String[] f = tmux(List.of("display-message", "-p", "-t", paneId(),
                "#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}")).strip().split("\\|", -1);
        return new PaneState("1".equals(f[0]), f.length > 1 ? f[1] : "", f.length > 2 ? f[2] : "");
    }

    private String record(String raw) {
        // Every row is kept, the empty ones too, so that line i of the result is row i of the screen.
        String text = raw.endsWith("\n") ? raw.substring(0, raw.length() - 1) : raw;
        StringJoiner screen = new StringJoiner("\n");
        for (String line : text.split("\n", -1)) {
            screen.add(line.stripTrailing());
        }
        String result = screen.toString();
        captures.add(result);
        return result;
    }

    private AssertionError failure(String what, String screen) {
        String state;
        String size;
        try {
            state = exitState().describe();
            size = size().toString();
        } catch (RuntimeException e) {
            state = "state unknown (" + e.getMessage() + ")";
            size = "?";
        }
        StringBuilder m = new StringBuilder(what).append('\n')
                .append("tmux session '").append(name).append("' (").append(size).append(", socket ")
                .append(socketName).append("), program ").append(state).append('\n')
                .append("----- last screen -----\n");
        String[] lines = screen.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            m.append(String.format(Locale.ROOT, "%2d|", i)).append(lines[i]).append('\n');
        }
        return new AssertionError(m.append("-----------------------").toString());
    }

    private static Result exec(List<String> argv, Map<String, String> env, byte[] stdin, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().clear();
        pb.environment().putAll(env);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + argv.get(0), e);
        }
        try {
            Future<?> in = stdin == null ? null : IO.submit(() -> {
                try (OutputStream os = p.getOutputStream()) {
                    os.write(stdin);
                }
                return null;
            });
            Future<byte[]> out = IO.submit(() -> p.getInputStream().readAllBytes());
            Future<byte[]> err = IO.submit(() -> p.getErrorStream().readAllBytes());
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("tmux did not answer within " + timeout.toMillis() + " ms: "
                        + String.join(" ", argv.subList(1, Math.min(argv.size(), 6))) + " ...");
            }
            if (in != null) {
                in.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            return new Result(p.exitValue(),
                    new String(out.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8),
                    new String(err.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running tmux", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not talk to tmux: " + e, e);
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static Optional<Path> findTmux() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "tmux");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /** PATH, LANG and LC_ALL: what every tmux process (and, unless overridden, the program) gets. */
    private static Map<String, String> baseEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        String path = System.getenv("PATH");
        env.put("PATH", path == null || path.isEmpty() ? "/usr/local/bin:/usr/bin:/bin" : path);
        String locale = Utf8Locale.NAME;
        env.put("LANG", locale);
        env.put("LC_ALL", locale);
        return env;
    }

    /** A UTF-8 locale this machine has (C.UTF-8 where available), found once with {@code locale -a}. */
    private static final class Utf8Locale {
        static final String NAME = find();

        private static String find() {
            List<String> all;
            try {
                Result r = exec(List.of("locale", "-a"), Map.of("PATH", "/usr/local/bin:/usr/bin:/bin"), null,
                        COMMAND_TIMEOUT);
                all = r.out().lines().map(String::strip).toList();
            } catch (RuntimeException e) {
                return "C.UTF-8";
            }
            for (String preferred : List.of("C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8")) {
                if (all.contains(preferred)) {
                    return preferred;
                }
            }
            return all.stream()
                    .filter(l -> l.toLowerCase(Locale.ROOT).endsWith(".utf-8") || l.toLowerCase(Locale.ROOT).endsWith(".utf8"))
                    .findFirst().orElse("C.UTF-8");
        }
    }

    private static String sanitize(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_-]", "_");
        if (s.length() > 32) {
            s = s.substring(0, 32);
        }
        return s.isEmpty() ? "e2e" : s;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // A leftover temp folder under test-tmp is harmless.
        }
    }

    private static void closeAll() {
        for (TmuxSession s : List.copyOf(OPEN)) {
            s.close();
        }
    }
}
