package dev.pryx.vault.v1;

import static dev.pryx.vault.v1.VaultFormatException.Problem.DAMAGED;
import static dev.pryx.vault.v1.VaultFormatException.Problem.UNSUPPORTED_VERSION;
import static dev.pryx.vault.v1.VaultFormatException.Problem.WRONG_PASSPHRASE;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pryx.support.Secret;
import dev.pryx.support.SecretBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic tiny vaults for the Jazzer fuzz targets, and the generator of their committed
 * seed corpus.
 *
 * <p>Every byte here comes from fixed seeds, a fixed vault id and fixed times, so running the
 * generator twice gives identical files and {@code FuzzCorpusTest} can check that the committed
 * corpus is exactly what this class produces. Regenerate after a change to the v1 format (from the
 * project root):
 *
 * <pre>
 * mvn -q -B -Dpryx.buildDir=target-gen test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target-gen/test.classpath -Dmdep.includeScope=test
 * java -cp target-gen/test-classes:target-gen/classes:$(cat target-gen/test.classpath) \
 *     dev.pryx.vault.v1.FuzzCorpus src/test/resources
 * </pre>
 *
 * The generator only writes the files it knows by name; crash inputs that Jazzer stored beside
 * them are left alone.
 */
public final class FuzzCorpus {
    // Fake secrets. They carry the LEAKCHECK marker of dev.pryx.TestSecrets, so the suite's leak
    // scan finds them if they ever reach a log or a file in clear; they are not taken from there
    // because changing them changes every seed.

    /** The passphrase every fuzz target opens with. */
    public static final String PASSPHRASE = "fuzz-passphrase-LEAKCHECK-0f22";
    /** Opens the "other passphrase" seed, so that one is told apart as a wrong passphrase. */
    public static final String OTHER_PASSPHRASE = "fuzz-other-passphrase-LEAKCHECK-0f23";
    /** The API key stored in the tiny vault's payload. */
    public static final String TEST_KEY = "sk-test-fuzz-LEAKCHECK-0000";

    /** Argon2id costs small enough for thousands of executions a second (as in cheapForTests). */
    public static final KdfParameters TINY_COSTS = KdfParameters.costs(64, 1, 1);

    /** Resource directories (relative to a resources root) of each fuzz target's seeds. */
    public static final String PARSE_RAW = "dev/pryx/vault/v1/VaultHeaderFuzzTestInputs/parseArbitraryBytes";
    public static final String PARSE_HEADER = "dev/pryx/vault/v1/VaultHeaderFuzzTestInputs/parseResealedHeader";
    public static final String OPEN_RAW = "dev/pryx/vault/VaultOpenFuzzTestInputs/openArbitraryFile";
    public static final String OPEN_MUTATED = "dev/pryx/vault/VaultOpenFuzzTestInputs/openMutatedVault";
    public static final String OPEN_PAYLOAD = "dev/pryx/vault/VaultOpenFuzzTestInputs/openFuzzedPayload";

    private static final String VAULT_ID = "0f022000-0000-4000-8000-00000000f022";
    private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant SAVED = Instant.parse("2025-01-02T03:04:05Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FuzzCorpus() {
    }

    /**
     * A seed file and what it is meant to exercise.
     *
     * @param expected for a whole file, the problem {@link V1Codec#unlock} reports with
     *                 {@link #PASSPHRASE} (null: it opens); for a header, what {@link V1Codec#parse}
     *                 reports once the header is wrapped with a correct checksum (null: it parses);
     *                 for an edit script, how opening the edited vault fails (null: not checked);
     *                 for a payload, nothing (the target checks what the vault makes of it)
     * @param detail   a fragment of the detail message, proving the seed reaches the branch it is
     *                 named after (null when not checked)
     */
    public record Seed(String directory, String name, byte[] bytes, VaultFormatException.Problem expected,
                       String detail) {
        @Override
        public String toString() {
            return directory.substring(directory.lastIndexOf('/') + 1) + "/" + name;
        }
    }

    /**
     * A vault of format 1.0 built only from fixed inputs: one passphrase slot with tiny Argon2id
     * costs. The data key is known, so a target can encrypt any payload it likes into a file that
     * authenticates.
     */
    public static final class TinyVault {
        private final VaultHeader header;
        private final SecretBytes dataKey;

        private TinyVault(VaultHeader header, SecretBytes dataKey) {
            this.header = header;
            this.dataKey = dataKey;
        }

        /** A complete, authentic file whose payload plaintext is {@code plaintext}, byte for byte. */
        public byte[] withPayload(byte[] plaintext) {
            return new V1Codec(KdfBounds.relaxedForTests(), new SeededRandom(3)).write(header, dataKey, plaintext);
        }
    }

    /** The tiny vault that opens with {@link #PASSPHRASE}. */
    public static TinyVault tinyVault() {
        return tinyVault(PASSPHRASE, 1);
    }

    private static TinyVault tinyVault(String passphrase, long seed) {
        V1Codec codec = new V1Codec(KdfBounds.relaxedForTests(), new SeededRandom(seed));
        SecretBytes dataKey = codec.newDataKey();
        try (Secret secret = Secret.adopt(passphrase.toCharArray())) {
            PassphraseSlot slot = codec.newPassphraseSlot(VAULT_ID, "passphrase", CREATED, secret, dataKey, TINY_COSTS);
            return new TinyVault(new VaultHeader(VAULT_ID, 1, CREATED, SAVED, List.of(slot)), dataKey);
        }
    }

    /**
     * The payload of the tiny vault: the JSON the vault package reads (schema 1, one API key, one
     * provider record), unpadded.
     */
    public static byte[] validPayload() {
        return ("{\"schema\":1,\"credentials\":{\"openai\":[{\"version\":1,\"kind\":\"api_key\","
                + "\"created_at\":\"2025-01-01T00:00:00Z\",\"attributes\":{\"label\":\"fuzz\"},"
                + "\"secrets\":{\"key\":\"" + TEST_KEY + "\"}}]},"
                + "\"records\":{\"providers\":{\"openai\":{\"base_url\":\"https://api.openai.com/v1\"}}}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The valid tiny vault file, as committed in the corpus. */
    public static byte[] validTinyVaultFile() {
        return tinyVault().withPayload(validPayload());
    }

    // ---- the corpus ----------------------------------------------------------------------------

    /** Every seed of every target, in a fixed order. */
    public static List<Seed> seeds() {
        List<Seed> out = new ArrayList<>();
        List<Seed> files = fileSeeds();
        for (Seed s : files) {
            out.add(new Seed(PARSE_RAW, s.name(), s.bytes(), s.expected(), s.detail()));
        }
        for (Seed s : files) {
            out.add(new Seed(OPEN_RAW, s.name(), s.bytes(), s.expected(), s.detail()));
        }
        out.addAll(headerSeeds());
        out.addAll(payloadSeeds());
        out.addAll(mutationSeeds());
        return out;
    }

    /** Whole files: the checks of {@link V1Codec#parse} in order, then the ones of unlock. */
    static List<Seed> fileSeeds() {
        byte[] valid = validTinyVaultFile();
        byte[] header = VaultFileEdits.headerOf(valid);
        ObjectNode tree = headerTree(header);
        List<Seed> s = new ArrayList<>();
        s.add(seed(OPEN_RAW, "valid-tiny-vault.pryx", valid, null, null));
        s.add(seed(OPEN_RAW, "other-passphrase.pryx", tinyVault(OTHER_PASSPHRASE, 2).withPayload(validPayload()),
                WRONG_PASSPHRASE, "does not open any key slot"));
        s.add(seed(OPEN_RAW, "empty.pryx", new byte[0], DAMAGED, "empty"));
        s.add(seed(OPEN_RAW, "not-a-vault.pryx", "{\"openai\":\"not a vault\"}\n".getBytes(StandardCharsets.UTF_8),
                DAMAGED, "signature"));
        byte[] badMagic = Arrays.copyOf(valid, 64);
        badMagic[1] = 'Q';
        s.add(seed(OPEN_RAW, "bad-magic.pryx", badMagic, DAMAGED, "signature"));
        s.add(seed(OPEN_RAW, "magic-only.pryx", V1Codec.MAGIC.clone(), DAMAGED, "prefix"));
        s.add(seed(OPEN_RAW, "truncated-prefix.pryx", Arrays.copyOf(valid, 12), DAMAGED, "prefix"));
        byte[] major2 = Arrays.copyOf(valid, 64);
        major2[V1Codec.MAGIC.length] = 2;
        s.add(seed(OPEN_RAW, "unsupported-major.pryx", major2, UNSUPPORTED_VERSION, "format version 2.0"));
        s.add(seed(OPEN_RAW, "header-length-zero.pryx", VaultFileEdits.withHeaderLength(Arrays.copyOf(valid, 64), 0), DAMAGED,
                "header length 0"));
        s.add(seed(OPEN_RAW, "header-length-too-large.pryx", VaultFileEdits.withHeaderLength(Arrays.copyOf(valid, 64), 0xffff_ffffL),
                DAMAGED, "header length 4294967295"));
        s.add(seed(OPEN_RAW, "header-length-past-end.pryx", VaultFileEdits.withHeaderLength(Arrays.copyOf(valid, 200), 60_000),
                DAMAGED, "past the end"));
        s.add(seed(OPEN_RAW, "ends-inside-checksum.pryx", Arrays.copyOf(valid, V1Codec.PREFIX_BYTES + header.length + 20),
                DAMAGED, "past the end"));
        byte[] flippedHeader = VaultFileEdits.minimalFile(header);
        flippedHeader[V1Codec.PREFIX_BYTES + 20] ^= 0x01;
        s.add(seed(OPEN_RAW, "header-byte-flipped.pryx", flippedHeader, DAMAGED, "checksum does not match"));
        byte[] minor1 = VaultFileEdits.minimalFile(header);
        minor1[V1Codec.MAGIC.length + 1] = 1;
        s.add(seed(OPEN_RAW, "newer-minor.pryx", VaultFileEdits.reseal(minor1), UNSUPPORTED_VERSION, "newer pryx"));
        s.add(seed(OPEN_RAW, "duplicate-key.pryx", VaultFileEdits.minimalFile(duplicateGeneration(header)), DAMAGED, "Duplicate field"));
        ObjectNode unknown = tree.deepCopy();
        unknown.put("comment", "added by hand");
        s.add(seed(OPEN_RAW, "unknown-key.pryx", VaultFileEdits.minimalFile(json(unknown)), DAMAGED, "unknown field 'comment'"));
        s.add(seed(OPEN_RAW, "trailing-json.pryx", VaultFileEdits.minimalFile(concat(header, " {}".getBytes(StandardCharsets.US_ASCII))),
                DAMAGED, "not valid JSON"));
        ObjectNode hugeMemory = tree.deepCopy();
        kdf(hugeMemory).put("memory_kib", 4 * 1024 * 1024);
        s.add(seed(OPEN_RAW, "kdf-memory-out-of-bounds.pryx", VaultFileEdits.minimalFile(json(hugeMemory)), DAMAGED,
                "unsafe key-derivation parameters"));
        ObjectNode keychain = tree.deepCopy();
        ((ObjectNode) keychain.withArray("slots").get(0)).put("type", "keychain");
        s.add(seed(OPEN_RAW, "keychain-slot.pryx", VaultFileEdits.minimalFile(json(keychain)), UNSUPPORTED_VERSION, "keychain"));
        ObjectNode nonCanonical = tree.deepCopy();
        ObjectNode payload = (ObjectNode) nonCanonical.get("payload");
        payload.put("salt", nonCanonical(payload.get("salt").textValue()));
        s.add(seed(OPEN_RAW, "non-canonical-base64.pryx", VaultFileEdits.minimalFile(json(nonCanonical)), DAMAGED, "canonical"));
        byte[] cut = Arrays.copyOf(valid, valid.length - 100);
        s.add(seed(OPEN_RAW, "truncated-in-payload.pryx", cut, DAMAGED, "fails authentication"));
        byte[] flippedPayload = valid.clone();
        flippedPayload[valid.length - 40] ^= 0x40;
        s.add(seed(OPEN_RAW, "payload-byte-flipped.pryx", flippedPayload, DAMAGED, "fails authentication"));
        s.add(seed(OPEN_RAW, "trailing-garbage.pryx", concat(valid, "garbage".getBytes(StandardCharsets.US_ASCII)),
                DAMAGED, "fails authentication"));
        ObjectNode otherCommitment = tree.deepCopy();
        ((ObjectNode) otherCommitment.get("payload")).put("commitment", base64(new byte[32]));
        s.add(seed(OPEN_RAW, "wrong-commitment.pryx",
                VaultFileEdits.reseal(VaultFileEdits.replaceHeader(valid, json(otherCommitment))), DAMAGED, "commitment"));
        return s;
    }

    /** Header JSON alone; the target wraps it in a prefix and a correct checksum. */
    static List<Seed> headerSeeds() {
        byte[] header = VaultFileEdits.headerOf(validTinyVaultFile());
        ObjectNode tree = headerTree(header);
        List<Seed> s = new ArrayList<>();
        s.add(seed(PARSE_HEADER, "valid.json", header, null, null));
        s.add(seed(PARSE_HEADER, "duplicate-key.json", duplicateGeneration(header), DAMAGED, "Duplicate field"));
        ObjectNode missing = tree.deepCopy();
        missing.remove("saved_at");
        s.add(seed(PARSE_HEADER, "missing-key.json", json(missing), DAMAGED, "lacks the field 'saved_at'"));
        s.add(seed(PARSE_HEADER, "trailing-token.json", concat(header, "[]".getBytes(StandardCharsets.US_ASCII)),
                DAMAGED, "not valid JSON"));
        s.add(seed(PARSE_HEADER, "not-an-object.json", "[1,2,3]".getBytes(StandardCharsets.US_ASCII), DAMAGED,
                "top level is not a JSON object"));
        ObjectNode bigGeneration = tree.deepCopy();
        bigGeneration.put("generation", new BigInteger("123456789012345678901234567890"));
        s.add(seed(PARSE_HEADER, "generation-too-big.json", json(bigGeneration), DAMAGED, "generation is not an integer"));
        ObjectNode fraction = tree.deepCopy();
        kdf(fraction).put("iterations", 1.5);
        s.add(seed(PARSE_HEADER, "iterations-fraction.json", json(fraction), DAMAGED, "iterations is not an integer"));
        ObjectNode argon2d = tree.deepCopy();
        kdf(argon2d).put("version", 16);
        s.add(seed(PARSE_HEADER, "argon2-version-16.json", json(argon2d), DAMAGED, "version must be 19"));
        ObjectNode tooManyLanes = tree.deepCopy();
        kdf(tooManyLanes).put("parallelism", 17);
        kdf(tooManyLanes).put("memory_kib", 1024);
        s.add(seed(PARSE_HEADER, "kdf-parallelism-out-of-bounds.json", json(tooManyLanes), DAMAGED, "parallelism 17"));
        ObjectNode shortSalt = tree.deepCopy();
        kdf(shortSalt).put("salt", base64(new byte[8]));
        s.add(seed(PARSE_HEADER, "kdf-salt-too-short.json", json(shortSalt), DAMAGED, "salt of 8 bytes"));
        ObjectNode twoSlots = tree.deepCopy();
        ArrayNode slots = twoSlots.withArray("slots");
        slots.add(slots.get(0).deepCopy());
        s.add(seed(PARSE_HEADER, "repeated-slot-id.json", json(twoSlots), DAMAGED, "malformed or repeated"));
        ObjectNode noSlots = tree.deepCopy();
        noSlots.putArray("slots");
        s.add(seed(PARSE_HEADER, "no-slots.json", json(noSlots), DAMAGED, "non-empty array"));
        ObjectNode badTime = tree.deepCopy();
        badTime.put("created_at", "2025-13-01T00:00:00Z");
        s.add(seed(PARSE_HEADER, "bad-time.json", json(badTime), DAMAGED, "ISO-8601"));
        ObjectNode upperId = tree.deepCopy();
        upperId.put("vault_id", VAULT_ID.toUpperCase(Locale.ROOT));
        s.add(seed(PARSE_HEADER, "vault-id-upper-case.json", json(upperId), DAMAGED, "lower-case UUID"));
        byte[] notUtf8 = header.clone();
        int key = indexOf(notUtf8, "\"vault_id\"".getBytes(StandardCharsets.US_ASCII));
        if (key < 0) {
            throw new IllegalStateException("the header has no vault_id");
        }
        int quote = key + 1;
        notUtf8[quote] = (byte) 0xff;
        s.add(seed(PARSE_HEADER, "not-utf8.json", notUtf8, DAMAGED, "not valid JSON"));
        byte[] deep = new byte[2 * 1500];
        Arrays.fill(deep, 0, 1500, (byte) '[');
        Arrays.fill(deep, 1500, deep.length, (byte) ']');
        s.add(seed(PARSE_HEADER, "deep-nesting.json", deep, DAMAGED, "not valid JSON"));
        return s;
    }

    /** Payload plaintexts; the target encrypts each under the tiny vault's data key. */
    static List<Seed> payloadSeeds() {
        List<Seed> s = new ArrayList<>();
        s.add(seed(OPEN_PAYLOAD, "valid.json", validPayload(), null, null));
        s.add(text(OPEN_PAYLOAD, "schema-only.json", "{\"schema\":1}"));
        s.add(text(OPEN_PAYLOAD, "padding.json", "{\"schema\":1,\"padding\":\"0000000000\"}"));
        s.add(text(OPEN_PAYLOAD, "no-schema.json", "{}"));
        s.add(text(OPEN_PAYLOAD, "newer-schema.json", "{\"schema\":2}"));
        s.add(text(OPEN_PAYLOAD, "huge-schema.json", "{\"schema\":99999999999}"));
        s.add(text(OPEN_PAYLOAD, "unknown-field.json", "{\"schema\":1,\"extra\":true}"));
        s.add(text(OPEN_PAYLOAD, "trailing-data.json", "{\"schema\":1} {}"));
        s.add(text(OPEN_PAYLOAD, "duplicate-credential.json",
                "{\"schema\":1,\"credentials\":{\"a\":[],\"a\":[]}}"));
        s.add(text(OPEN_PAYLOAD, "empty-versions.json", "{\"schema\":1,\"credentials\":{\"a\":[]}}"));
        s.add(text(OPEN_PAYLOAD, "version-not-number.json", "{\"schema\":1,\"credentials\":{\"a\":[{\"version\":\"1\","
                + "\"kind\":\"api_key\",\"created_at\":\"2025-01-01T00:00:00Z\"}]}}"));
        s.add(text(OPEN_PAYLOAD, "version-lacks-kind.json", "{\"schema\":1,\"credentials\":{\"a\":[{\"version\":1,"
                + "\"created_at\":\"2025-01-01T00:00:00Z\"}]}}"));
        s.add(text(OPEN_PAYLOAD, "bad-time.json", "{\"schema\":1,\"credentials\":{\"a\":[{\"version\":1,"
                + "\"kind\":\"api_key\",\"created_at\":\"yesterday\"}]}}"));
        s.add(text(OPEN_PAYLOAD, "secret-not-string.json", "{\"schema\":1,\"credentials\":{\"a\":[{\"version\":1,"
                + "\"kind\":\"api_key\",\"created_at\":\"2025-01-01T00:00:00Z\",\"secrets\":{\"key\":1}}]}}"));
        s.add(text(OPEN_PAYLOAD, "nested-attribute.json", "{\"schema\":1,\"credentials\":{\"a\":[{\"version\":1,"
                + "\"kind\":\"api_key\",\"created_at\":\"2025-01-01T00:00:00Z\",\"attributes\":{\"x\":{\"y\":\"z\"}}}]}}"));
        s.add(text(OPEN_PAYLOAD, "records-not-object.json", "{\"schema\":1,\"records\":{\"providers\":[1]}}"));
        s.add(text(OPEN_PAYLOAD, "deep-record.json", "{\"schema\":1,\"records\":{\"c\":{\"id\":"
                + "[".repeat(1200) + "]".repeat(1200) + "}}}"));
        s.add(seed(OPEN_PAYLOAD, "not-utf8.bin", new byte[] {'{', '"', (byte) 0xc3, (byte) 0x28, '"', ':', '1', '}'},
                null, null));
        return s;
    }

    /**
     * Edit scripts found by a local fuzzing run of {@code openMutatedVault} that get past the
     * checksum to a slot (wrong passphrase) or to a version check (unsupported); their bytes mean
     * something only to that target's FuzzedDataProvider decoding, and VaultOpenFuzzTest checks
     * they still reach these outcomes.
     */
    public static final List<String> EDITS_WRONG_PASSPHRASE = List.of("edits-reach-wrong-passphrase.bin");
    public static final List<String> EDITS_UNSUPPORTED = List.of("edits-reach-unsupported-1.bin",
            "edits-reach-unsupported-2.bin", "edits-reach-unsupported-3.bin");

    /**
     * Inputs for the FuzzedDataProvider target: the scripts above, and arbitrary bytes from a
     * fixed seed, which mostly decode to edits the checksum or the payload's tag catch (the empty
     * input, which Jazzer always adds, is the unedited vault).
     */
    static List<Seed> mutationSeeds() {
        List<Seed> s = new ArrayList<>();
        s.add(seed(OPEN_MUTATED, EDITS_WRONG_PASSPHRASE.get(0), hex("c913c47830160926"), WRONG_PASSPHRASE, null));
        s.add(seed(OPEN_MUTATED, EDITS_UNSUPPORTED.get(0), hex("b0b080eb"), UNSUPPORTED_VERSION, null));
        s.add(seed(OPEN_MUTATED, EDITS_UNSUPPORTED.get(1), hex("2db13fce738700001e"), UNSUPPORTED_VERSION, null));
        s.add(seed(OPEN_MUTATED, EDITS_UNSUPPORTED.get(2), hex("41593d002d01feffff41"), UNSUPPORTED_VERSION, null));
        SplittableRandom random = new SplittableRandom(0x5eed);
        for (int i = 0; i < 12; i++) {
            byte[] b = new byte[8 + 8 * i];
            random.nextBytes(b);
            s.add(seed(OPEN_MUTATED, String.format("edits-%02d.bin", i), b, null, null));
        }
        return s;
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    // ---- building blocks ---------------------------------------------------------------------

    private static byte[] duplicateGeneration(byte[] header) {
        // A tree cannot hold a key twice, so the duplicate is spliced into the text.
        return concat("{\"generation\":7,".getBytes(StandardCharsets.US_ASCII), Arrays.copyOfRange(header, 1, header.length));
    }

    private static ObjectNode headerTree(byte[] header) {
        try {
            return (ObjectNode) MAPPER.readTree(header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode kdf(ObjectNode header) {
        return (ObjectNode) header.withArray("slots").get(0).get("kdf");
    }

    private static byte[] json(ObjectNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same bytes in base64 whose unused low bits are not zero: decodes, but not canonical. */
    private static String nonCanonical(String canonical) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int last = canonical.indexOf('=') - 1;
        int value = alphabet.indexOf(canonical.charAt(last));
        return canonical.substring(0, last) + alphabet.charAt(value | 1) + canonical.substring(last + 1);
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Where {@code needle} first occurs in {@code haystack}, or -1. */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Seed seed(String dir, String name, byte[] bytes, VaultFormatException.Problem expected, String detail) {
        return new Seed(dir, name, bytes, expected, detail);
    }

    /** A payload seed; what the vault makes of it is checked by the fuzz target itself. */
    private static Seed text(String dir, String name, String json) {
        return new Seed(dir, name, json.getBytes(StandardCharsets.UTF_8), null, null);
    }

    /**
     * A SecureRandom that is not random at all: the same seed gives the same bytes, so the corpus
     * can be regenerated byte for byte. For building test fixtures only.
     */
    static final class SeededRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient SplittableRandom source;

        SeededRandom(long seed) {
            this.source = new SplittableRandom(seed);
        }

        @Override
        public void nextBytes(byte[] bytes) {
            source.nextBytes(bytes);
        }
    }

    /** Writes every seed under the resources root given as the only argument. */
    public static void main(String[] args) throws IOException {
        Path root = Paths.get(args.length > 0 ? args[0] : "src/test/resources");
        int count = 0;
        long total = 0;
        for (Seed seed : seeds()) {
            Path dir = root.resolve(seed.directory());
            Files.createDirectories(dir);
            Files.write(dir.resolve(seed.name()), seed.bytes());
            count++;
            total += seed.bytes().length;
        }
        System.out.println("wrote " + count + " seeds, " + total + " bytes, under " + root.toAbsolutePath());
    }
}
