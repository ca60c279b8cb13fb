package dev.pryx.tui.palette;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("FuzzyMatcher")
class FuzzyMatcherTest {

    private final FuzzyMatcher matcher = new FuzzyMatcher();

    private int score(String query, String label) {
        FuzzyMatcher.Match match = matcher.match(query, label);
        assertThat(match).as("%s matches %s", query, label).isNotNull();
        return match.score();
    }

    private int[] positions(String query, String label) {
        FuzzyMatcher.Match match = matcher.match(query, label);
        assertThat(match).as("%s matches %s", query, label).isNotNull();
        return match.positions();
    }

    @Nested
    @DisplayName("matching")
    class Matching {

        @Test
        @DisplayName("a query matches when its characters appear in order, in any case")
        void subsequence() {
            assertThat(positions("abc", "a-b-c")).containsExactly(0, 2, 4);
            assertThat(positions("GPT", "gpt-5")).containsExactly(0, 1, 2);
            assertThat(positions("gpt", "GPT-5")).containsExactly(0, 1, 2);
        }

        @Test
        @DisplayName("characters out of order, missing, or too many give no match")
        void noMatch() {
            assertThat(matcher.match("cba", "abc")).isNull();
            assertThat(matcher.match("gpt6", "gpt-5")).isNull();
            assertThat(matcher.match("aa", "a")).isNull();
            assertThat(matcher.match("x", "")).isNull();
        }

        @Test
        @DisplayName("an empty or blank query matches everything with score 0 and nothing highlighted")
        void emptyQuery() {
            assertThat(matcher.match("", "anything").score()).isZero();
            assertThat(matcher.match("  ", "anything").positions()).isEmpty();
        }

        @Test
        @DisplayName("whitespace in the query is ignored, so words can be typed with or without spaces")
        void whitespaceIgnored() {
            assertThat(positions("claude sonnet", "Claude Sonnet 4"))
                    .containsExactly(0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12);
            assertThat(score("claude sonnet", "Claude Sonnet 4")).isEqualTo(score("claudesonnet", "Claude Sonnet 4"));
        }

        @Test
        @DisplayName("the highlighted run is the consecutive one, not the first scattered letters")
        void prefersRuns() {
            assertThat(positions("gpt", "g p gpt")).containsExactly(4, 5, 6);
            assertThat(positions("model", "my old model")).containsExactly(7, 8, 9, 10, 11);
        }
    }

    @Nested
    @DisplayName("scoring")
    class Scoring {

        @Test
        @DisplayName("gpt5 prefers gpt-5 (5 starts a word) over gpt-4.1-mini-2025 (5 at the far end)")
        void gpt5() {
            assertThat(score("gpt5", "gpt-5")).isGreaterThan(score("gpt5", "gpt-4.1-mini-2025"));
            assertThat(positions("gpt5", "gpt-4.1-mini-2025")).containsExactly(0, 1, 2, 16);
        }

        @Test
        @DisplayName("word starts beat a consecutive run inside a word")
        void wordStarts() {
            assertThat(score("rc", "Refresh catalog")).isGreaterThan(score("rc", "Source control"));
            assertThat(score("uml", "Use model: Llama")).isGreaterThan(score("uml", "cumulative"));
            assertThat(positions("oai", "OpenAI")).containsExactly(0, 4, 5);
        }

        @Test
        @DisplayName("camel humps count as word starts")
        void camelHumps() {
            assertThat(score("or", "OpenRouter")).isGreaterThan(score("or", "Openworker"));
        }

        @Test
        @DisplayName("a prefix match beats the same letters later in the label")
        void prefix() {
            assertThat(score("set", "Set key")).isGreaterThan(score("set", "Reset defaults"));
            assertThat(score("gem", "Gemini 2.5 Pro")).isGreaterThan(score("gem", "Vertex Gemini"));
        }

        @Test
        @DisplayName("of two equally good placements, the shorter label wins")
        void shorter() {
            assertThat(score("gpt5", "gpt-5")).isGreaterThan(score("gpt5", "gpt-5-mini-high"));
        }

        @Test
        @DisplayName("the score is the best over all placements, and the positions returned achieve it "
                + "(checked against brute force on 2,000 seeded random cases)")
        void optimalAgainstBruteForce() {
            Random random = new Random(42);
            String alphabet = "ab-c A.";
            int checked = 0;
            while (checked < 2_000) {
                String label = randomString(random, alphabet, 1 + random.nextInt(11));
                String query = randomString(random, "abc", 1 + random.nextInt(4));
                FuzzyMatcher.Match match = matcher.match(query, label);
                int best = bruteForce(query, label);
                if (best == Integer.MIN_VALUE) {
                    assertThat(match).as("%s in %s", query, label).isNull();
                    continue;
                }
                assertThat(match).as("%s in %s", query, label).isNotNull();
                assertThat(match.score()).as("%s in %s", query, label).isEqualTo(best);
                assertThat(placementScore(match.positions(), label)).as("%s in %s", query, label).isEqualTo(best);
                checked++;
            }
        }

        private String randomString(Random random, String alphabet, int length) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < length; i++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return s.toString();
        }

        /** The scoring rules written out plainly, over every placement. */
        private int bruteForce(String query, String label) {
            return place(query.toLowerCase(java.util.Locale.ROOT), label, 0, 0, new int[query.length()]);
        }

        private int place(String query, String label, int i, int from, int[] chosen) {
            if (i == query.length()) {
                return placementScore(chosen, label);
            }
            int best = Integer.MIN_VALUE;
            for (int j = from; j < label.length(); j++) {
                if (Character.toLowerCase(label.charAt(j)) == query.charAt(i)) {
                    chosen[i] = j;
                    best = Math.max(best, place(query, label, i + 1, j + 1, chosen));
                }
            }
            return best;
        }

        private int placementScore(int[] p, String label) {
            byte[] bonus = FuzzyMatcher.bonuses(label);
            int total = 0;
            for (int i = 0; i < p.length; i++) {
                total += FuzzyMatcher.SCORE_MATCH + bonus[p[i]];
                if (i == 0 && p[0] == 0) {
                    total += FuzzyMatcher.BONUS_PREFIX;
                }
                if (i > 0) {
                    int gap = p[i] - p[i - 1] - 1;
                    total += gap == 0 ? FuzzyMatcher.BONUS_CONSECUTIVE
                            : -FuzzyMatcher.GAP_START - FuzzyMatcher.GAP_EXTEND * (gap - 1);
                }
            }
            return total - FuzzyMatcher.lengthPenalty(label.length());
        }
    }

    @Nested
    @DisplayName("unicode labels")
    class Unicode {

        @Test
        @DisplayName("accented Latin and Greek letters match their base letter, in either direction")
        void accents() {
            assertThat(positions("uber", "Über Modell")).containsExactly(0, 1, 2, 3);
            assertThat(positions("ÜBER", "uber modell")).containsExactly(0, 1, 2, 3);
            assertThat(positions("ελληνικα", "Ελληνικά")).hasSize(8);
        }

        @Test
        @DisplayName("positions are char indices of the original label, also after CJK and emoji")
        void positionsInOriginal() {
            assertThat(positions("qwen", "通义千问 Qwen Max")).containsExactly(5, 6, 7, 8);
            assertThat(positions("千问", "通义千问 Qwen Max")).containsExactly(2, 3);
            String rocket = "\uD83D\uDE80 Rocket";
            assertThat(positions("rocket", rocket)).containsExactly(3, 4, 5, 6, 7, 8);
        }

        @Test
        @DisplayName("Hangul syllables are not split into their letters")
        void hangul() {
            assertThat(positions("한", "한국어 모델")).containsExactly(0);
            assertThat(matcher.match("ㅎ", "한국어 모델")).isNull();
        }
    }

    @Nested
    @DisplayName("ranking a list")
    class Ranking {
        record Item(String id, String name) {
        }

        private final List<Item> items = List.of(new Item("gpt-4.1-mini", "GPT-4.1 mini"), new Item("gpt-5", null),
                new Item("o3", "OpenAI o3"), new Item("gpt-5-mini", "GPT-5 mini"));

        private List<String> ranked(String query) {
            return matcher.rank(query, items, i -> java.util.Arrays.asList(i.id(), i.name())).stream().map(Item::id).toList();
        }

        @Test
        @DisplayName("keeps the list as it is for an empty or blank query")
        void blank() {
            assertThat(ranked("")).containsExactly("gpt-4.1-mini", "gpt-5", "o3", "gpt-5-mini");
            assertThat(ranked("  ")).containsExactly("gpt-4.1-mini", "gpt-5", "o3", "gpt-5-mini");
        }

        @Test
        @DisplayName("drops what does not match, puts the best first, and matches on any label (null ones skipped)")
        void ordered() {
            assertThat(ranked("gpt5")).startsWith("gpt-5").doesNotContain("o3");
            assertThat(ranked("openai")).containsExactly("o3");
        }
    }
}
