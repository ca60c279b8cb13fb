package dev.pryx.vault.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pryx.support.SecretBytes;
import java.nio.charset.StandardCharsets;
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
 * Known-answer tests for {@link Hkdf}, which splits the data key into the per-save payload key,
 * nonce and key commitment, and the passphrase key into wrapping key and check value.
 */
@DisplayName("Hkdf (HKDF-SHA-256)")
class HkdfTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String VECTORS = "wycheproof/hkdf_sha256_test.json";

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    private static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        try (SecretBytes okm = Hkdf.sha256(ikm, salt, info, length)) {
            return okm.bytes().clone();
        }
    }

    /** RFC 5869 appendix A, the three SHA-256 cases (A.1 to A.3). */
    @Nested
    @DisplayName("RFC 5869 appendix A")
    class Rfc5869 {
        private final byte[] ikm22 = filled(22, 0x0b);

        @Test
        @DisplayName("test case 1: basic, 42 bytes")
        void testCase1() {
            assertThat(derive(ikm22, hex("000102030405060708090a0b0c"), hex("f0f1f2f3f4f5f6f7f8f9"), 42))
                    .isEqualTo(hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                            + "34007208d5b887185865"));
        }

        @Test
        @DisplayName("test case 2: 80-byte inputs, 82 bytes out (three expansion blocks)")
        void testCase2() {
            byte[] ikm = range(0x00, 0x50);
            byte[] salt = range(0x60, 0xb0);
            byte[] info = range(0xb0, 0x100);
            assertThat(derive(ikm, salt, info, 82))
                    .isEqualTo(hex("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                            + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                            + "cc30c58179ec3e87c14c01d5c1f3434f1d87"));
        }

        @Test
        @DisplayName("test case 3: no salt and no info, given as null (as V1Codec's slot keys are) or as empty arrays")
        void testCase3() {
            byte[] expected = hex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
                    + "9d201395faa4b61a96c8");
            assertThat(derive(ikm22, null, new byte[0], 42)).isEqualTo(expected);
            assertThat(derive(ikm22, new byte[0], new byte[0], 42)).isEqualTo(expected);
            try (SecretBytes okm = Hkdf.sha256(ikm22, null, "", 42)) {
                assertThat(okm.bytes()).isEqualTo(expected);
            }
        }

        private byte[] filled(int n, int value) {
            byte[] b = new byte[n];
            Arrays.fill(b, (byte) value);
            return b;
        }

        private byte[] range(int from, int to) {
            byte[] b = new byte[to - from];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (from + i);
            }
            return b;
        }
    }

    /** One Wycheproof HKDF test case. */
    record Vector(int tcId, List<String> flags, boolean valid, String displayName, byte[] ikm, byte[] salt, byte[] info,
                  int size, byte[] okm) {
        static Vector of(WycheproofFile.Case c) {
            return new Vector(c.tcId(), c.flags(), c.valid(), c.displayName(), c.hex("ikm"), c.hex("salt"), c.hex("info"),
                    c.fields().get("size").asInt(), c.hex("okm"));
        }
    }

    static JsonNode document() {
        return WycheproofFile.document(VECTORS);
    }

    static List<Vector> vectors() {
        return WycheproofFile.cases(VECTORS).stream().map(Vector::of).toList();
    }

    @TestFactory
    @DisplayName("Wycheproof HKDF-SHA-256 vectors")
    Stream<DynamicTest> wycheproof() {
        return vectors().stream().map(v -> dynamicTest(v.displayName(), () -> {
            if (v.valid()) {
                assertThat(derive(v.ikm(), v.salt(), v.info(), v.size())).isEqualTo(v.okm());
            } else {
                // More than 255 blocks of output would repeat the counter byte: refused, nothing returned.
                assertThatThrownBy(() -> Hkdf.sha256(v.ikm(), v.salt(), v.info(), v.size()))
                        .isInstanceOf(RuntimeException.class);
            }
        }));
    }

    @Test
    @DisplayName("the Wycheproof file has the cases its header declares, with both results present")
    void vectorFileIsComplete() {
        List<Vector> all = vectors();
        assertThat(document().get("source").get("license").asText()).isEqualTo("Apache-2.0");
        assertThat(all).hasSize(document().get("numberOfTests").asInt()).hasSize(19);
        assertThat(all).filteredOn(v -> !v.valid()).extracting(Vector::tcId).containsExactly(25, 74);
        assertThat(all).extracting(Vector::tcId).doesNotHaveDuplicates().contains(1, 2, 3);
    }

    @Test
    @DisplayName("the largest legal output, 255 blocks, is produced; one byte more is refused")
    void outputLimit() {
        byte[] ikm = hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        assertThat(derive(ikm, null, new byte[0], 255 * 32)).hasSize(255 * 32);
        assertThatThrownBy(() -> Hkdf.sha256(ikm, null, new byte[0], 255 * 32 + 1))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    @DisplayName("a text label is used as its US-ASCII bytes")
    void textInfo() {
        byte[] ikm = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        String label = "pryx-vault-v1/payload";
        try (SecretBytes fromText = Hkdf.sha256(ikm, null, label, 76)) {
            assertThat(fromText.bytes()).isEqualTo(derive(ikm, null, label.getBytes(StandardCharsets.US_ASCII), 76));
            assertThat(fromText.bytes()).isNotEqualTo(derive(ikm, null, "pryx-vault-v1/passphrase-slot"
                    .getBytes(StandardCharsets.US_ASCII), 76));
        }
    }
}
