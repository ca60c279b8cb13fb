package dev.pryx.tui.keyentry;

import dev.pryx.provider.KeyCheck;
import dev.pryx.provider.KeyPrompt;
import dev.pryx.provider.KeyStatus;
import dev.pryx.provider.ProviderManager;
import dev.pryx.support.PryxException;
import dev.pryx.support.Secret;

/**
 * The key-entry screen's state: what is shown above the field (provider, format hint, the key
 * stored now), the verdict on what is typed, and saving. No Lanterna here, so it is tested
 * without a terminal. The key itself never passes through here as text: only as a
 * {@link Secret} handed on to the manager.
 */
public final class KeyEntryModel {
    private final ProviderManager manager;
    private final String providerId;
    private KeyPrompt prompt;
    private KeyCheck check;

    public KeyEntryModel(ProviderManager manager, String providerId) {
        this.manager = manager;
        this.providerId = providerId;
    }

    /** Reads what the screen shows; fails (with the manager's sentence) when the provider takes no key. */
    public KeyPrompt load() {
        prompt = manager.keyPrompt(providerId);
        return prompt;
    }

    public String providerId() {
        return providerId;
    }

    /** The provider's name, or its id before {@link #load} succeeded. */
    public String providerName() {
        return prompt == null ? providerId : prompt.name();
    }

    public String providerLine() {
        return providerName() + " (" + providerId + ")";
    }

    public String formatLine() {
        return prompt == null || prompt.formatHint() == null ? "any format (the catalog does not say)" : prompt.formatHint();
    }

    public String currentLine() {
        if (prompt == null || !prompt.keySet()) {
            return "none yet";
        }
        return (prompt.fingerprint() == null ? "set" : prompt.fingerprint())
                + "; saving replaces it (the old one is kept for rollback)";
    }

    /**
     * Judges what is typed so far; the caller keeps (and closes) {@code typed}. An empty field
     * gets no verdict: an error before the first key press would only be noise.
     */
    public KeyCheck assess(Secret typed) {
        check = typed.isEmpty() ? null : manager.assessKey(providerId, typed);
        return check;
    }

    /** The verdict of the last {@link #assess}, or null for an empty field. */
    public KeyCheck check() {
        return check;
    }

    /** The line under the field: the verdict with a mark, or what to do while it is empty. */
    public String validationLine() {
        if (check == null) {
            return "Paste or type the key; it is never shown.";
        }
        String mark = switch (check.level()) {
            case OK -> "✓ ";
            case WARNING -> "! ";
            case ERROR -> "✗ ";
        };
        String fix = check.level() == KeyCheck.Level.WARNING ? " Enter saves it anyway." : "";
        return mark + check.message() + fix;
    }

    /**
     * Stores {@code key} (taking ownership of it, whatever happens) and returns the line to show.
     * A key the manager would refuse is refused here with its sentence; one it only warns about is
     * stored, and the line says so.
     */
    public String save(Secret key) {
        KeyCheck verdict;
        try {
            verdict = manager.assessKey(providerId, key);
        } catch (RuntimeException e) {
            key.close();
            throw e;
        }
        if (verdict.level() == KeyCheck.Level.ERROR) {
            key.close();
            throw new PryxException(PryxException.Kind.USAGE, verdict.message());
        }
        KeyStatus status = manager.setKey(providerId, key, false);
        check = null;
        String saved = "Saved the key for " + providerName()
                + (status.fingerprint() == null ? "." : " (" + status.fingerprint() + ").");
        // The warning itself was on screen while typing; the status line has room for a reminder only.
        return verdict.level() == KeyCheck.Level.WARNING ? saved.substring(0, saved.length() - 1) + ", despite the warning." : saved;
    }

    /** Whether there are models to pick from (listed, or a live list to fetch), so picking one can follow the key. */
    public boolean hasModels() {
        try {
            dev.pryx.provider.ModelList list = manager.models(providerId, dev.pryx.provider.Freshness.CACHED_ONLY);
            return list.listsLive() || !list.models().isEmpty();
        } catch (PryxException e) {
            return false;
        }
    }
}
