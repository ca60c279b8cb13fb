package dev.pryx.tui.palette;

import java.util.Objects;

/**
 * One thing the command palette can offer: a command, a configured provider, a provider from the
 * catalog, or a model.
 *
 * <p>Only {@link #label()} is searched and highlighted; {@link #detail()} is a second, dimmer line
 * for the view. The palette never interprets {@link #actionKey()}: whoever builds the items decides
 * what Enter on it means. Two items are the same choice (for the recent history) when they are
 * equal records.
 *
 * @param kind what sort of item this is; also the first tie-breaker of the ranking
 * @param id stable identifier within its kind (a command name, provider id, {@code provider/model})
 * @param label the text shown and searched
 * @param detail secondary text, may be empty
 * @param actionKey opaque key handed back when the item is chosen
 */
public record PaletteItem(Kind kind, String id, String label, String detail, String actionKey) {

    /** In ranking order for ties: commands first, models last. */
    public enum Kind {
        COMMAND, PROVIDER, CATALOG_PROVIDER, MODEL
    }

    public PaletteItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(actionKey, "actionKey");
        detail = detail == null ? "" : detail;
    }

    public static PaletteItem command(String id, String label, String detail) {
        return new PaletteItem(Kind.COMMAND, id, label, detail, "command:" + id);
    }

    public static PaletteItem provider(String providerId, String name) {
        return new PaletteItem(Kind.PROVIDER, providerId, name, "configured provider " + providerId,
                "provider:" + providerId);
    }

    public static PaletteItem catalogProvider(String providerId, String name) {
        return new PaletteItem(Kind.CATALOG_PROVIDER, providerId, name, "add provider " + providerId,
                "catalog:" + providerId);
    }

    /**
     * A model, labelled {@code "Model name (Provider name)"}: the same model is offered by many
     * providers, so the provider is part of what the user can type and see.
     */
    public static PaletteItem model(String providerId, String providerName, String modelId, String modelName) {
        String name = modelName == null || modelName.isBlank() ? modelId : modelName;
        String provider = providerName == null || providerName.isBlank() ? providerId : providerName;
        String id = providerId + "/" + modelId;
        return new PaletteItem(Kind.MODEL, id, name + " (" + provider + ")", id, "model:" + id);
    }
}
