package dev.pryx.tui.status;

import dev.pryx.provider.ConnectionReport;
import dev.pryx.provider.LastTest;
import dev.pryx.provider.NetworkView;
import dev.pryx.provider.ProviderManager;
import dev.pryx.provider.ProviderStatus;
import dev.pryx.support.RelativeTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The status board's state, without a terminal: one row per provider (key, model, last test),
 * the selected provider's details, the environment warnings, and what the last check found.
 * Reading the board never opens the network; {@link #checkAll()} and {@link #testSelected()} do,
 * and the pane calls them on a worker.
 */
public final class StatusBoardModel {
    /** One line of the board; {@code testOk} is null when never tested. */
    public record Row(String marker, String id, String key, String model, String lastTest, Boolean testOk) {
    }

    public static final Row HEADER = new Row(" ", "Provider", "Key", "Model", "Last test", null);

    private final ProviderManager manager;
    private final Clock clock;
    private List<ProviderStatus> providers = List.of();
    private List<String> warnings = List.of();
    private String network;
    /** What the last check or test of this session found wrong, by provider id. */
    private final Map<String, String> problems = new HashMap<>();
    private int selected;

    public StatusBoardModel(ProviderManager manager, Clock clock) {
        this.manager = manager;
        this.clock = clock;
    }

    public void reload() {
        ProviderManager.StatusBoard board = manager.status();
        providers = board.providers();
        NetworkView net = manager.networkSettings();
        network = net.summary();
        List<String> all = new ArrayList<>(board.warnings());
        all.addAll(net.notes());
        warnings = all;
        selected = Math.max(0, Math.min(selected, providers.size() - 1));
    }

    public List<Row> rows() {
        Instant now = clock.instant();
        List<Row> rows = new ArrayList<>();
        for (ProviderStatus p : providers) {
            rows.add(new Row(p.active() ? "●" : " ", p.id() + (p.enabled() ? "" : " (off)"), key(p, now),
                    p.model() == null ? "-" : p.model() + (p.modelSource().startsWith("env ") ? " (env)" : ""),
                    lastTest(p.lastTest(), now), p.lastTest() == null ? null : "ok".equals(p.lastTest().verdict())));
        }
        return rows;
    }

    private static String key(ProviderStatus p, Instant now) {
        if (p.keyRef() == null) {
            return "not needed";
        }
        if (!"set".equals(p.keyState())) {
            return p.keyState();
        }
        String age = p.keyChangedAt() == null ? "" : " · " + RelativeTime.compact(p.keyChangedAt(), now);
        return p.fingerprint() + age + ("config".equals(p.keySource()) ? "" : " (env)");
    }

    private static String lastTest(LastTest t, Instant now) {
        if (t == null) {
            return "never";
        }
        return ("ok".equals(t.verdict()) ? "✓ ok " + t.latencyMs() + " ms" : "✗ " + t.verdict().replace('_', ' '))
                + " · " + RelativeTime.compact(t.at(), now);
    }

    public List<String> warnings() {
        return warnings;
    }

    /** The proxy and CA bundle in force, when anything but a direct connection is; else null. */
    public String network() {
        return network;
    }

    public List<ProviderStatus> providers() {
        return providers;
    }

    public void select(int index) {
        if (!providers.isEmpty()) {
            selected = Math.max(0, Math.min(index, providers.size() - 1));
        }
    }

    public int selectedIndex() {
        return selected;
    }

    public ProviderStatus selectedProvider() {
        return providers.isEmpty() ? null : providers.get(selected);
    }

    /** The selected provider in full: where its key and model come from, its URL, its last problem. */
    public String detail() {
        ProviderStatus p = selectedProvider();
        if (p == null) {
            return "";
        }
        Instant now = clock.instant();
        StringBuilder b = new StringBuilder(p.id() + ": ");
        // What is wrong comes first: it is what the person opened the board for.
        String problem = problems.get(p.id());
        if (problem != null) {
            b.append(problem).append(' ');
        }
        b.append(p.name()).append(" (").append(p.provider()).append(')')
                .append(p.active() ? ", in force from " + source(p.activeSource()) : "").append(p.enabled() ? "" : ", disabled").append(". ");
        if (p.keyRef() == null) {
            b.append("No key needed. ");
        } else {
            b.append("Key ").append(p.keyRef()).append(" (").append(source(p.keySource())).append("): ").append(p.keyState());
            if (p.keyChangedAt() != null) {
                b.append(", stored ").append(RelativeTime.describe(p.keyChangedAt(), now));
            }
            if (p.keyVersions() > 1) {
                b.append(", ").append(p.keyVersions() - 1).append(" earlier kept for rollback");
            }
            b.append(". ");
        }
        if (p.unusedEnvKey() != null) {
            b.append(p.unusedEnvKey()).append(" is set but not used (pryx reads keys from the vault). ");
        }
        b.append("Model ").append(p.model() == null ? "none" : p.model() + " (" + source(p.modelSource()) + ")").append(". ");
        b.append("Base URL ").append(p.baseUrl()).append('.');
        return b.toString();
    }

    private static String source(String source) {
        return source == null ? "config" : source.startsWith("env ") ? source.substring(4) : source;
    }

    /** Tests every enabled provider at once (blocks: call from a worker); the one-line summary. */
    public Check checkAll() {
        return new Check(manager.checkEnabled());
    }

    /** Tests the selected provider (blocks: call from a worker). */
    public ConnectionReport testSelected(String id) {
        return manager.testConnection(id);
    }

    /** What a check found: applied to the model on the UI thread. */
    public static final class Check {
        private final List<ProviderManager.CheckOutcome> outcomes;

        Check(List<ProviderManager.CheckOutcome> outcomes) {
            this.outcomes = outcomes;
        }

        public boolean allOk() {
            return outcomes.stream().allMatch(ProviderManager.CheckOutcome::ok);
        }

        public int count() {
            return outcomes.size();
        }
    }

    /** Takes in a check's results; the line the status bar shows. */
    public String apply(Check check) {
        List<String> failed = new ArrayList<>();
        for (ProviderManager.CheckOutcome o : check.outcomes) {
            if (o.ok()) {
                problems.remove(o.id());
            } else {
                problems.put(o.id(), o.whatIsWrong());
                failed.add(o.id());
            }
        }
        reload();
        if (check.count() == 0) {
            return "No enabled provider to check.";
        }
        if (failed.isEmpty()) {
            return "All " + check.count() + " enabled providers answered.";
        }
        return failed.size() + " of " + check.count() + " with a problem: " + String.join(", ", failed)
                + ". Select one for what to do.";
    }

    /** Takes in one test's report. */
    public void apply(ConnectionReport report) {
        if (report.ok()) {
            problems.remove(report.providerId());
        } else {
            problems.put(report.providerId(), report.whatIsWrong());
        }
        reload();
    }
}
