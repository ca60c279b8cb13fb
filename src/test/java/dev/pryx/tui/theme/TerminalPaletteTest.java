package dev.pryx.tui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("TerminalPalette")
class TerminalPaletteTest {

    @Nested
    @DisplayName("holds xterm's colours")
    class Values {
        @ParameterizedTest(name = "index {0} is #{1}")
        @CsvSource({
            "0, 000000", "1, cd0000", "7, e5e5e5", "8, 7f7f7f", "12, 5c5cff", "15, ffffff",
            "16, 000000", "17, 00005f", "21, 0000ff", "196, ff0000", "46, 00ff00", "231, ffffff",
            "59, 5f5f5f", "102, 878787", "145, afafaf", "188, d7d7d7",
            "232, 080808", "244, 808080", "255, eeeeee",
        })
        @DisplayName("at the documented indexes")
        void rgb(int index, String hex) {
            assertThat(TerminalPalette.rgbOf(index)).isEqualTo(Integer.parseInt(hex, 16));
        }

        @Test
        @DisplayName("which Lanterna itself uses for its indexed colours from 16 up")
        void sameAsLanterna() {
            for (int i = TerminalPalette.CUBE_START; i < TerminalPalette.SIZE; i++) {
                TextColor.Indexed lanterna = new TextColor.Indexed(i);
                int rgb = TerminalPalette.rgb(lanterna.getRed(), lanterna.getGreen(), lanterna.getBlue());
                assertThat(TerminalPalette.rgbOf(i)).as("index %d", i).isEqualTo(rgb);
            }
        }
    }

    @Nested
    @DisplayName("finds the nearest 256-palette colour")
    class Nearest256 {
        @Test
        @DisplayName("exactly for every colour of the cube and the grey ramp")
        void exact() {
            for (int i = TerminalPalette.CUBE_START; i < TerminalPalette.SIZE; i++) {
                assertThat(TerminalPalette.nearest256(TerminalPalette.rgbOf(i))).as("index %d", i).isEqualTo(i);
            }
        }

        @ParameterizedTest(name = "#{0} -> {1}")
        @CsvSource({
            "ff0000, 196", "000000, 16", "ffffff, 231", "808080, 244", "00ff00, 46", "0000ff, 21",
            // near misses land on the nearest step
            "fe0101, 196", "7a7a7a, 243", "0a0a0a, 232", "f0f0f0, 255",
        })
        @DisplayName("for a few well-known colours; black is the cube's 16, never the re-colourable 0")
        void known(String hex, int index) {
            assertThat(TerminalPalette.nearest256(Integer.parseInt(hex, 16))).isEqualTo(index);
        }

        @Test
        @DisplayName("keeping every grey grey: on the ramp or the cube's diagonal")
        void greysStayGrey() {
            for (int v = 0; v < 256; v++) {
                int index = TerminalPalette.nearest256(TerminalPalette.rgb(v, v, v));
                int rgb = TerminalPalette.rgbOf(index);
                assertThat(rgb >> 16 & 0xff).as("grey %d -> %d", v, index)
                        .isEqualTo(rgb >> 8 & 0xff).isEqualTo(rgb & 0xff);
            }
        }

        @Test
        @DisplayName("and ranks every candidate, nearest first, each once")
        void ranking() {
            int rgb = 0x6aaed6;
            int[] ranked = TerminalPalette.ranked256(rgb);
            assertThat(ranked).containsExactlyInAnyOrder(IntStream.range(16, 256).toArray());
            for (int i = 1; i < ranked.length; i++) {
                assertThat(TerminalPalette.distance(rgb, TerminalPalette.rgbOf(ranked[i - 1])))
                        .isLessThanOrEqualTo(TerminalPalette.distance(rgb, TerminalPalette.rgbOf(ranked[i])));
            }
        }
    }

    @Nested
    @DisplayName("finds the nearest ANSI colour")
    class NearestAnsi {
        @Test
        @DisplayName("exactly for each of the 16")
        void exact() {
            for (int i = 0; i < TerminalPalette.ANSI_SIZE; i++) {
                assertThat(TerminalPalette.nearestAnsi(TerminalPalette.rgbOf(i))).as("index %d", i).isEqualTo(i);
            }
        }

        @ParameterizedTest(name = "#{0} -> {1}")
        @CsvSource({
            "fe0101, RED_BRIGHT", "b00000, RED", "101010, BLACK", "f8f8f8, WHITE_BRIGHT", "e0e0e0, WHITE",
            "808080, BLACK_BRIGHT", "ffff33, YELLOW_BRIGHT", "00e0e0, CYAN", "0000c0, BLUE",
        })
        @DisplayName("for colours near one of them")
        void near(String hex, String name) {
            assertThat(TerminalPalette.ansiName(TerminalPalette.nearestAnsi(Integer.parseInt(hex, 16)))).isEqualTo(name);
        }

        @Test
        @DisplayName("and ranks all 16, nearest first")
        void ranking() {
            assertThat(TerminalPalette.rankedAnsi(0x1a1a1a)).hasSize(16).startsWith(0, 8)
                    .containsExactlyInAnyOrder(IntStream.range(0, 16).toArray());
        }
    }

    @Nested
    @DisplayName("names ANSI colours")
    class Names {
        @Test
        @DisplayName("as Lanterna's colour factory reads them, each to the matching constant")
        void lanternaReadsThem() {
            for (int i = 0; i < TerminalPalette.ANSI_SIZE; i++) {
                String name = TerminalPalette.ansiName(i);
                assertThat(TextColor.Factory.fromString(name)).isEqualTo(TextColor.ANSI.valueOf(name));
                assertThat(TerminalPalette.ansiIndex(name)).isEqualTo(i);
                assertThat(TerminalPalette.ansiIndex(name.toLowerCase(Locale.ROOT))).isEqualTo(i);
            }
            assertThat(TerminalPalette.ansiName(15)).isEqualTo("WHITE_BRIGHT");
            assertThat(TerminalPalette.ansiIndex("default")).isEqualTo(-1);
            assertThat(TerminalPalette.ansiIndex("#ffffff")).isEqualTo(-1);
        }

        @Test
        @DisplayName("in upper case, which Lanterna still reads under a Turkish locale")
        void turkishLocale() {
            Locale saved = Locale.getDefault();
            try {
                Locale.setDefault(Locale.forLanguageTag("tr-TR"));
                assertThat(TextColor.Factory.fromString(TerminalPalette.ansiName(15))).isEqualTo(TextColor.ANSI.WHITE_BRIGHT);
            } finally {
                Locale.setDefault(saved);
            }
        }
    }

    @Test
    @DisplayName("measures distance symmetrically, zero only for the same colour")
    void distance() {
        assertThat(TerminalPalette.distance(0x123456, 0x123456)).isZero();
        assertThat(TerminalPalette.distance(0x000000, 0xffffff)).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(TerminalPalette.distance(0xff0000, 0x00ff00)).isEqualTo(TerminalPalette.distance(0x00ff00, 0xff0000));
        assertThat(TerminalPalette.distance(0x010101, 0x000000)).isPositive();
    }
}
