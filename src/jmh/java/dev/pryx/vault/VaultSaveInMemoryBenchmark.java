package dev.pryx.vault;

import dev.pryx.bench.BenchVaults;
import dev.pryx.support.Secret;
import dev.pryx.support.SecretBytes;
import dev.pryx.vault.v1.KdfBounds;
import dev.pryx.vault.v1.V1Codec;
import dev.pryx.vault.v1.VaultFormatException;
import dev.pryx.vault.v1.VaultHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The in-memory steps of {@link FileVault#update} for the 200-provider vault of
 * {@code VaultSaveBenchmark}, one by one and together, so that the disk's share of a save can be
 * told from the CPU's. It sits in the vault's package because the payload codec is (rightly)
 * package-private; it calls the same methods {@code FileVault.saveLocked} calls, in the same order.
 *
 * <ul>
 *   <li>{@code copy}: the working copy {@code update} hands to a change (secrets included);</li>
 *   <li>{@code serialise}: payload JSON with padding;</li>
 *   <li>{@code encrypt}: per-save HKDF subkey, header JSON, SHA-256, AES-256-GCM;</li>
 *   <li>{@code verify}: decrypt the fresh bytes and compare with the plaintext;</li>
 *   <li>{@code inMemorySave}: all of the above with a one-record edit, as one save does them;</li>
 *   <li>{@code reload}: decrypt and parse with the data key known, what a process does when
 *       another one saved, and the part of unlocking that is not the KDF.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class VaultSaveInMemoryBenchmark {
    private V1Codec codec;
    private VaultHeader header;
    private SecretBytes dataKey;
    private VaultContents contents;
    private byte[] plaintext;
    private byte[] encrypted;
    private List<String> ids;
    private long edits;

    @Setup(Level.Trial)
    public void loadVault() throws VaultFormatException, PayloadCodec.PayloadException {
        Path directory = BenchVaults.newDirectory("pryx-bench-memory-");
        byte[] file;
        try (Secret passphrase = BenchVaults.passphrase()) {
            Path path = directory.resolve("data").resolve("vault.pryx");
            try (FileVault vault = FileVault.create(path, passphrase, FileVault.Options.cheapForTests())) {
                vault.update(c -> {
                    BenchVaults.fill(c);
                    return null;
                });
            }
            file = Files.readAllBytes(path);
            codec = new V1Codec(KdfBounds.relaxedForTests(), new SecureRandom());
            V1Codec.Opened opened = codec.unlock(file, passphrase, new HashMap<>());
            header = opened.header();
            dataKey = opened.dataKey();
            try (SecretBytes decrypted = opened.plaintext()) {
                contents = PayloadCodec.read(decrypted.bytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            BenchVaults.deleteTree(directory);
        }
        plaintext = PayloadCodec.write(contents);
        encrypted = codec.write(header, dataKey, plaintext);
        ids = BenchVaults.providerIds();
    }

    @TearDown(Level.Trial)
    public void wipe() {
        contents.close();
        dataKey.close();
    }

    @Benchmark
    public void copy(Blackhole bh) {
        VaultContents copy = contents.copy();
        bh.consume(copy);
        copy.close();
    }

    @Benchmark
    public byte[] serialise() {
        return PayloadCodec.write(contents);
    }

    @Benchmark
    public byte[] encrypt() {
        return codec.write(header, dataKey, plaintext);
    }

    @Benchmark
    public boolean verify() throws VaultFormatException {
        V1Codec.Opened check = codec.open(encrypted, dataKey);
        try (SecretBytes decrypted = check.plaintext(); SecretBytes key = check.dataKey()) {
            return MessageDigest.isEqual(decrypted.bytes(), plaintext);
        }
    }

    @Benchmark
    public byte[] inMemorySave() throws VaultFormatException {
        long n = ++edits;
        String id = ids.get((int) (n % ids.size()));
        VaultContents next = contents.copy();
        BenchVaults.ProviderRecord p = next.record(BenchVaults.PROVIDERS, id, BenchVaults.ProviderRecord.class)
                .orElseThrow();
        next.putRecord(BenchVaults.PROVIDERS, id, BenchVaults.edited(p, n));
        byte[] newPlaintext = PayloadCodec.write(next);
        byte[] bytes = codec.write(header.nextGeneration(Instant.EPOCH.plusSeconds(n)), dataKey, newPlaintext);
        V1Codec.Opened check = codec.open(bytes, dataKey);
        try (SecretBytes decrypted = check.plaintext(); SecretBytes key = check.dataKey()) {
            if (!MessageDigest.isEqual(decrypted.bytes(), newPlaintext)) {
                throw new IllegalStateException("round trip failed");
            }
        }
        // As a save does: the new copy becomes the contents and the old one is wiped.
        contents.close();
        contents = next;
        return bytes;
    }

    @Benchmark
    public int reload() throws VaultFormatException, PayloadCodec.PayloadException {
        V1Codec.Opened opened = codec.open(encrypted, dataKey);
        try (SecretBytes decrypted = opened.plaintext(); SecretBytes key = opened.dataKey();
             VaultContents loaded = PayloadCodec.read(decrypted.bytes())) {
            return loaded.credentialNames().size();
        }
    }
}
