package dev.pryx.bench;

import dev.pryx.support.Secret;
import dev.pryx.vault.FileVault;
import java.nio.file.Path;
import java.util.List;
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
 * One complete save of a vault holding 200 provider configs and 200 API keys, without the KDF
 * (which a save never runs): lock, check for another process's save, copy, change one provider,
 * serialise, encrypt, decrypt-and-compare, write a temp file, fsync, hard-link the backup (and
 * fsync its directory), rename, fsync the directory, prune backups. The goal is under 20 ms.
 *
 * <p>The vault uses {@link FileVault.Options#cheapForTests()} only so that creating it in the
 * set-up is quick; the KDF costs do not enter a save. Sampling mode reports the mean and the
 * percentiles, so a slow fsync shows in p0.99 rather than vanishing in the mean. The directory
 * is under {@code java.io.tmpdir}; fsync costs depend on that file system (set it with
 * {@code -Djava.io.tmpdir=...} to measure another).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(3)
public class VaultSaveBenchmark {
    private Path directory;
    private FileVault vault;
    private List<String> ids;
    private long edits;

    @Setup(Level.Trial)
    public void createVault() {
        directory = BenchVaults.newDirectory("pryx-bench-save-");
        try (Secret passphrase = BenchVaults.passphrase()) {
            vault = FileVault.create(directory.resolve("data").resolve("vault.pryx"), passphrase,
                    FileVault.Options.cheapForTests());
        }
        vault.update(c -> {
            BenchVaults.fill(c);
            return null;
        });
        ids = BenchVaults.providerIds();
    }

    @TearDown(Level.Trial)
    public void removeVault() {
        vault.close();
        BenchVaults.deleteTree(directory);
    }

    @Benchmark
    public long saveOneProviderEdit() {
        long n = ++edits;
        String id = ids.get((int) (n % ids.size()));
        vault.update(c -> {
            BenchVaults.ProviderRecord p = c.record(BenchVaults.PROVIDERS, id, BenchVaults.ProviderRecord.class)
                    .orElseThrow();
            c.putRecord(BenchVaults.PROVIDERS, id, BenchVaults.edited(p, n));
            return null;
        });
        return vault.generation();
    }
}
