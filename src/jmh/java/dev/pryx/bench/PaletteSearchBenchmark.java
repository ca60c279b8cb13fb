package dev.pryx.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pryx.tui.palette.PaletteItem;
import dev.pryx.tui.palette.PaletteSearch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Palette filtering per keystroke over the full models.dev snapshot: ~40 commands, 4 configured
 * providers, 147 catalog providers and 5,276 models (5,467 items). Goal: under 2 ms at the median,
 * under 5 ms at p99.
 *
 * <p>One invocation is one keystroke: the next prefix of a few realistic queries typed character by
 * character, a typo and its backspace among them, the palette reopened (empty query) between
 * queries. {@code typing} is the real path (each keystroke reuses the previous query's matches);
 * {@code typingFullScan} forgets them before every keystroke, so each one scores all items: the
 * cost of a paste or an edit in the middle of the query.
 *
 * <p>The snapshot is read in place with plain Jackson, never copied: {@code
 * -Dpryx.modelsDevSnapshot=PATH}, by default {@code ../shared/fixtures/models-dev/api.json} from the
 * project root. Sample mode, microseconds, so the report carries p0.50 and p0.99.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class PaletteSearchBenchmark {

    private static final String[] COMMANDS = {
        "Add provider", "Remove provider", "Configure provider", "Set key", "Rotate key", "Delete key",
        "Test key", "Log in", "Log out", "Use model", "Set default model", "List models",
        "Refresh catalog", "Show catalog info", "Theme", "Theme: dark", "Theme: light",
        "Theme: high contrast", "Lock vault", "Unlock vault", "Change passphrase", "Back up vault",
        "Verify audit log", "Show audit log", "Start API server", "Stop API server", "Copy API token",
        "Show config path", "Open documentation", "Keyboard shortcuts", "About pryx", "Quit",
        "Export providers", "Import providers", "Toggle details", "Reload", "Check for updates",
        "Show recent activity", "Clear history", "Settings"};

    /** What a user types: model by family and size, a command, a provider, model with provider. */
    private static final String[] QUERIES = {
        "gpt5", "claude sonnet", "set key", "llama 70b", "gemini flash", "openrouter", "refresh",
        "deepseek r1", "qwen coder", "o4 mini"};

    @Param({"200"})
    public int limit;

    private PaletteSearch search;
    private String[] keystrokes;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<PaletteItem> items = new ArrayList<>();
        for (String command : COMMANDS) {
            items.add(PaletteItem.command(command.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), command, ""));
        }
        JsonNode root = new ObjectMapper().readTree(BenchSnapshot.read());
        int providers = 0;
        int models = 0;
        for (Map.Entry<String, JsonNode> provider : root.properties()) {
            String id = provider.getValue().path("id").asText(provider.getKey());
            String name = provider.getValue().path("name").asText(id);
            items.add(PaletteItem.catalogProvider(id, name));
            if (providers < 4) {
                items.add(PaletteItem.provider(id, name)); // as if configured
            }
            providers++;
            for (Map.Entry<String, JsonNode> model : provider.getValue().path("models").properties()) {
                items.add(PaletteItem.model(id, name, model.getValue().path("id").asText(model.getKey()),
                        model.getValue().path("name").asText("")));
                models++;
            }
        }
        if (providers != 147 || models != 5_276) {
            System.err.println("note: snapshot has " + providers + " providers and " + models + " models");
        }
        search = new PaletteSearch(items);

        List<String> strokes = new ArrayList<>();
        for (String query : QUERIES) {
            strokes.add(""); // the palette opens empty
            for (int i = 1; i <= query.length(); i++) {
                strokes.add(query.substring(0, i));
                if (i == 3) { // a typo and its backspace
                    strokes.add(query.substring(0, i) + "x");
                    strokes.add(query.substring(0, i));
                }
            }
        }
        keystrokes = strokes.toArray(String[]::new);
        // The user's history is part of every search.
        search.recordChoice(search.search("gpt5", 1).get(0).item());
        search.recordChoice(search.search("set key", 1).get(0).item());
    }

    @Benchmark
    public List<PaletteSearch.Result> typing() {
        String query = keystrokes[next];
        next = next + 1 == keystrokes.length ? 0 : next + 1;
        return search.search(query, limit);
    }

    @Benchmark
    public List<PaletteSearch.Result> typingFullScan() {
        String query = keystrokes[next];
        next = next + 1 == keystrokes.length ? 0 : next + 1;
        search.forgetPreviousQuery();
        return search.search(query, limit);
    }
}
