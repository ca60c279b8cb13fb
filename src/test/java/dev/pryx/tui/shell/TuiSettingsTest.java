package dev.pryx.tui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.support.PryxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("TUI settings")
class TuiSettingsTest {
    @TempDir
    Path config;

    @Test
    @DisplayName("have no theme before one is saved, and return the saved one after")
    void roundTrip() {
        TuiSettings settings = new TuiSettings(config);
        assertThat(settings.theme()).isEmpty();
        settings.saveTheme("light");
        assertThat(new TuiSettings(config).theme()).contains("light");
    }

    @Test
    @DisplayName("keep fields a later version wrote")
    void keepsUnknownFields() throws IOException {
        Files.writeString(config.resolve(TuiSettings.FILE_NAME), "{\"theme\":\"dark\",\"future\":[1,2]}");
        new TuiSettings(config).saveTheme("light");
        assertThat(Files.readString(config.resolve(TuiSettings.FILE_NAME))).contains("\"future\"").contains("light");
    }

    @Test
    @DisplayName("treat a damaged file as no choice, and replace it on the next save")
    void damagedFile() throws IOException {
        Files.writeString(config.resolve(TuiSettings.FILE_NAME), "{not json");
        TuiSettings settings = new TuiSettings(config);
        assertThat(settings.theme()).isEmpty();
        settings.saveTheme("high-contrast");
        assertThat(settings.theme()).contains("high-contrast");
    }

    @Test
    @DisplayName("report a failed save in one sentence, leave what was there, and leave no temporary file behind")
    void failedSave() throws IOException {
        TuiSettings settings = new TuiSettings(config);
        // A non-empty directory where the file goes: the atomic move over it fails (root ignores modes).
        Path blocker = Files.createDirectories(config.resolve(TuiSettings.FILE_NAME));
        Files.writeString(blocker.resolve("keep"), "x");
        assertThatThrownBy(() -> settings.saveTheme("light")).isInstanceOf(PryxException.class)
                .hasMessageContaining("could not be saved");
        assertThat(blocker.resolve("keep")).hasContent("x");
        try (java.util.stream.Stream<Path> files = Files.list(config)) {
            assertThat(files).containsExactly(blocker);
        }
    }
}
