package dev.pryx.tui.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.pryx.TestSecrets;
import dev.pryx.provider.PassphraseSource;
import dev.pryx.provider.ProviderManager;
import dev.pryx.provider.ProviderView;
import dev.pryx.tui.VirtualTui;
import dev.pryx.tui.text.CellWidth;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("EditProviderPane on a virtual terminal")
class EditProviderPaneTest {
    @TempDir
    Path home;

    private static VirtualTui.Options options() {
        return new VirtualTui.Options().env(PassphraseSource.PASSPHRASE_VARIABLE, TestSecrets.PASSPHRASE);
    }

    @BeforeEach
    void openai() {
        try (VirtualTui earlier = VirtualTui.start(home, options())) {
            earlier.manager().addProvider(new ProviderManager.NewProvider("openai", null, null, null, null));
        }
    }

    private static EditProviderPane openEdit(VirtualTui tui) {
        tui.type("e");
        assertThat(tui.top()).isInstanceOf(EditProviderPane.class);
        return (EditProviderPane) tui.top();
    }

    /** Empties the focused text field. */
    private static void clearField(VirtualTui tui, int length) {
        tui.press(KeyType.End);
        for (int i = 0; i < length; i++) {
            tui.press(KeyType.Backspace);
        }
    }

    private static ProviderView saved(VirtualTui tui) {
        return tui.manager().listProviders().get(0);
    }

    @Test
    @DisplayName("renames a provider: Enter saves and the list shows the new name")
    void rename() {
        try (VirtualTui tui = VirtualTui.start(home, options())) {
            EditProviderPane pane = openEdit(tui);
            assertThat(tui.screen()).contains("Name").contains("OpenAI").contains("https://api.openai.com/v1");
            assertThat(pane.hasUnsavedInput()).isFalse();

            clearField(tui, "OpenAI".length());
            tui.type("Work OpenAI");
            assertThat(pane.hasUnsavedInput()).isTrue();
            tui.press(KeyType.Enter);

            assertThat(tui.top()).isInstanceOf(ProviderListPane.class);
            assertThat(saved(tui).name()).isEqualTo("Work OpenAI");
            assertThat(tui.screen()).contains("Saved Work OpenAI (openai): name.").contains("Work OpenAI");
        }
    }

    @Test
    @DisplayName("an invalid URL shows the manager's sentence and keeps everything typed")
    void invalidUrl() {
        try (VirtualTui tui = VirtualTui.start(home, options())) {
            EditProviderPane pane = openEdit(tui);
            clearField(tui, "OpenAI".length());
            tui.type("Renamed");
            tui.press(KeyType.Tab);
            clearField(tui, "https://api.openai.com/v1".length());
            tui.type("ftp://example.com/v1");
            tui.press(KeyType.Enter);

            assertThat(tui.top()).isSameAs(pane);
            assertThat(tui.screen()).contains("The base URL must start with https:// or http://")
                    .contains("ftp://example.com/v1").contains("Renamed");
            assertThat(saved(tui).name()).as("nothing saved").isEqualTo("OpenAI");
            assertThat(pane.hasUnsavedInput()).isTrue();

            tui.press(KeyType.Escape);
            assertThat(tui.screen()).as("Esc asks before dropping the changes").contains("Discard your changes to OpenAI?");
            tui.type("y");
            assertThat(tui.top()).isInstanceOf(ProviderListPane.class);
            assertThat(saved(tui).baseUrl()).isEqualTo("https://api.openai.com/v1");
        }
    }

    @Test
    @DisplayName("Space on Enabled switches the provider off; Esc without changes goes straight back")
    void toggle() {
        try (VirtualTui tui = VirtualTui.start(home, options())) {
            openEdit(tui);
            tui.press(KeyType.Escape);
            assertThat(tui.top()).isInstanceOf(ProviderListPane.class);

            openEdit(tui);
            tui.press(KeyType.Tab).press(KeyType.Tab).type(" ");
            tui.press(KeyType.Enter);
            assertThat(tui.top()).isInstanceOf(ProviderListPane.class);
            assertThat(saved(tui).enabled()).isFalse();
            assertThat(tui.screen()).contains("Saved OpenAI (openai): turned off.");
        }
    }

    @Test
    @DisplayName("fits 80x24 with the fields and the footer visible")
    void small() {
        try (VirtualTui tui = VirtualTui.start(home, options().size(80, 24))) {
            openEdit(tui);
            String[] rows = tui.screen().split("\n");
            assertThat(rows).hasSize(24).allSatisfy(r -> assertThat(CellWidth.of(r)).isLessThanOrEqualTo(80));
            assertThat(String.join("\n", rows)).contains("Base URL").contains("https://api.openai.com/v1").contains("Enabled");
            assertThat(rows[23]).contains("Enter save").contains("Ctrl+C quit");
        }
    }
}
