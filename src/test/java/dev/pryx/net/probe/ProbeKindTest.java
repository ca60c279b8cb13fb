package dev.pryx.net.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ProbeKind")
class ProbeKindTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProbeKind.class)
    @DisplayName("is found by its wire name")
    void roundTrip(ProbeKind kind) {
        assertThat(ProbeKind.fromWireName(kind.wireName())).isSameAs(kind);
        assertThat(ProbeKind.find(" " + kind.wireName().toUpperCase(java.util.Locale.ROOT) + " ")).contains(kind);
    }

    @Test
    @DisplayName("has the overlay's names")
    void names() {
        assertThat(ProbeKind.values()).extracting(ProbeKind::wireName)
                .containsExactly("openai-models", "anthropic-models", "gemini-models", "openrouter-key", "ollama");
    }

    @Test
    @DisplayName("takes openai-compatible as another name for openai-models (the same request)")
    void alias() {
        assertThat(ProbeKind.fromWireName("openai-compatible")).isSameAs(ProbeKind.OPENAI_MODELS);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "openai", "models", "bedrock-models"})
    @DisplayName("refuses a name it does not know")
    void unknown(String name) {
        assertThat(ProbeKind.find(name)).isEmpty();
        assertThatThrownBy(() -> ProbeKind.fromWireName(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown connection test kind");
    }

    @Test
    @DisplayName("refuses null")
    void nullName() {
        assertThat(ProbeKind.find(null)).isEmpty();
        assertThatThrownBy(() -> ProbeKind.fromWireName(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("knows every test kind the shipped overlay names")
    void overlayKinds() throws IOException {
        JsonNode overlay = new ObjectMapper().readTree(Path.of("src/main/resources/dev/pryx/catalog/overlay.json").toFile());
        Set<String> kinds = new TreeSet<>();
        overlay.path("providers").forEach(p -> {
            if (p.hasNonNull("test")) {
                kinds.add(p.get("test").asText());
            }
        });
        assertThat(kinds).isNotEmpty().allSatisfy(k -> assertThat(ProbeKind.find(k)).as(k).isPresent());
    }
}
