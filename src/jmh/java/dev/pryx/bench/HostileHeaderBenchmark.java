package dev.pryx.bench;

import dev.pryx.support.Secret;
import dev.pryx.vault.FileVault;
import dev.pryx.vault.VaultException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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
 * How fast {@code FileVault.open} refuses a vault whose header asks for absurd Argon2 costs
 * (2 TiB of memory, with a correct checksum): the bounds are checked before any key derivation,
 * so the refusal costs a file read and a header parse. With production options, as the CLI opens.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class HostileHeaderBenchmark {
    private Path directory;
    private Path file;
    private final FileVault.Options options = FileVault.Options.defaults();

    @Setup(Level.Trial)
    public void plantHostileVault() throws IOException {
        directory = BenchVaults.newDirectory("pryx-bench-hostile-");
        file = directory.resolve("data").resolve("vault.pryx");
        try (Secret passphrase = BenchVaults.passphrase()) {
            FileVault.create(file, passphrase, options).close();
        }
        byte[] b = Files.readAllBytes(file);
        int length = ByteBuffer.wrap(b).getInt(10);
        String header = new String(b, 14, length, StandardCharsets.UTF_8)
                .replaceFirst("\"memory_kib\":\\d+", "\"memory_kib\":2147483647");
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(14 + h.length + 32 + (b.length - 14 - length - 32));
        out.put(b, 0, 10).putInt(h.length).put(h);
        out.put(sha256(Arrays.copyOf(out.array(), 14 + h.length)));
        out.put(b, 14 + length + 32, b.length - 14 - length - 32);
        Files.write(file, out.array());
    }

    @Benchmark
    public String refuse() {
        try (Secret passphrase = BenchVaults.passphrase()) {
            FileVault.open(file, passphrase, options).close();
            throw new IllegalStateException("the hostile vault opened");
        } catch (VaultException.Damaged expected) {
            return expected.getMessage();
        }
    }

    @TearDown(Level.Trial)
    public void delete() {
        BenchVaults.deleteTree(directory);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
