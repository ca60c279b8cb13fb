package dev.pryx.tui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.support.Environment;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("ColorMode.detect")
class ColorModeTest {

    /** Columns: NO_COLOR, TERM, COLORTERM (empty cell = unset, '' = set to the empty string). */
    @ParameterizedTest(name = "NO_COLOR={0} TERM={1} COLORTERM={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        // NO_COLOR wins over everything when it has any value, even "0" or a space
        "1,    xterm-256color, truecolor, NONE",
        "0,    xterm-256color, truecolor, NONE",
        "' ',  xterm,          -,         NONE",
        "true, -,              -,         NONE",
        // ... but an empty NO_COLOR counts as unset (no-color.org)
        "'',   xterm-256color, -,         PALETTE_256",
        // a dumb terminal gets no colour, whatever COLORTERM says
        "-,    dumb,           truecolor, NONE",
        "-,    DUMB,           -,         NONE",
        // COLORTERM announces 24-bit colour
        "-,    xterm-256color, truecolor, TRUE_COLOR",
        "-,    xterm,          24bit,     TRUE_COLOR",
        "-,    -,              TrueColor, TRUE_COLOR",
        "-,    xterm-direct,   -,         TRUE_COLOR",
        // other COLORTERM values say nothing about depth
        "-,    xterm-256color, yes,       PALETTE_256",
        "-,    xterm,          '',        ANSI_16",
        // 256 colours from TERM
        "-,    xterm-256color, -,         PALETTE_256",
        "-,    tmux-256color,  -,         PALETTE_256",
        "-,    screen-256color-bce, -,    PALETTE_256",
        // everything else: the 16 ANSI colours
        "-,    xterm,          -,         ANSI_16",
        "-,    linux,          -,         ANSI_16",
        "-,    screen,         -,         ANSI_16",
        "-,    -,              -,         ANSI_16",
    })
    void detect(String noColor, String term, String colorTerm, ColorMode expected) {
        Map<String, String> vars = new HashMap<>();
        put(vars, "NO_COLOR", noColor);
        put(vars, "TERM", term);
        put(vars, "COLORTERM", colorTerm);
        assertThat(ColorMode.detect(Environment.of(vars))).isEqualTo(expected);
    }

    private static void put(Map<String, String> vars, String name, String value) {
        if (value != null) {
            vars.put(name, value);
        }
    }
}
