package dev.pryx.tui.providers;

import dev.pryx.provider.ProviderConfig;
import dev.pryx.provider.ProviderManager;
import dev.pryx.provider.ProviderView;
import dev.pryx.support.PryxException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The edit screen's state: a provider's saved name, base URL and on/off state, compared with what
 * is typed, and the change the manager is asked for (only the fields that differ, so an untouched
 * field is never rewritten). No Lanterna here, so it is tested without a terminal.
 */
public final class EditProviderModel {
    /** What the fields hold. */
    public record Draft(String name, String baseUrl, boolean enabled) {
    }

    private final ProviderManager manager;
    private final String id;
    private ProviderView saved;

    /** Reads the provider; a PryxException when it is not configured (removed meanwhile, say). */
    public EditProviderModel(ProviderManager manager, String id) {
        this.manager = manager;
        this.id = id;
        reload();
    }

    public void reload() {
        saved = manager.listProviders().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new PryxException(PryxException.Kind.USAGE, "No provider '" + id + "' is configured."));
    }

    public String id() {
        return id;
    }

    public ProviderView saved() {
        return saved;
    }

    /** What cannot be edited here, for the line under the title: catalog entry and how it signs in. */
    public String fixedFacts() {
        String auth = switch (Objects.toString(saved.authType(), "")) {
            case "api_key" -> "API key";
            case "oauth2" -> "OAuth";
            case "none" -> "no key needed";
            default -> Objects.toString(saved.authType(), "unknown sign-in");
        };
        return "catalog " + saved.provider() + ", " + auth;
    }

    /** The fields as saved, to start editing from. */
    public Draft initial() {
        return new Draft(saved.name(), Objects.toString(saved.baseUrl(), ""), saved.enabled());
    }

    /** Whether {@code draft} differs from what is saved. */
    public boolean differs(Draft draft) {
        return !draft.equals(initial());
    }

    /** The change to ask for: null where the field is as saved. */
    public ProviderManager.ConfigChange change(Draft draft) {
        Draft before = initial();
        return new ProviderManager.ConfigChange(
                draft.name().equals(before.name()) ? null : draft.name(),
                draft.baseUrl().equals(before.baseUrl()) ? null : draft.baseUrl(),
                draft.enabled() == before.enabled() ? null : draft.enabled());
    }

    /**
     * Saves what differs and returns the line to show; throws the manager's PryxException (an
     * invalid URL, an empty name) with nothing saved.
     */
    public String save(Draft draft) {
        ProviderManager.ConfigChange change = change(draft);
        String label = saved.name() + " (" + id + ")";
        List<String> what = new ArrayList<>();
        if (change.name() != null) {
            what.add("name");
        }
        if (change.baseUrl() != null) {
            what.add("base URL");
        }
        if (change.enabled() != null) {
            what.add(change.enabled() ? "turned on" : "turned off");
        }
        if (what.isEmpty()) {
            return "Nothing changed for " + label + ".";
        }
        ProviderConfig after = manager.setConfig(id, change);
        reload();
        String line = "Saved " + after.name() + " (" + id + "): " + String.join(", ", what) + ".";
        // The manager's own warning goes to the status line of this screen, which closes now:
        // repeat its gist on the line that stays.
        if (change.baseUrl() != null && cleartextToAnotherHost(after.baseUrl())) {
            line += " Plain http to another machine: the key would travel unencrypted.";
        }
        return line;
    }

    static boolean cleartextToAnotherHost(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
        return "http".equalsIgnoreCase(uri.getScheme()) && !loopback;
    }
}
