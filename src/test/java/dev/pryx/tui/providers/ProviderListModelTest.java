package dev.pryx.tui.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.provider.ProviderView;
import dev.pryx.tui.text.CellWidth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The provider list's rows")
class ProviderListModelTest {
    private static ProviderView view(String name, String keyState, String fingerprint, boolean active, String auth) {
        return new ProviderView("openai", name, "openai", true, auth, keyState, fingerprint, "gpt-5", "https://x", active);
    }

    @Test
    @DisplayName("say the key's fingerprint when set, 'no key' when missing, and mark the active provider")
    void rows() {
        ProviderListModel.Row set = ProviderListModel.row(view("OpenAI", "set", "fp:0123456789ab", true, "api_key"));
        assertThat(set.marker()).isEqualTo("●");
        assertThat(set.auth()).isEqualTo("key fp:0123456789ab");
        ProviderListModel.Row missing = ProviderListModel.row(view("OpenAI", "missing", null, false, "api_key"));
        assertThat(missing.marker()).isEqualTo(" ");
        assertThat(missing.auth()).isEqualTo("no key");
        assertThat(ProviderListModel.row(view("Ollama", "not needed", null, false, "none")).auth()).isEqualTo("none needed");
        assertThat(ProviderListModel.row(view("Gemini", "missing", null, false, "oauth2")).auth()).startsWith("OAuth");
    }

    @Test
    @DisplayName("format to exactly the width in cells, with wide names too, so columns line up")
    void aligned() {
        for (String name : new String[] {"OpenAI", "深度求索 DeepSeek", "🚀 Rocket AI", "a".repeat(80)}) {
            ProviderListModel.Row row = ProviderListModel.row(view(name, "set", "fp:0123456789ab", false, "api_key"));
            for (int width : new int[] {79, 119}) {
                String line = ProviderListPane.format(row, width);
                assertThat(CellWidth.of(line)).as(name + " at " + width).isEqualTo(width);
                String beforeAuth = line.substring(0, line.indexOf("key fp:"));
                assertThat(CellWidth.of(beforeAuth)).as("auth column of " + name)
                        .isEqualTo(CellWidth.of(ProviderListPane.format(
                                ProviderListModel.row(view("x", "set", "fp:0123456789ab", false, "api_key")), width)
                                .substring(0, ProviderListPane.format(ProviderListModel.row(
                                        view("x", "set", "fp:0123456789ab", false, "api_key")), width).indexOf("key fp:"))));
            }
        }
    }
}
