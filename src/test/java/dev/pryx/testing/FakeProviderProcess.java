package dev.pryx.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link FakeProviderServer} running in a second JVM: started on the test classpath, its port
 * read from its first stdout line, each request it reports collected by a reader thread. Its
 * stderr goes to a {@code .log} file in the work directory (quoted when something fails, and
 * scanned by {@code SecretLeakIT} like everything else the suite writes). The expected key
 * reaches it through its environment, never its arguments.
 */
public final class FakeProviderProcess implements AutoCloseable {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration END = Duration.ofSeconds(30);

    private final Process process;
    private final Path stderr;
    private final CountDownLatch portRead = new CountDownLatch(1);
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Object arrived = new Object();
    private final Thread reader;
    private volatile int port;

    private FakeProviderProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readStdout, "fake-provider-" + process.pid());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Starts a server and waits until it listens.
     *
     * @param name        names its stderr file, {@code <name>.stderr.log} in {@code workDir}
     * @param expectedKey the key its {@code /v1/} routes want, or null for none
     */
    public static FakeProviderProcess start(Path workDir, String name, FakeProviderServer.Mode mode, String expectedKey)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path err = workDir.resolve(name + ".stderr.log");
        List<String> command = TestJvm.command(workDir, FakeProviderServer.class, List.of("-Xmx64m"));
        command.add(mode.argument());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
        Map<String, String> env = builder.environment();
        env.remove(FakeProviderServer.KEY_VARIABLE);
        if (expectedKey != null) {
            env.put(FakeProviderServer.KEY_VARIABLE, expectedKey);
        }
        FakeProviderProcess child = new FakeProviderProcess(builder.start(), err);
        if (!child.portRead.await(START.toMillis(), TimeUnit.MILLISECONDS) || child.port == 0) {
            child.close();
            throw new AssertionError("the fake provider server did not print its port" + child.diagnostics());
        }
        return child;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Every request line so far, e.g. {@code GET /api/tags auth=none 200}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /**
     * Waits until {@code count} request lines have been read (the server prints each before it
     * answers, but the reader thread may lag behind the client), and returns them all.
     */
    public List<String> awaitRequests(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (arrived) {
            while (requests.size() < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new AssertionError("the server saw " + requests + ", not " + count + " requests" + diagnostics());
                }
                arrived.wait(left);
            }
        }
        return requests();
    }

    /** Kills the server (SIGKILL) and waits until it is gone, so that its port refuses connections. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(END.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the fake provider server did not die" + diagnostics());
        }
    }

    public String diagnostics() {
        String err;
        try {
            err = Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            err = "(stderr unreadable: " + e + ")";
        }
        return "\n  server pid " + process.pid() + (process.isAlive() ? " (alive)" : " (exit " + process.exitValue() + ")")
                + "\n  requests: " + requests + "\n  stderr: " + err;
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String first = in.readLine();
            if (first != null && first.matches("\\d{1,5}")) {
                port = Integer.parseInt(first);
            }
            portRead.countDown();
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (arrived) {
                    requests.add(line);
                    arrived.notifyAll();
                }
            }
        } catch (IOException e) {
            requests.add("(stdout read failed: " + e + ")");
        } finally {
            portRead.countDown();
        }
    }

    /** Closes the server's stdin, which ends it; kills it if it does not end in time. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already gone: its stdin pipe is broken.
        }
        if (!process.waitFor(END.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(END.toMillis(), TimeUnit.MILLISECONDS);
        }
        reader.join(END.toMillis());
    }
}
