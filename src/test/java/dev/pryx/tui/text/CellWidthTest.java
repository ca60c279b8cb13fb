package dev.pryx.tui.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("CellWidth")
class CellWidthTest {
    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // 👨‍👩‍👧
    private static final String FLAG_DE = "\uD83C\uDDE9\uD83C\uDDEA"; // 🇩🇪
    private static final String ROCKET = "\uD83D\uDE80"; // 🚀
    private static final String E_ACUTE = "e\u0301"; // e + combining acute
    private static final String HEART = "\u2764\uFE0F"; // ❤️: text-default heart asked to show as emoji
    private static final String THUMBS_UP_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD"; // 👍🏽
    private static final String RAINBOW_FLAG = "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08"; // 🏳️‍🌈
    private static final String KEYCAP_ONE = "1\uFE0F\u20E3"; // 1️⃣
    private static final String ELLIPSIS = "\u2026";

    @Nested
    @DisplayName("of a code point")
    class CodePoint {
        @ParameterizedTest(name = "U+{0} takes {1}")
        @CsvSource({
            // ASCII and Latin
            "0041, 1", "007E, 1", "00E9, 1", "00AD, 1",
            // controls print nothing
            "0000, 0", "0009, 0", "001B, 0", "007F, 0", "0085, 0",
            // combining marks, joiners, selectors, format characters
            "0301, 0", "20E3, 0", "200D, 0", "200B, 0", "FE0F, 0", "FE0E, 0", "FE00, 0", "E0100, 0", "E01EF, 0",
            "E0067, 0", "1160, 0", "11A8, 0",
            // wide: CJK, kana, Hangul, fullwidth forms, CJK punctuation
            "6DF1, 2", "4E00, 2", "9FFF, 2", "3042, 2", "30AB, 2", "AC00, 2", "D7A3, 2", "1100, 2",
            "FF01, 2", "FF21, 2", "FF60, 2", "FFE0, 2", "FFE6, 2", "3000, 2", "3001, 2", "20000, 2", "2A6DF, 2",
            // half-width forms stay narrow
            "FF61, 1", "FF9E, 1", "FFE8, 1",
            // emoji with emoji presentation by default
            "1F680, 2", "1F600, 2", "1F64F, 2", "1F300, 2", "1F920, 2", "1F9FF, 2", "1FAE0, 2", "2705, 2", "26A1, 2",
            "231A, 2", "2B50, 2", "1F3FD, 2",
            // text presentation by default: one cell unless followed by U+FE0F
            "2764, 1", "263A, 1", "2600, 1", "1F321, 1", "2122, 1", "00A9, 1",
            // regional indicators alone, Ambiguous width characters
            "1F1E9, 1", "00B1, 1", "2500, 1", "03B1, 1",
        })
        @DisplayName("by the table")
        void table(String hex, int width) {
            assertThat(CellWidth.of(Integer.parseInt(hex, 16))).isEqualTo(width);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {-1, 0x110000, Integer.MAX_VALUE})
        @DisplayName("and refuses what is no code point")
        void invalid(int codePoint) {
            assertThatIllegalArgumentException().isThrownBy(() -> CellWidth.of(codePoint));
        }

        @Test
        @DisplayName("for every character of the fullwidth ASCII block and the Hangul syllables")
        void blocks() {
            for (int c = 0xFF01; c <= 0xFF60; c++) {
                assertThat(CellWidth.of(c)).as("U+%X", c).isEqualTo(2);
            }
            for (int c = 0xAC00; c <= 0xD7A3; c++) {
                assertThat(CellWidth.of(c)).as("U+%X", c).isEqualTo(2);
            }
        }
    }

    @Nested
    @DisplayName("of text")
    class Text {
        @ParameterizedTest(name = "{0} takes {1}")
        @CsvSource({
            "'', 0", "abc, 3", "'gpt-4o mini', 11",
            "深度求索, 8", "DeepSeek 深度求索, 17", "한국어, 6", "カタカナ, 8", "ｆｕｌｌ, 8",
            "🚀, 2", "a🚀b, 4", "😀😀, 4",
        })
        @DisplayName("adds up the cells of its characters")
        void sums(String text, int width) {
            assertThat(CellWidth.of(text)).isEqualTo(width);
        }

        @Test
        @DisplayName("counts a letter with its combining accents as one cell")
        void combining() {
            assertThat(CellWidth.of(E_ACUTE)).isEqualTo(1);
            assertThat(CellWidth.of("Mo" + "\u0308" + "tley")).isEqualTo(6);
            assertThat(CellWidth.of("a\u0301\u0302\u0303")).isEqualTo(1);
            assertThat(CellWidth.of("\u1100\u1161\u11A8")).as("conjoining Hangul jamo").isEqualTo(2);
        }

        @Test
        @DisplayName("counts emoji sequences as one picture of two cells")
        void emojiSequences() {
            assertThat(CellWidth.of(FAMILY)).as("ZWJ family").isEqualTo(2);
            assertThat(CellWidth.of(FLAG_DE)).as("flag").isEqualTo(2);
            assertThat(CellWidth.of(HEART)).as("base + U+FE0F").isEqualTo(2);
            assertThat(CellWidth.of("\u263A\uFE0F")).as("smiley + U+FE0F").isEqualTo(2);
            assertThat(CellWidth.of(THUMBS_UP_MEDIUM)).as("skin tone").isEqualTo(2);
            assertThat(CellWidth.of(RAINBOW_FLAG)).as("rainbow flag").isEqualTo(2);
            assertThat(CellWidth.of(KEYCAP_ONE)).as("keycap").isEqualTo(2);
            assertThat(CellWidth.of("\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F"))
                    .as("tag sequence (England)").isEqualTo(2);
            assertThat(CellWidth.of("\uD83D\uDC68\u200D\u2695\uFE0F")).as("health worker").isEqualTo(2);
        }

        @Test
        @DisplayName("counts sequences next to each other and to text separately")
        void neighbours() {
            assertThat(CellWidth.of(FAMILY + FAMILY)).isEqualTo(4);
            assertThat(CellWidth.of(FLAG_DE + FLAG_DE)).isEqualTo(4);
            assertThat(CellWidth.of(FLAG_DE + "\uD83C\uDDE9")).as("a flag and a lone indicator").isEqualTo(3);
            assertThat(CellWidth.of("ok" + HEART + "!")).isEqualTo(5);
            assertThat(CellWidth.of("a\u200Db")).as("a joiner between letters joins nothing").isEqualTo(2);
            assertThat(CellWidth.of("\uD83C\uDFFD")).as("a lone skin tone").isEqualTo(2);
            assertThat(CellWidth.of("a\uD83C\uDFFD")).as("a skin tone after a letter").isEqualTo(3);
            assertThat(CellWidth.of(ROCKET + "\u200D")).as("a trailing joiner").isEqualTo(2);
        }

        @Test
        @DisplayName("counts control characters and a lone surrogate without failing")
        void oddities() {
            assertThat(CellWidth.of("a\tb\u001b")).isEqualTo(2);
            assertThat(CellWidth.of("x\uD83D")).isEqualTo(2);
            assertThat(CellWidth.of("\uDE80y")).isEqualTo(2);
            assertThat(CellWidth.of("\u0301")).as("a mark with no base").isZero();
        }
    }

    @Nested
    @DisplayName("fit")
    class Fit {
        @ParameterizedTest(name = "\"{0}\" in {1} -> \"{2}\"")
        @CsvSource(delimiter = '|', value = {
            "abc       | 5 | 'abc  '",
            "abc       | 3 | abc",
            "abcdef    | 4 | abc…",
            "abcdef    | 1 | …",
            "abcdef    | 0 | ''",
            "''        | 2 | '  '",
            // CJK cut at an even and at an odd boundary
            "深度求索   | 8 | 深度求索",
            "深度求索   | 7 | 深度求…",
            "深度求索   | 6 | '深度… '",
            "深度求索   | 5 | 深度…",
            "深度求索   | 2 | '… '",
            // a wide character that would straddle the end becomes a space
            "a深度      | 4 | a深…",
            "a深度      | 3 | 'a… '",
            "ab深度     | 4 | 'ab… '",
            "ab深       | 3 | ab…",
            "ab深       | 4 | ab深",
            "DeepSeek 深度求索 | 12 | 'DeepSeek 深…'",
            "DeepSeek 深度求索 | 11 | 'DeepSeek … '",
        })
        @DisplayName("pads or cuts to exactly the columns")
        void examples(String text, int columns, String expected) {
            String fitted = CellWidth.fit(text, columns);
            assertThat(fitted).isEqualTo(expected);
            assertThat(CellWidth.of(fitted)).isEqualTo(columns);
        }

        @Test
        @DisplayName("never splits an emoji sequence, a surrogate pair or a letter from its accents")
        void keepsClustersWhole() {
            assertThat(CellWidth.fit("ab" + FAMILY + "cd", 4)).isEqualTo("ab" + ELLIPSIS + " ");
            assertThat(CellWidth.fit("ab" + FAMILY + "cd", 5)).isEqualTo("ab" + FAMILY + ELLIPSIS);
            assertThat(CellWidth.fit(FLAG_DE + FLAG_DE, 3)).isEqualTo(FLAG_DE + ELLIPSIS);
            assertThat(CellWidth.fit(FLAG_DE + FLAG_DE, 2)).isEqualTo(ELLIPSIS + " ");
            assertThat(CellWidth.fit(ROCKET + ROCKET, 3)).isEqualTo(ROCKET + ELLIPSIS);
            assertThat(CellWidth.fit(E_ACUTE + E_ACUTE + E_ACUTE, 2)).isEqualTo(E_ACUTE + ELLIPSIS);
            assertThat(CellWidth.fit(E_ACUTE + E_ACUTE, 2)).isEqualTo(E_ACUTE + E_ACUTE);
            assertThat(CellWidth.fit(HEART + "xyz", 3)).isEqualTo(HEART + ELLIPSIS);
            assertThat(CellWidth.fit(THUMBS_UP_MEDIUM + "!", 2)).isEqualTo(ELLIPSIS + " ");
            assertThat(CellWidth.fit("\uD83C\uDDE9\u0301xyz", 2)).as("a lone indicator keeps its mark")
                    .isEqualTo("\uD83C\uDDE9\u0301" + ELLIPSIS);
        }

        @Test
        @DisplayName("refuses negative columns")
        void negative() {
            assertThatIllegalArgumentException().isThrownBy(() -> CellWidth.fit("a", -1));
        }

        @Test
        @DisplayName("always gives exactly the columns, cut at a cluster boundary (seeded random text)")
        void property() {
            List<String> pieces = List.of("a", "Z", "7", " ", "-", "深", "度", "한", "カ", "ｆ", ROCKET, "😀", FAMILY,
                    FLAG_DE, "\uD83C\uDDE9", E_ACUTE, "a\u0301\u0323", HEART, THUMBS_UP_MEDIUM, RAINBOW_FLAG,
                    KEYCAP_ONE, "\u200D", "\uFE0F", "\u0301", "\u1100\u1161\u11A8", "\u00AD", "é");
            Random random = new Random(20240917L);
            for (int round = 0; round < 5_000; round++) {
                StringBuilder text = new StringBuilder();
                int count = random.nextInt(12);
                for (int i = 0; i < count; i++) {
                    text.append(pieces.get(random.nextInt(pieces.size())));
                }
                int columns = random.nextInt(16);
                String fitted = CellWidth.fit(text, columns);
                String context = "round " + round + ": \"" + text + "\" in " + columns;
                assertThat(CellWidth.of(fitted)).as(context).isEqualTo(columns);
                int width = CellWidth.of(text);
                if (width <= columns) {
                    assertThat(fitted).as(context).isEqualTo(text + " ".repeat(columns - width));
                } else if (columns > 0) {
                    String kept = fitted.substring(0, fitted.lastIndexOf(ELLIPSIS));
                    assertThat(fitted.substring(kept.length() + 1)).as(context).isBlank();
                    assertThat(text.toString()).as(context).startsWith(kept);
                    assertThat(CellWidth.of(kept) + CellWidth.of(text.substring(kept.length()))).as(context).isEqualTo(width);
                    assertThat(isBoundary(text, kept.length())).as(context).isTrue();
                } else {
                    assertThat(fitted).as(context).isEmpty();
                }
            }
        }

        /**
         * Whether a cut at {@code index} keeps surrogate pairs, letters with their marks and flags
         * whole; a cut through an emoji sequence shows in the widths of the two halves instead.
         */
        private boolean isBoundary(CharSequence text, int index) {
            if (index == 0 || index == text.length()) {
                return true;
            }
            if (Character.isLowSurrogate(text.charAt(index)) && Character.isHighSurrogate(text.charAt(index - 1))) {
                return false;
            }
            if (CellWidth.of(Character.codePointAt(text, index)) == 0) {
                return false; // no controls among the pieces: every zero-width one is a mark or joiner
            }
            int indicators = 0;
            for (int i = index; i > 0 && isRegionalIndicator(Character.codePointBefore(text, i)); i -= 2) {
                indicators++;
            }
            return indicators % 2 == 0 || !isRegionalIndicator(Character.codePointAt(text, index));
        }

        private boolean isRegionalIndicator(int codePoint) {
            return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
        }
    }

    @Nested
    @DisplayName("pads")
    class Pad {
        @Test
        @DisplayName("on the right or the left by cells, returning wider text whole")
        void pad() {
            assertThat(CellWidth.padRight("深度", 6)).isEqualTo("深度  ");
            assertThat(CellWidth.padLeft("42", 5)).isEqualTo("   42");
            assertThat(CellWidth.padLeft(ROCKET, 3)).isEqualTo(" " + ROCKET);
            assertThat(CellWidth.padRight(E_ACUTE, 2)).isEqualTo(E_ACUTE + " ");
            assertThat(CellWidth.padRight("深度求索", 4)).isEqualTo("深度求索");
            assertThat(CellWidth.padLeft("abc", -1)).isEqualTo("abc");
        }
    }
}
