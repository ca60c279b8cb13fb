package dev.pryx.vault.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pryx.support.SecretBytes;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Known-answer tests for the AEAD every vault file rests on: AES-256-GCM with 96-bit nonces and
 * 128-bit tags, through {@link AesGcm}. The vectors are a subset of Project Wycheproof's
 * {@code aes_gcm_test.json} (Apache License 2.0); the resource file's header says which subset.
 */
@DisplayName("AesGcm")
class AesGcmTest {
    private static final String VECTORS = "wycheproof/aes_gcm_256_test.json";
    private static final HexFormat HEX = HexFormat.of();

    /** One Wycheproof AEAD test case. */
    record Vector(int tcId, List<String> flags, boolean valid, String displayName, byte[] key, byte[] iv, byte[] aad,
                  byte[] msg, byte[] ct, byte[] tag) {

        static Vector of(WycheproofFile.Case c) {
            return new Vector(c.tcId(), c.flags(), c.valid(), c.displayName(), c.hex("key"), c.hex("iv"), c.hex("aad"),
                    c.hex("msg"), c.hex("ct"), c.hex("tag"));
        }

        /** Ciphertext and tag as one array: the layout {@link AesGcm} reads and writes. */
        byte[] sealed() {
            byte[] out = Arrays.copyOf(ct, ct.length + tag.length);
            System.arraycopy(tag, 0, out, ct.length, tag.length);
            return out;
        }
    }

    static JsonNode document() {
        return WycheproofFile.document(VECTORS);
    }

    static List<Vector> vectors() {
        return WycheproofFile.cases(VECTORS).stream().map(Vector::of).toList();
    }

    @TestFactory
    @DisplayName("Wycheproof AES-256-GCM vectors")
    Stream<DynamicTest> wycheproof() {
        return vectors().stream().map(v -> dynamicTest(v.displayName(), () -> {
            if (v.valid()) {
                checkValid(v);
            } else {
                checkInvalid(v);
            }
        }));
    }

    private static void checkValid(Vector v) {
        assertThat(AesGcm.encrypt(v.key(), v.iv(), v.aad(), v.msg()))
                .as("encryption gives the vector's ciphertext and tag")
                .isEqualTo(v.sealed());
        try (SecretBytes plaintext = AesGcm.decrypt(v.key(), v.iv(), v.aad(), v.sealed())) {
            assertThat(plaintext).as("decryption of a valid vector").isNotNull();
            assertThat(plaintext.bytes()).isEqualTo(v.msg());
        }
    }

    private static void checkInvalid(Vector v) {
        assertThat(AesGcm.decrypt(v.key(), v.iv(), v.aad(), v.sealed()))
                .as("an invalid vector yields no plaintext at all")
                .isNull();
        if (v.flags().contains("ModifiedTag")) {
            // The forgery is the honest encryption with only its tag changed, so the refusal above
            // is down to the tag check alone.
            byte[] honest = AesGcm.encrypt(v.key(), v.iv(), v.aad(), v.msg());
            assertThat(Arrays.copyOf(honest, v.ct().length)).isEqualTo(v.ct());
            assertThat(Arrays.copyOfRange(honest, v.ct().length, honest.length)).isNotEqualTo(v.tag());
            try (SecretBytes plaintext = AesGcm.decrypt(v.key(), v.iv(), v.aad(), honest)) {
                assertThat(plaintext).isNotNull();
                assertThat(plaintext.bytes()).isEqualTo(v.msg());
            }
        }
    }

    @Nested
    @DisplayName("The vector file")
    class VectorFile {
        @Test
        @DisplayName("holds only AES-256 keys, 96-bit nonces and 128-bit tags, as its header says")
        void holdsOnlyTheConstructionInUse() {
            JsonNode doc = document();
            assertThat(doc.get("source").get("license").asText()).isEqualTo("Apache-2.0");
            for (JsonNode group : doc.get("testGroups")) {
                assertThat(group.get("keySize").asInt()).isEqualTo(V1Codec.KEY_BYTES * 8);
                assertThat(group.get("ivSize").asInt()).isEqualTo(AesGcm.NONCE_BYTES * 8);
                assertThat(group.get("tagSize").asInt()).isEqualTo(AesGcm.TAG_BYTES * 8);
            }
            for (Vector v : vectors()) {
                assertThat(v.key()).hasSize(V1Codec.KEY_BYTES);
                assertThat(v.iv()).hasSize(AesGcm.NONCE_BYTES);
                assertThat(v.tag()).hasSize(AesGcm.TAG_BYTES);
            }
        }

        @Test
        @DisplayName("has the cases it declares: 21 valid and 27 with a modified tag")
        void hasTheDeclaredCases() {
            List<Vector> all = vectors();
            assertThat(all).hasSize(document().get("numberOfTests").asInt()).hasSize(48);
            assertThat(all).filteredOn(Vector::valid).hasSize(21);
            assertThat(all).filteredOn(v -> !v.valid()).hasSize(27)
                    .allSatisfy(v -> assertThat(v.flags()).containsExactly("ModifiedTag"));
            assertThat(all).extracting(Vector::tcId).doesNotHaveDuplicates();
        }
    }

    @Nested
    @DisplayName("Beyond the vectors")
    class BeyondTheVectors {
        private final Vector base = vectors().stream().filter(v -> v.tcId() == 102).findFirst().orElseThrow();

        @Test
        @DisplayName("input shorter than a tag decrypts to nothing, without an exception")
        void shorterThanATag() {
            for (int n = 0; n < AesGcm.TAG_BYTES; n++) {
                assertThat(AesGcm.decrypt(base.key(), base.iv(), base.aad(), Arrays.copyOf(base.sealed(), n)))
                        .as("%d bytes", n)
                        .isNull();
            }
        }

        @Test
        @DisplayName("a flip of any bit of ciphertext or tag is refused")
        void everyBitOfTheSealedMessageCounts() {
            byte[] sealed = base.sealed();
            for (int bit = 0; bit < sealed.length * 8; bit++) {
                byte[] changed = sealed.clone();
                changed[bit / 8] ^= (byte) (1 << (bit % 8));
                assertThat(AesGcm.decrypt(base.key(), base.iv(), base.aad(), changed)).as("bit %d", bit).isNull();
            }
        }

        @Test
        @DisplayName("a flip of any bit of the associated data, nonce or key is refused")
        void everyBitOfTheContextCounts() {
            for (int bit = 0; bit < base.aad().length * 8; bit++) {
                byte[] aad = flip(base.aad(), bit);
                assertThat(AesGcm.decrypt(base.key(), base.iv(), aad, base.sealed())).as("aad bit %d", bit).isNull();
            }
            for (int bit = 0; bit < base.iv().length * 8; bit++) {
                byte[] iv = flip(base.iv(), bit);
                assertThat(AesGcm.decrypt(base.key(), iv, base.aad(), base.sealed())).as("nonce bit %d", bit).isNull();
            }
            for (int bit = 0; bit < base.key().length * 8; bit++) {
                byte[] key = flip(base.key(), bit);
                assertThat(AesGcm.decrypt(key, base.iv(), base.aad(), base.sealed())).as("key bit %d", bit).isNull();
            }
        }

        @Test
        @DisplayName("dropping or adding a byte at the end is refused")
        void lengthChangesAreRefused() {
            byte[] sealed = base.sealed();
            assertThat(AesGcm.decrypt(base.key(), base.iv(), base.aad(), Arrays.copyOf(sealed, sealed.length - 1))).isNull();
            assertThat(AesGcm.decrypt(base.key(), base.iv(), base.aad(), Arrays.copyOf(sealed, sealed.length + 1))).isNull();
        }

        private byte[] flip(byte[] in, int bit) {
            byte[] out = in.clone();
            out[bit / 8] ^= (byte) (1 << (bit % 8));
            return out;
        }
    }
}
