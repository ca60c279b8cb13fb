package dev.pryx.tui.palette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.tui.palette.PaletteItem.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("PaletteSearch")
class PaletteSearchTest {

    private static final List<PaletteItem> COMMANDS = List.of(
            PaletteItem.command("add-provider", "Add provider", ""),
            PaletteItem.command("set-key", "Set key", ""),
            PaletteItem.command("use-model", "Use model", ""),
            PaletteItem.command("refresh-catalog", "Refresh catalog", ""),
            PaletteItem.command("theme", "Theme", ""),
            PaletteItem.command("quit", "Quit", ""));

    private static List<PaletteItem> sample() {
        List<PaletteItem> items = new ArrayList<>(COMMANDS);
        items.add(PaletteItem.provider("openai", "OpenAI"));
        items.add(PaletteItem.catalogProvider("openai", "OpenAI"));
        items.add(PaletteItem.catalogProvider("anthropic", "Anthropic"));
        items.add(PaletteItem.catalogProvider("openrouter", "OpenRouter"));
        items.add(PaletteItem.model("openai", "OpenAI", "gpt-4.1-mini-2025", "gpt-4.1-mini-2025"));
        items.add(PaletteItem.model("openai", "OpenAI", "gpt-5", "gpt-5"));
        items.add(PaletteItem.model("azure", "Azure", "gpt-5", "gpt-5"));
        items.add(PaletteItem.model("openai", "OpenAI", "gpt-5-mini", "gpt-5-mini"));
        items.add(PaletteItem.model("anthropic", "Anthropic", "claude-sonnet-4", "Claude Sonnet 4"));
        items.add(PaletteItem.model("anthropic", "Anthropic", "claude-sonnet-4-5", "Claude Sonnet 4.5"));
        items.add(PaletteItem.model("anthropic", "Anthropic", "claude-opus-4", "Claude Opus 4"));
        items.add(PaletteItem.model("openrouter", "OpenRouter", "anthropic/claude-sonnet-4", "Claude Sonnet 4"));
        items.add(PaletteItem.model("perplexity", "Perplexity", "sonar-pro", "Sonar Pro"));
        return items;
    }

    private static List<String> labels(List<PaletteSearch.Result> results) {
        return results.stream().map(r -> r.item().label()).toList();
    }

    private static List<String> ids(List<PaletteSearch.Result> results) {
        return results.stream().map(r -> r.item().kind() + ":" + r.item().id()).toList();
    }

    @Nested
    @DisplayName("ranking")
    class Ranking {
        private final PaletteSearch search = new PaletteSearch(sample());

        @Test
        @DisplayName("gpt5 ranks the gpt-5 models before gpt-4.1-mini-2025")
        void gpt5() {
            List<String> ids = ids(search.search("gpt5", 10));
            assertThat(ids.indexOf("MODEL:openai/gpt-5")).isLessThan(ids.indexOf("MODEL:openai/gpt-4.1-mini-2025"));
            assertThat(ids.indexOf("MODEL:openai/gpt-5-mini")).isLessThan(ids.indexOf("MODEL:openai/gpt-4.1-mini-2025"));
            assertThat(ids.get(ids.size() - 1)).isEqualTo("MODEL:openai/gpt-4.1-mini-2025");
        }

        @Test
        @DisplayName("sonnet finds the Claude Sonnet models, all of them first, and highlights the word")
        void sonnet() {
            List<PaletteSearch.Result> results = search.search("sonnet", 10);
            assertThat(labels(results)).hasSize(3).allMatch(label -> label.startsWith("Claude Sonnet"));
            assertThat(results.get(0).positions()).containsExactly(7, 8, 9, 10, 11, 12);
        }

        @Test
        @DisplayName("oai finds OpenAI by its word starts (o, the A hump, i)")
        void oai() {
            List<PaletteSearch.Result> results = search.search("oai", 3);
            assertThat(results.get(0).item().label()).isEqualTo("OpenAI");
            assertThat(results.get(0).positions()).containsExactly(0, 4, 5);
        }

        @Test
        @DisplayName("a command is found by the start of its words")
        void command() {
            assertThat(labels(search.search("rc", 1))).containsExactly("Refresh catalog");
            assertThat(labels(search.search("sk", 1))).containsExactly("Set key");
        }

        @Test
        @DisplayName("ties are ordered by kind, then label, whatever the input order")
        void ties() {
            List<PaletteItem> items = new ArrayList<>(List.of(
                    new PaletteItem(Kind.MODEL, "m", "Alpha one", "", "m"),
                    new PaletteItem(Kind.CATALOG_PROVIDER, "c", "Alpha two", "", "c"),
                    new PaletteItem(Kind.COMMAND, "b", "Alpha two", "", "b"),
                    new PaletteItem(Kind.COMMAND, "a", "Alpha one", "", "a")));
            List<String> expected = List.of("COMMAND:a", "COMMAND:b", "CATALOG_PROVIDER:c", "MODEL:m");
            assertThat(ids(new PaletteSearch(items).search("alpha", 10))).isEqualTo(expected);
            java.util.Collections.reverse(items);
            assertThat(ids(new PaletteSearch(items).search("alpha", 10))).isEqualTo(expected);
        }

        @Test
        @DisplayName("results come best first and their positions are the matcher's")
        void sortedAndPositioned() {
            List<PaletteSearch.Result> results = search.search("op", 100);
            FuzzyMatcher matcher = new FuzzyMatcher();
            for (int i = 0; i < results.size(); i++) {
                PaletteSearch.Result r = results.get(i);
                FuzzyMatcher.Match m = matcher.match("op", r.item().label());
                assertThat(r.score()).isEqualTo(m.score());
                assertThat(r.positions()).containsExactly(m.positions());
                if (i > 0) {
                    assertThat(r.score()).isLessThanOrEqualTo(results.get(i - 1).score());
                }
            }
            assertThat(results).hasSize((int) sample().stream()
                    .filter(item -> matcher.match("op", item.label()) != null).count());
        }
    }

    @Nested
    @DisplayName("recent choices")
    class Recent {
        private final PaletteSearch search = new PaletteSearch(sample());
        private final PaletteItem openaiGpt5 = PaletteItem.model("openai", "OpenAI", "gpt-5", "gpt-5");
        private final PaletteItem azureGpt5 = PaletteItem.model("azure", "Azure", "gpt-5", "gpt-5");

        @Test
        @DisplayName("a chosen item ranks above an equally good one")
        void boost() {
            assertThat(ids(search.search("gpt5", 2)).get(0)).isEqualTo("MODEL:azure/gpt-5"); // shorter label
            search.recordChoice(openaiGpt5);
            assertThat(ids(search.search("gpt5", 2))).containsExactly("MODEL:openai/gpt-5", "MODEL:azure/gpt-5");
        }

        @Test
        @DisplayName("the most recent choice is boosted most; choosing again moves it to the front")
        void mostRecentStrongest() {
            search.recordChoice(openaiGpt5);
            search.recordChoice(azureGpt5);
            assertThat(ids(search.search("gpt5", 1))).containsExactly("MODEL:azure/gpt-5");
            search.recordChoice(openaiGpt5);
            assertThat(ids(search.search("gpt5", 1))).containsExactly("MODEL:openai/gpt-5");
            assertThat(search.recentChoices()).containsExactly(openaiGpt5, azureGpt5);
        }

        @Test
        @DisplayName("the boost never brings in an item that does not match")
        void onlyMatches() {
            search.recordChoice(COMMANDS.get(4)); // Theme
            assertThat(labels(search.search("sonnet", 10))).doesNotContain("Theme");
        }

        @Test
        @DisplayName("the history is bounded: the oldest choice falls out, with its boost")
        void bounded() {
            List<PaletteItem> items = new ArrayList<>();
            for (int i = 0; i < PaletteSearch.HISTORY_SIZE + 5; i++) {
                items.add(PaletteItem.command("c" + i, String.format("Command %02d", i), ""));
            }
            PaletteSearch bounded = new PaletteSearch(items);
            items.forEach(bounded::recordChoice);
            assertThat(bounded.recentChoices()).hasSize(PaletteSearch.HISTORY_SIZE)
                    .startsWith(items.get(items.size() - 1))
                    .doesNotContain(items.get(0));
            // "Command 00" is no longer boosted: it ties with the other unboosted ones and sorts by label.
            assertThat(labels(bounded.search("command", items.size())))
                    .endsWith("Command 00", "Command 01", "Command 02", "Command 03", "Command 04");
        }

        @Test
        @DisplayName("an empty query lists recent choices first, then the commands in their order")
        void emptyQuery() {
            search.recordChoice(openaiGpt5);
            search.recordChoice(COMMANDS.get(3));
            List<PaletteSearch.Result> results = search.search("", 100);
            List<PaletteItem> expected = new ArrayList<>(List.of(COMMANDS.get(3), openaiGpt5));
            COMMANDS.stream().filter(c -> !c.equals(COMMANDS.get(3))).forEach(expected::add);
            assertThat(results.stream().map(PaletteSearch.Result::item).toList()).isEqualTo(expected);
            assertThat(results).allMatch(r -> r.positions().length == 0);
            assertThat(search.search("   ", 3)).hasSize(3);
        }

        @Test
        @DisplayName("the history survives new items, and choices no longer offered are skipped")
        void survivesReplace() {
            search.recordChoice(azureGpt5);
            search.replaceItems(COMMANDS);
            assertThat(search.search("", 100).stream().map(PaletteSearch.Result::item).toList()).isEqualTo(COMMANDS);
            search.replaceItems(sample());
            assertThat(search.search("", 1).get(0).item()).isEqualTo(azureGpt5);
        }
    }

    @Nested
    @DisplayName("limit")
    class Limit {
        private final PaletteSearch search = new PaletteSearch(sample());

        @Test
        @DisplayName("at most limit results, the best ones; zero or less gives none")
        void respected() {
            List<PaletteSearch.Result> all = search.search("e", 1000);
            assertThat(all.size()).isGreaterThan(10);
            assertThat(search.search("e", 3)).isEqualTo(all.subList(0, 3));
            assertThat(ids(search.search("e", 3))).isEqualTo(ids(all.subList(0, 3)));
            assertThat(search.search("e", 0)).isEmpty();
            assertThat(search.search("e", -1)).isEmpty();
            assertThat(search.search("", 2)).hasSize(2);
        }
    }

    @Nested
    @DisplayName("incremental search")
    class Incremental {

        @Test
        @DisplayName("typing, backspacing and retyping over 5,000 generated items gives what a fresh search gives")
        void sameAsFresh() {
            List<PaletteItem> items = generated(5_000, new Random(7));
            PaletteSearch typed = new PaletteSearch(items);
            PaletteSearch fresh = new PaletteSearch(items);
            Random random = new Random(11);
            String[] words = {"gpt", "claude", "sonnet", "llama", "gemini", "flash", "mini", "4o", "70b",
                "qwen", "open", "router", "set key", "vision", "pro", "turbo", "-2025", "ai"};
            int keystrokes = 0;
            for (int round = 0; round < 60; round++) {
                String target = words[random.nextInt(words.length)]
                        + (random.nextBoolean() ? " " + words[random.nextInt(words.length)] : "");
                StringBuilder query = new StringBuilder();
                for (int i = 0; i < target.length(); i++) {
                    query.append(target.charAt(i));
                    if (random.nextInt(6) == 0) { // a typo, then backspace
                        query.append((char) ('a' + random.nextInt(26)));
                        check(typed, fresh, query.toString());
                        query.setLength(query.length() - 1);
                    }
                    check(typed, fresh, query.toString());
                    keystrokes++;
                }
                if (random.nextInt(4) == 0) {
                    PaletteSearch.Result chosen = typed.search(query.toString(), 1).stream().findFirst().orElse(null);
                    if (chosen != null) {
                        typed.recordChoice(chosen.item());
                        fresh.recordChoice(chosen.item());
                    }
                }
                if (random.nextBoolean()) {
                    check(typed, fresh, ""); // palette closed and reopened
                }
            }
            assertThat(keystrokes).isGreaterThan(300);
        }

        @Test
        @DisplayName("after the items change, a longer query does not reuse matches of the old items")
        void replaceResets() {
            PaletteSearch search = new PaletteSearch(List.of(PaletteItem.command("a", "gpt old", "")));
            assertThat(search.search("gp", 10)).hasSize(1);
            search.replaceItems(List.of(PaletteItem.command("b", "gpt new", ""), PaletteItem.command("c", "gp", "")));
            assertThat(labels(search.search("gpt", 10))).containsExactly("gpt new");
        }

        private void check(PaletteSearch typed, PaletteSearch fresh, String query) {
            int limit = query.length() % 3 == 0 ? Integer.MAX_VALUE : 25;
            fresh.forgetPreviousQuery();
            List<PaletteSearch.Result> expected = fresh.search(query, limit);
            List<PaletteSearch.Result> actual = typed.search(query, limit);
            assertThat(render(actual)).as("query '%s'", query).isEqualTo(render(expected));
        }

        private List<String> render(List<PaletteSearch.Result> results) {
            return results.stream()
                    .map(r -> r.item().id() + " " + r.score() + " " + Arrays.toString(r.positions()))
                    .toList();
        }
    }

    /** Model-like labels: provider, family, version, size, suffix; duplicates across providers. */
    static List<PaletteItem> generated(int count, Random random) {
        String[] providers = {"OpenAI", "Anthropic", "Google", "OpenRouter", "Azure", "Groq", "Together AI",
            "Fireworks", "DeepInfra", "Amazon Bedrock", "Mistral", "Vertex", "Über Cloud", "通义"};
        String[] families = {"gpt", "claude", "gemini", "llama", "qwen", "mistral", "deepseek", "phi", "o",
            "command", "sonar", "grok", "kimi", "glm"};
        String[] variants = {"mini", "pro", "flash", "sonnet", "haiku", "opus", "turbo", "instruct", "vision",
            "coder", "nano", "lite", "chat", ""};
        List<PaletteItem> items = new ArrayList<>(COMMANDS);
        for (int i = 0; items.size() < count; i++) {
            String provider = providers[random.nextInt(providers.length)];
            String name = families[random.nextInt(families.length)] + "-" + (1 + random.nextInt(5))
                    + (random.nextBoolean() ? "." + random.nextInt(10) : "")
                    + (random.nextBoolean() ? "-" + variants[random.nextInt(variants.length)] : "")
                    + (random.nextInt(4) == 0 ? "-" + (2023 + random.nextInt(3)) + "-0" + (1 + random.nextInt(9)) : "")
                    + (random.nextInt(5) == 0 ? ":" + (7 + random.nextInt(400)) + "b" : "");
            items.add(PaletteItem.model(provider.toLowerCase(java.util.Locale.ROOT), provider, name + "-" + i, name));
        }
        return items;
    }
}
