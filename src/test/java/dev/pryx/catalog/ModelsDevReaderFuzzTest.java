package dev.pryx.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/**
 * Jazzer fuzz target for the models.dev reader. A refresh feeds {@link ModelsDevReader} whatever
 * a server sends, so it must refuse anything unusable with a {@link CatalogFormatException} and
 * never fail in another way; what it accepts must hold the records' promises. (The overlay is
 * pryx's own file inside the jar, not outside input, so it has no target: compiling its key
 * patterns is exactly what Jazzer's regex-injection sanitizer would report.)
 *
 * <p>Without {@code JAZZER_FUZZ} these run as regression tests over the seeds in
 * {@code src/test/resources/dev/pryx/catalog/ModelsDevReaderFuzzTestInputs/<method>/} plus an
 * empty input (see {@code docs/fuzzing.md}).
 */
@DisplayName("models.dev reader under fuzzing")
class ModelsDevReaderFuzzTest {
    private static final int MAX_INPUT_BYTES = 256 * 1024;

    @FuzzTest(maxDuration = "5m")
    void readArbitraryBytes(byte[] json) {
        if (json.length > MAX_INPUT_BYTES) {
            return;
        }
        byte[] before = json.clone();
        List<CatalogProvider> providers;
        try {
            providers = ModelsDevReader.read(json);
        } catch (CatalogFormatException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(json).as("read must not modify its input").isEqualTo(before);
        for (CatalogProvider p : providers) {
            assertThat(p.id()).isNotBlank();
            assertThat(p.name()).isNotBlank();
            assertThat(p.raw().has("models")).isFalse();
            assertThat(p.envVars()).doesNotContainNull();
            for (Map.Entry<String, CatalogModel> e : p.models().entrySet()) {
                CatalogModel m = e.getValue();
                assertThat(m.id()).isEqualTo(e.getKey()).isNotBlank();
                assertThat(m.name()).isNotNull();
                assertThat(m.contextTokens() == null || m.contextTokens() > 0).isTrue();
                assertThat(m.outputTokens() == null || m.outputTokens() > 0).isTrue();
                assertThat(m.inputCostPerMillion() == null || m.inputCostPerMillion() >= 0).isTrue();
                assertThat(m.outputCostPerMillion() == null || m.outputCostPerMillion() >= 0).isTrue();
            }
        }
        for (CatalogProvider p : Overlay.empty().apply(providers)) {
            assertThat(p.authTypes()).isNotEmpty();
        }
    }
}
