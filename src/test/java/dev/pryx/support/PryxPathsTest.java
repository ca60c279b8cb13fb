package dev.pryx.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PryxPaths")
class PryxPathsTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    @DisplayName("PRYX_HOME holds everything")
    void pryxHome() {
        PryxPaths p = PryxPaths.resolve(Environment.of(Map.of("PRYX_HOME", "/srv/pryx", "XDG_DATA_HOME", "/x")), HOME);
        assertThat(p.data()).isEqualTo(Path.of("/srv/pryx/data"));
        assertThat(p.vaultFile()).isEqualTo(Path.of("/srv/pryx/data/vault.pryx"));
        assertThat(p.logDirectory()).isEqualTo(Path.of("/srv/pryx/state/logs"));
    }

    @Test
    @DisplayName("XDG variables, with the spec's fallbacks")
    void xdg() {
        PryxPaths p = PryxPaths.resolve(Environment.of(Map.of("XDG_CONFIG_HOME", "/c", "XDG_STATE_HOME", "/s")), HOME);
        assertThat(p.config()).isEqualTo(Path.of("/c/pryx"));
        assertThat(p.data()).isEqualTo(Path.of("/home/ada/.local/share/pryx"));
        assertThat(p.cache()).isEqualTo(Path.of("/home/ada/.cache/pryx"));
        assertThat(p.state()).isEqualTo(Path.of("/s/pryx"));
    }

    @Test
    @DisplayName("relative XDG values are ignored, as the spec says")
    void relativeIgnored() {
        PryxPaths p = PryxPaths.resolve(Environment.of(Map.of("XDG_DATA_HOME", "relative/dir")), HOME);
        assertThat(p.data()).isEqualTo(Path.of("/home/ada/.local/share/pryx"));
    }
}
