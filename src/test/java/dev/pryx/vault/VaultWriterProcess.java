package dev.pryx.vault;

import dev.pryx.support.Secret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;

/**
 * A test-only child program that saves a vault in a loop, so that tests can kill a real JVM in
 * the middle of a save or run two writers at once. It is never part of the product.
 *
 * <pre>
 * java -cp &lt;test classpath&gt; dev.pryx.vault.VaultWriterProcess \
 *      --vault DIR/vault.pryx --prefix e --from 0 --count 1000 [--filler 1024] \
 *      [--wait-for-go] [--pause-at STEP --pause-on N]
 * </pre>
 *
 * <p>The passphrase comes from the environment variable {@value #PASSPHRASE_VARIABLE}, never
 * from the arguments. Each {@link FileVault#update} adds one entry {@code <prefix><n>}: a record
 * in collection {@value #COLLECTION} carrying {@code --filler} characters (so that saves take
 * long enough to be killed in the middle), and an {@code api_key} credential of the same name
 * with the fake secret {@link #fakeKey(String)}.
 *
 * <p>Protocol on stdout, one line each, flushed at once: {@code READY <generation>} once the
 * vault is open; {@code ACK <id> <generation>;} after each {@code update} has returned (so each
 * printed ACK is an acknowledged save; the final {@code ;} tells a whole line from a torn one);
 * {@code PAUSED <step> <id>} when a save stopped at a chosen step (see {@link HookedFileOps.Step}) and waits
 * to be killed; {@code DONE} at the end. Logs and errors go to stderr. With
 * {@code --wait-for-go} the program waits for a {@code GO} line on stdin after opening, so that
 * two children start saving at the same moment. When stdin reaches its end (the test JVM died),
 * the program halts at once, so no orphan keeps running.
 */
public final class VaultWriterProcess {
    static final String PASSPHRASE_VARIABLE = "PRYX_TEST_VAULT_PASSPHRASE";
    static final String COLLECTION = "entries";
    static final int EXIT_FAILED = 2;
    static final int EXIT_ORPHANED = 3;

    /** A point inside a save at which {@code --pause-at} stops, to be killed there. */

    /** The record each update stores; the test reads it back. */
    public record Entry(String id, long n, String filler) {
    }

    private VaultWriterProcess() {
    }

    public static void main(String[] args) {
        try {
            run(Arguments.parse(args));
            System.exit(0);
        } catch (RuntimeException | IOException | InterruptedException e) {
            // Messages of vault exceptions never carry secrets; the trace helps the failing test.
            e.printStackTrace(System.err);
            System.exit(EXIT_FAILED);
        }
    }

    private static void run(Arguments a) throws IOException, InterruptedException {
        PrintStream out = System.out;
        CountDownLatch go = new CountDownLatch(1);
        watchStdin(go);
        PausingOps pausing = new PausingOps(a.pauseAt, out);
        // Without --pause-at the saves run through the product's own file operations, untouched.
        FileOps ops = a.pauseAt == null ? FileOps.REAL : pausing;
        FileVault.Options options = FileVault.Options.cheapForTests();
        try (Secret passphrase = passphraseFromEnvironment();
             FileVault vault = FileVault.open(a.vault, passphrase, options, ops)) {
            say(out, "READY " + vault.generation());
            if (a.waitForGo) {
                go.await();
            }
            for (long n = a.from; n < a.from + a.count; n++) {
                String id = a.prefix + n;
                long number = n;
                if (a.pauseAt != null && n == a.pauseOn) {
                    pausing.arm(id);
                }
                vault.update(contents -> {
                    add(contents, id, number, a.filler);
                    return null;
                });
                say(out, "ACK " + id + " " + vault.generation() + ";");
            }
            say(out, "DONE");
        }
    }

    /** The change of one update; it works only from the contents it is given, as {@code update} requires. */
    static void add(VaultContents contents, String id, long n, int fillerLength) {
        contents.putRecord(COLLECTION, id, new Entry(id, n, filler(id, fillerLength)));
        contents.putCredential(id, "api_key", Instant.EPOCH.plusSeconds(n),
                Map.of("key", Secret.adopt(fakeKey(id).toCharArray())), Map.of("entry", id), 1);
    }

    /** The fake API key stored for an entry: obviously a test value, and tied to the id. */
    static String fakeKey(String id) {
        // Matches the patterns SecretLeakIT looks for, so a key leaking in clear would be found.
        return "sk-test-LEAKCHECK-crash-" + id;
    }

    /** Characters that make an entry large; derived from the id so the test can check them. */
    static String filler(String id, int length) {
        SplittableRandom random = new SplittableRandom(id.hashCode());
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = "abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36));
        }
        return new String(chars);
    }

    private static Secret passphraseFromEnvironment() {
        String value = System.getenv(PASSPHRASE_VARIABLE);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(PASSPHRASE_VARIABLE + " is not set");
        }
        return Secret.adopt(value.toCharArray());
    }

    private static void say(PrintStream out, String line) {
        out.println(line);
        out.flush();
    }

    /** Reads stdin in the background: {@code GO} releases the writers; its end halts the JVM. */
    private static void watchStdin(CountDownLatch go) {
        Thread watcher = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.equals("GO")) {
                        go.countDown();
                    }
                }
            } catch (IOException e) {
                // Treated as the end of stdin.
            }
            Runtime.getRuntime().halt(EXIT_ORPHANED);
        }, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * The real file operations, except that once armed, the save stops at the chosen step, says
     * so, and blocks until the test kills the process.
     */
    static final class PausingOps extends HookedFileOps {
        private volatile String armedFor;

        PausingOps(HookedFileOps.Step pauseAt, PrintStream out) {
            hook(step -> {
                if (armedFor != null && step == pauseAt) {
                    say(out, "PAUSED " + step + " " + armedFor);
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("a paused save was interrupted instead of killed");
                }
            });
        }

        void arm(String id) {
            armedFor = id;
        }
    }

    private static final class Arguments {
        Path vault;
        String prefix = "e";
        long from;
        long count = 1;
        int filler = 1024;
        boolean waitForGo;
        HookedFileOps.Step pauseAt;
        long pauseOn = -1;

        static Arguments parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            Arguments a = new Arguments();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--wait-for-go" -> a.waitForGo = true;
                    case "--vault", "--prefix", "--from", "--count", "--filler", "--pause-at", "--pause-on" -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(args[i] + " needs a value");
                        }
                        values.put(args[i], args[++i]);
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (!values.containsKey("--vault")) {
                throw new IllegalArgumentException("--vault is required");
            }
            a.vault = Path.of(values.get("--vault"));
            a.prefix = values.getOrDefault("--prefix", a.prefix);
            a.from = Long.parseLong(values.getOrDefault("--from", "0"));
            a.count = Long.parseLong(values.getOrDefault("--count", "1"));
            a.filler = Integer.parseInt(values.getOrDefault("--filler", "1024"));
            if (values.containsKey("--pause-at")) {
                a.pauseAt = HookedFileOps.Step.valueOf(values.get("--pause-at"));
                a.pauseOn = Long.parseLong(values.getOrDefault("--pause-on", Long.toString(a.from)));
            }
            return a;
        }
    }
}
