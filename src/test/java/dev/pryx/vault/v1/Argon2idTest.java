package dev.pryx.vault.v1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.support.Secret;
import dev.pryx.support.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Known-answer tests for {@link Argon2id}: if Bouncy Castle's Argon2 or our use of it drifted, every
 * existing vault would stop opening, so the exact output is pinned here.
 */
@DisplayName("Argon2id")
class Argon2idTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Nested
    @DisplayName("RFC 9106")
    class Rfc9106 {
        /**
         * RFC 9106 section 5.3: Argon2id version 0x13, 32 KiB, 3 passes, 4 lanes, 32-byte tag;
         * password 32 x 0x01, salt 16 x 0x02, secret 8 x 0x03, associated data 12 x 0x04.
         */
        @Test
        @DisplayName("section 5.3 vector: m=32 KiB, t=3, p=4, with secret and associated data")
        void section53() {
            KdfParameters params = new KdfParameters(32, 3, 4, filled(16, 0x02));
            try (SecretBytes tag = Argon2id.derive(filled(32, 0x01), params, filled(8, 0x03), filled(12, 0x04), 32)) {
                assertThat(tag.bytes()).isEqualTo(HEX.parseHex(
                        "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"));
            }
        }

        @Test
        @DisplayName("the secret and the associated data each change the tag")
        void secretAndAssociatedDataAreInputs() {
            KdfParameters params = new KdfParameters(32, 3, 4, filled(16, 0x02));
            byte[] password = filled(32, 0x01);
            try (SecretBytes full = Argon2id.derive(password, params, filled(8, 0x03), filled(12, 0x04), 32);
                 SecretBytes noSecret = Argon2id.derive(password, params, null, filled(12, 0x04), 32);
                 SecretBytes noData = Argon2id.derive(password, params, filled(8, 0x03), null, 32)) {
                assertThat(noSecret.bytes()).isNotEqualTo(full.bytes());
                assertThat(noData.bytes()).isNotEqualTo(full.bytes());
                assertThat(noSecret.bytes()).isNotEqualTo(noData.bytes());
            }
        }
    }

    /**
     * Vectors of the reference implementation's test suite (phc-winner-argon2, {@code src/test.c},
     * Argon2id version 0x13, password "password", salt "somesalt", no secret, no associated data),
     * taken through the passphrase overload: the exact path a vault slot uses.
     */
    @Nested
    @DisplayName("reference implementation vectors, through the passphrase path")
    class ReferenceImplementation {
        private final byte[] salt = "somesalt".getBytes(StandardCharsets.US_ASCII);

        private byte[] derive(int memoryKib, int iterations, int parallelism) {
            try (Secret passphrase = Secret.adopt("password".toCharArray());
                 SecretBytes key = Argon2id.derive(passphrase, new KdfParameters(memoryKib, iterations, parallelism, salt))) {
                assertThat(key.length()).isEqualTo(Argon2id.OUTPUT_BYTES);
                return key.bytes().clone();
            }
        }

        @Test
        @DisplayName("m=256 KiB, t=2, p=1")
        void smallOneLane() {
            assertThat(derive(256, 2, 1))
                    .isEqualTo(HEX.parseHex("9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe"));
        }

        @Test
        @DisplayName("m=256 KiB, t=2, p=2")
        void smallTwoLanes() {
            assertThat(derive(256, 2, 2))
                    .isEqualTo(HEX.parseHex("6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037"));
        }

        @Test
        @DisplayName("m=64 MiB (the production memory cost), t=2, p=1")
        void productionMemory() {
            assertThat(derive(65536, 2, 1))
                    .isEqualTo(HEX.parseHex("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7"));
        }
    }

    @Test
    @DisplayName("a passphrase is taken as the UTF-8 bytes of its NFC form: composed and decomposed accents derive alike")
    void passphraseIsNfcUtf8() {
        KdfParameters params = new KdfParameters(64, 1, 1, filled(16, 0x2a));
        String composed = "p\u00e4ssw\u00f6rd \u2603";
        String decomposed = "pa\u0308ssw" + "o\u0308rd \u2603";
        try (Secret nfc = Secret.adopt(composed.toCharArray());
             Secret nfd = Secret.adopt(decomposed.toCharArray());
             SecretBytes viaNfc = Argon2id.derive(nfc, params);
             SecretBytes viaNfd = Argon2id.derive(nfd, params);
             SecretBytes nfcBytes = Argon2id.derive(composed.getBytes(StandardCharsets.UTF_8), params, null, null, 32);
             SecretBytes latin1Bytes = Argon2id.derive(composed.getBytes(StandardCharsets.ISO_8859_1), params, null, null,
                     32)) {
            assertThat(viaNfc.bytes()).isEqualTo(nfcBytes.bytes());
            assertThat(viaNfd.bytes()).isEqualTo(nfcBytes.bytes());
            assertThat(viaNfc.bytes()).isNotEqualTo(latin1Bytes.bytes());
        }
    }

    @Test
    @DisplayName("an ASCII passphrase is taken byte for byte")
    void asciiPassphrase() {
        KdfParameters params = new KdfParameters(64, 1, 1, filled(16, 0x2a));
        try (Secret passphrase = Secret.adopt("correct horse battery staple".toCharArray());
             SecretBytes viaSecret = Argon2id.derive(passphrase, params);
             SecretBytes viaBytes = Argon2id.derive("correct horse battery staple".getBytes(StandardCharsets.US_ASCII),
                     params, null, null, 32)) {
            assertThat(viaSecret.bytes()).isEqualTo(viaBytes.bytes());
        }
    }
}
