package dev.pryx.vault.v1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pryx.support.Secret;
import dev.pryx.support.SecretBytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzz targets' seed corpus is what {@link FuzzCorpus} generates, and each seed reaches the
 * branch it is named after. Without this, a format change could quietly turn every seed into
 * "checksum does not match" and the regression run would still pass while testing nothing.
 */
@DisplayName("The committed fuzz seed corpus")
class FuzzCorpusTest {
    private final V1Codec codec = new V1Codec(KdfBounds.relaxedForTests(), new SecureRandom());

    static Stream<FuzzCorpus.Seed> allSeeds() {
        return FuzzCorpus.seeds().stream();
    }

    static Stream<FuzzCorpus.Seed> fileSeeds() {
        return FuzzCorpus.fileSeeds().stream();
    }

    static Stream<FuzzCorpus.Seed> headerSeeds() {
        return FuzzCorpus.headerSeeds().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allSeeds")
    @DisplayName("each committed seed is byte for byte what the generator makes (else run FuzzCorpus.main)")
    void committedSeedsAreCurrent(FuzzCorpus.Seed seed) throws IOException {
        String resource = "/" + seed.directory() + "/" + seed.name();
        try (InputStream in = FuzzCorpusTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("committed seed %s", resource).isNotNull();
            assertThat(in.readAllBytes()).as("seed %s is stale; regenerate it with FuzzCorpus.main", resource)
                    .isEqualTo(seed.bytes());
        }
    }

    @Test
    @DisplayName("the generator is deterministic and the corpus stays small")
    void deterministicAndSmall() {
        List<FuzzCorpus.Seed> first = FuzzCorpus.seeds();
        List<FuzzCorpus.Seed> second = FuzzCorpus.seeds();
        assertThat(first).hasSameSizeAs(second);
        long total = 0;
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).bytes()).as(first.get(i).name()).isEqualTo(first.get(i).bytes());
            total += first.get(i).bytes().length;
        }
        assertThat(total).as("corpus bytes").isLessThan(100 * 1024);
        assertThat(first.stream().map(s -> s.directory() + "/" + s.name()).distinct()).hasSameSizeAs(first);
    }

    @Nested
    @DisplayName("whole-file seeds")
    class FileSeeds {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.pryx.vault.v1.FuzzCorpusTest#fileSeeds")
        @DisplayName("unlock with the fuzz passphrase ends the way the seed's name says")
        void reachesItsBranch(FuzzCorpus.Seed seed) {
            Map<KdfParameters, SecretBytes> derived = new HashMap<>();
            try (Secret passphrase = Secret.adopt(FuzzCorpus.PASSPHRASE.toCharArray())) {
                if (seed.expected() == null) {
                    V1Codec.Opened opened = assertOpens(seed.bytes(), passphrase, derived);
                    assertThat(new String(opened.plaintext().bytes(), StandardCharsets.UTF_8))
                            .contains(FuzzCorpus.TEST_KEY);
                    opened.plaintext().close();
                    opened.dataKey().close();
                } else {
                    VaultFormatException e = catchThrowableOfType(VaultFormatException.class,
                            () -> codec.unlock(seed.bytes(), passphrase, derived));
                    assertThat(e).as(seed.name()).isNotNull();
                    assertThat(e.problem()).as(seed.name()).isEqualTo(seed.expected());
                    assertThat(e.detail()).as(seed.name()).contains(seed.detail());
                }
            } finally {
                derived.values().forEach(SecretBytes::close);
            }
        }

        private V1Codec.Opened assertOpens(byte[] file, Secret passphrase, Map<KdfParameters, SecretBytes> derived) {
            try {
                return codec.unlock(file, passphrase, derived);
            } catch (VaultFormatException e) {
                throw new AssertionError("the valid seed does not open: " + e.getMessage(), e);
            }
        }
    }

    @Nested
    @DisplayName("header seeds")
    class HeaderSeeds {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.pryx.vault.v1.FuzzCorpusTest#headerSeeds")
        @DisplayName("wrapped with a correct checksum, parse ends the way the seed's name says")
        void reachesItsBranch(FuzzCorpus.Seed seed) {
            byte[] file = VaultFileEdits.minimalFile(seed.bytes());
            if (seed.expected() == null) {
                assertThat(parses(file)).as(seed.name()).isNull();
            } else {
                VaultFormatException e = parses(file);
                assertThat(e).as(seed.name()).isNotNull();
                assertThat(e.problem()).as(seed.name()).isEqualTo(seed.expected());
                assertThat(e.detail()).as(seed.name()).contains(seed.detail());
            }
        }

        private VaultFormatException parses(byte[] file) {
            try {
                codec.parse(file);
                return null;
            } catch (VaultFormatException e) {
                return e;
            }
        }
    }
}
