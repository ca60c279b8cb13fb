package dev.pryx.bench;

import dev.pryx.support.Secret;
import dev.pryx.vault.FileVault;
import dev.pryx.vault.VaultContents;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Unlocking a small vault with the production key-derivation costs (Argon2id, 64 MiB, t=3, p=4):
 * what a user waits for after typing the passphrase. Almost all of it is the KDF, which is the
 * point of the KDF, so the figure is a budget to watch rather than a cost to cut.
 *
 * <p>One call takes a few hundred milliseconds, so each measurement is one call (single shot).
 * {@code -wi 0 -i 1 -f 10} gives the first unlock in each fresh JVM, though not a fully cold one:
 * the set-up has run the KDF once to create the vault. The cold figure comes from whole-process
 * timings of the CLI ({@code docs/performance.md}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(3)
public class VaultUnlockBenchmark {
    private Path directory;
    private Path file;
    private FileVault.Options options;

    @Setup(Level.Trial)
    public void createVault() {
        directory = BenchVaults.newDirectory("pryx-bench-unlock-");
        file = directory.resolve("data").resolve("vault.pryx");
        options = FileVault.Options.defaults();
        try (Secret passphrase = BenchVaults.passphrase();
             FileVault vault = FileVault.create(file, passphrase, options)) {
            // A small vault: one provider and its key.
            vault.update(c -> {
                c.putRecord(BenchVaults.PROVIDERS, "openai", new BenchVaults.ProviderRecord("openai", "OpenAI", true,
                        "api_key/openai", "gpt-4o-mini", "https://api.openai.com/v1", Instant.EPOCH, Instant.EPOCH));
                c.putCredential("api_key/openai", "api_key", Instant.EPOCH,
                        Map.of("key", Secret.adopt("sk-test-unlock-benchmark-0123456789abcdef".toCharArray())),
                        Map.of(), VaultContents.DEFAULT_KEPT_VERSIONS);
                return null;
            });
        }
    }

    @TearDown(Level.Trial)
    public void removeVault() {
        BenchVaults.deleteTree(directory);
    }

    /** Reads the file, checks it, derives the slot key, unwraps the data key, decrypts and parses. */
    @Benchmark
    public long open() {
        try (Secret passphrase = BenchVaults.passphrase();
             FileVault vault = FileVault.open(file, passphrase, options)) {
            return vault.generation();
        }
    }
}
