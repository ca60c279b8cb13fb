package dev.pryx.tui.providers;

import dev.pryx.provider.ProviderManager;
import dev.pryx.provider.ProviderView;
import java.util.List;

/**
 * The home screen's state: the configured providers as the manager lists them, which one is
 * selected, and the row each becomes. No Lanterna here, so it is tested without a terminal.
 */
public final class ProviderListModel {
    /** The columns of a row, in order; the view decides widths. */
    public record Row(String marker, String name, String id, String auth, String model, String enabled) {
    }

    public static final Row HEADER = new Row(" ", "Name", "Id", "Auth", "Default model", "On");

    private final ProviderManager manager;
    private List<ProviderView> providers = List.of();
    private int selected;

    public ProviderListModel(ProviderManager manager) {
        this.manager = manager;
    }

    /** Re-reads the providers; the selection stays on the same id when it still exists. */
    public void reload() {
        String keep = selectedId();
        providers = manager.listProviders();
        selected = 0;
        for (int i = 0; i < providers.size(); i++) {
            if (providers.get(i).id().equals(keep)) {
                selected = i;
            }
        }
    }

    public List<ProviderView> providers() {
        return providers;
    }

    public List<Row> rows() {
        return providers.stream().map(ProviderListModel::row).toList();
    }

    static Row row(ProviderView p) {
        String auth = switch (p.keyState()) {
            case "set" -> "key " + (p.fingerprint() == null ? "set" : p.fingerprint());
            case "not needed" -> "none needed";
            default -> "oauth2".equals(p.authType()) ? "OAuth (not signed in)" : "no key";
        };
        return new Row(p.active() ? "●" : " ", p.name(), p.id(), auth, p.model() == null ? "-" : p.model(),
                p.enabled() ? "yes" : "no");
    }

    /** One status line for a connection test: the verdict, then what to do unless it passed. */
    public static String verdictLine(dev.pryx.provider.ConnectionReport report) {
        if (report.ok()) {
            return "✓ " + report.providerId() + ": " + report.message() + " (" + report.latencyMs() + " ms)";
        }
        return "✗ " + report.providerId() + ": " + report.whatIsWrong();
    }

    public void select(int index) {
        if (!providers.isEmpty()) {
            selected = Math.max(0, Math.min(index, providers.size() - 1));
        }
    }

    /** Selects the provider with this id, when there is one. */
    public void select(String id) {
        for (int i = 0; i < providers.size(); i++) {
            if (providers.get(i).id().equals(id)) {
                selected = i;
            }
        }
    }

    public int selectedIndex() {
        return selected;
    }

    /** The selected provider's id, or null when there are none. */
    public String selectedId() {
        return providers.isEmpty() ? null : providers.get(selected).id();
    }

    public ProviderView selectedProvider() {
        return providers.isEmpty() ? null : providers.get(selected);
    }

    /** Makes the selected provider the default one; returns the line to show. */
    public String activateSelected() {
        ProviderView p = selectedProvider();
        if (p == null) {
            return "No provider to make active: press a to add one.";
        }
        manager.makeActive(p.id());
        reload();
        return p.name() + " (" + p.id() + ") is now the active provider.";
    }

    /** Removes the selected provider and its key; returns the line to show. */
    public String removeSelected() {
        ProviderView p = selectedProvider();
        if (p == null) {
            return "Nothing to remove.";
        }
        manager.removeProvider(p.id());
        reload();
        return "Removed " + p.name() + " (" + p.id() + ") and its key.";
    }
}
