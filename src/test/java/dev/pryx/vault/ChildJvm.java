package dev.pryx.vault;

import dev.pryx.TestSecrets;
import dev.pryx.testing.TestJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link VaultWriterProcess} running in a second JVM on the test classpath. A reader thread
 * collects its stdout lines; an {@code ACK} line that was read is a save the child saw return.
 * Its stderr (its logs, when asked for, and any stack trace) goes to a file in the test's temp
 * directory and is quoted when something fails. The passphrase reaches it through the
 * environment, never through its arguments.
 */
final class ChildJvm implements AutoCloseable {
    static final String PASSPHRASE = TestSecrets.PASSPHRASE;

    /** One acknowledged save: the entry's id and the generation the child saw after it. */
    record Ack(String id, long generation) {
    }

    private static final Pattern ACK_LINE = Pattern.compile("ACK (\\S+) (\\d+);");
    private static final String END = "\u0000end-of-stdout";
    private static final Duration READER_DRAIN = Duration.ofSeconds(20);

    private final Process process;
    private final Path stderr;
    private final Thread reader;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final List<String> other = new CopyOnWriteArrayList<>();

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readStdout, "child-" + process.pid() + "-stdout");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Where the child's log lines go. Its stdout carries only the protocol lines either way. */
    enum Logs {
        /** Logback, at INFO, to the child's stderr file: quoted when something fails. */
        TO_STDERR,
        /** No logging at all: saves the ~0.15 s of CPU that configuring Logback costs each child. */
        NONE
    }

    /** Starts {@code VaultWriterProcess} with {@code args}. */
    static ChildJvm start(Path workDir, String name, Logs logs, List<String> args) throws IOException {
        String logging;
        if (logs == Logs.NONE) {
            logging = "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider";
        } else {
            Path logConfig = workDir.resolve("child-logback.xml");
            if (!Files.exists(logConfig)) {
                Files.writeString(logConfig, """
                        <configuration>
                          <appender name="ERR" class="ch.qos.logback.core.ConsoleAppender">
                            <target>System.err</target>
                            <encoder><pattern>%level %logger{0} %msg%n</pattern></encoder>
                          </appender>
                          <root level="INFO"><appender-ref ref="ERR"/></root>
                        </configuration>
                        """);
            }
            logging = "-Dlogback.configurationFile=" + logConfig;
        }
        // A .log name: SecretLeakIT scans it with everything else the suite wrote.
        Path err = workDir.resolve(name + ".stderr.log");
        List<String> command = TestJvm.command(workDir, VaultWriterProcess.class,
                // Lean flags (TestJvm's): the child's start-up time bounds how many kills fit in the test.
                List.of("-Xmx256m", logging));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
        Map<String, String> env = builder.environment();
        env.put(VaultWriterProcess.PASSPHRASE_VARIABLE, PASSPHRASE);
        // A second fence: nothing the child might resolve through the usual paths leaves the temp dir.
        env.put("PRYX_HOME", workDir.resolve("pryx-home").toString());
        return new ChildJvm(builder.start(), err);
    }

    /** Writes one line to the child's stdin. */
    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /**
     * Waits for the next stdout line that {@code wanted} accepts, skipping others.
     *
     * @throws AssertionError when the child ends or {@code timeout} passes first
     */
    String awaitLine(Predicate<String> wanted, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("the child did not print " + what + " within " + timeout + diagnostics());
            }
            if (line.equals(END)) {
                lines.add(END);
                process.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("the child ended before printing " + what + diagnostics());
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    /**
     * Kills the child with SIGKILL and waits until it is gone and all its output has been read.
     *
     * @return whether it was still running (false: it had ended by itself before the kill)
     */
    boolean killWhileAlive() throws InterruptedException {
        boolean alive = process.isAlive();
        process.destroyForcibly();
        awaitEnd(Duration.ofSeconds(30));
        return alive;
    }

    /** Waits for the child to end by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the child did not finish within " + timeout + diagnostics());
        }
        awaitEnd(timeout);
        return process.exitValue();
    }

    private void awaitEnd(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the child did not die within " + timeout + diagnostics());
        }
        // Lines already in the pipe when the child died are still read: each was printed.
        reader.join(READER_DRAIN.toMillis());
        if (reader.isAlive()) {
            throw new AssertionError("the child's stdout did not end after it died" + diagnostics());
        }
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The child is gone; its stdin pipe may already be broken.
        }
    }

    /** Every acknowledged save, in order; complete once {@link #killWhileAlive} or {@link #awaitExit} returned. */
    List<Ack> acks() {
        return List.copyOf(acks);
    }

    String diagnostics() {
        String err;
        try {
            err = Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            err = "(stderr unreadable: " + e + ")";
        }
        if (err.length() > 4000) {
            err = "..." + err.substring(err.length() - 4000);
        }
        return "\n  child pid " + process.pid() + (process.isAlive() ? " (alive)" : " (exit " + process.exitValue() + ")")
                + "\n  other stdout lines: " + other + "\n  stderr: " + err;
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Matcher ack = ACK_LINE.matcher(line);
                if (ack.matches()) {
                    acks.add(new Ack(ack.group(1), Long.parseLong(ack.group(2))));
                } else if (!line.startsWith("READY ") && !line.startsWith("PAUSED ") && !line.equals("DONE")) {
                    other.add(line);
                }
                lines.add(line);
            }
        } catch (IOException e) {
            other.add("(stdout read failed: " + e + ")");
        } finally {
            lines.add(END);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        reader.join(READER_DRAIN.toMillis());
    }
}
