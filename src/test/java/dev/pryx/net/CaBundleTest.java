package dev.pryx.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.support.PryxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("CaBundle")
class CaBundleTest {
    static TestCa root;
    static TestCa issuing;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCas() throws Exception {
        root = TestCa.create("Pryx Test Root");
        issuing = TestCa.create("Pryx Test Issuing");
    }

    Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("bundle.pem"), content, StandardCharsets.ISO_8859_1);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> refused(Path file) {
        return assertThatThrownBy(() -> CaBundle.read(file))
                .isInstanceOfSatisfying(PryxException.class, e -> assertThat(e.kind()).isEqualTo(PryxException.Kind.USAGE))
                .hasMessageStartingWith("The CA bundle " + file + " ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\tat ").doesNotContain("Exception"));
    }

    @Nested
    @DisplayName("reads")
    class Reads {
        @Test
        @DisplayName("every certificate of a bundle, in order, skipping comments and other blocks as distribution bundles have them")
        void bundle() throws Exception {
            Path f = file("# Corporate roots, managed by IT\r\n\r\n# Issuer: CN=Pryx Test Root\r\n" + root.pem().replace("\n", "\r\n")
                    + "\n-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49\n-----END PRIVATE KEY-----\n"
                    + "  " + issuing.pem().replace("\n", "\n  ") + "\n# end\n");
            CaBundle bundle = CaBundle.read(f);
            assertThat(bundle.file()).isEqualTo(f);
            assertThat(bundle.certificates()).containsExactly(root.certificate(), issuing.certificate());
        }

        @Test
        @DisplayName("a single certificate")
        void single() throws Exception {
            assertThat(CaBundle.read(file(root.pem())).certificates()).containsExactly(root.certificate());
        }
    }

    @Nested
    @DisplayName("refuses, naming the file")
    class Refuses {
        @Test
        @DisplayName("a file that does not exist")
        void missing() {
            refused(dir.resolve("nope.pem")).hasMessage("The CA bundle " + dir.resolve("nope.pem") + " does not exist.");
        }

        @Test
        @DisplayName("a directory")
        void directory() {
            refused(dir).hasMessageContaining("is a directory, not a PEM file");
        }

        @Test
        @DisplayName("a file it may not read")
        void unreadable() throws Exception {
            Path f = file(root.pem());
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("-w-------"));
            Assumptions.assumeFalse(Files.isReadable(f), "root reads every file; permissions cannot be tested here");
            refused(f).hasMessageContaining("cannot be read (permission denied)");
        }

        @Test
        @DisplayName("an empty file, or one of blank lines")
        void empty() throws Exception {
            refused(file("")).hasMessageEndingWith(" is empty.");
            refused(file("\n  \n")).hasMessageEndingWith(" is empty.");
        }

        @Test
        @DisplayName("text without a certificate block, e.g. a key alone")
        void noCertificate() throws Exception {
            refused(file("-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49\n-----END PRIVATE KEY-----\n"))
                    .hasMessageContaining("holds no certificate: a PEM bundle has one or more -----BEGIN CERTIFICATE----- blocks");
        }

        @Test
        @DisplayName("a DER certificate, saying how to convert it")
        void der() throws Exception {
            Path f = Files.write(dir.resolve("ca.der"), root.certificate().getEncoded());
            refused(f).hasMessageContaining("is a DER (binary) certificate, not PEM")
                    .hasMessageContaining("openssl x509 -inform der -in ca.der");
        }

        @Test
        @DisplayName("a certificate block cut short")
        void truncated() throws Exception {
            String pem = issuing.pem();
            refused(file(root.pem() + pem.substring(0, pem.indexOf("-----END"))))
                    .hasMessageContaining("has a certificate (number 2) without its -----END CERTIFICATE----- line");
            refused(file(pem.substring(0, pem.indexOf("-----END")) + root.pem()))
                    .hasMessageContaining("has a certificate (number 1) without its -----END CERTIFICATE----- line");
        }

        @Test
        @DisplayName("a damaged certificate: bad Base64, or Base64 that is not a certificate")
        void damaged() throws Exception {
            refused(file(root.pem() + "-----BEGIN CERTIFICATE-----\nnot*base64!\n-----END CERTIFICATE-----\n"))
                    .hasMessageContaining("has a damaged certificate (number 2)");
            refused(file("-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n"))
                    .hasMessageContaining("has a damaged certificate (number 1)");
        }

        @Test
        @DisplayName("a file larger than 10 MiB, without reading it")
        void huge() throws Exception {
            Path f = dir.resolve("huge.pem");
            try (var channel = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(new byte[] {'x'}), CaBundle.MAX_BYTES);
            }
            refused(f).hasMessageContaining("is larger than 10 MiB");
        }
    }
}
