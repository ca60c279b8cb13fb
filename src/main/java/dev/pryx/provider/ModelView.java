package dev.pryx.provider;

/**
 * One model of a provider, as {@code provider models} lists it: the provider's live list where it
 * has one, filled in from the catalog, with the user's overrides ({@code models.json}) on top.
 *
 * @param contextTokens        null when unknown
 * @param inputCostPerMillion  USD per million input tokens, null when unknown
 * @param isDefault            whether it is the provider's default model
 * @param source               where the entry comes from: {@code live} (the provider's own list),
 *                             {@code catalog} (pryx's catalog), {@code override} (only the user's
 *                             {@code models.json} names it); an override of a listed model's
 *                             fields keeps the entry's source
 * @param sizeBytes            the size on disk (Ollama), null when unknown
 * @param family               the model family, e.g. {@code llama}, null when unknown
 * @param parameterSize        e.g. {@code 8.0B} (Ollama), null when unknown
 * @param quantization         e.g. {@code Q4_K_M} (Ollama), null when unknown
 * @param owner                who publishes it, as an OpenAI-compatible list's {@code owned_by} says; null when unknown
 */
public record ModelView(String id, String name, Long contextTokens, Long outputTokens, Double inputCostPerMillion,
                        Double outputCostPerMillion, boolean toolCall, boolean reasoning, boolean attachment,
                        String status, boolean isDefault, String source, Long sizeBytes, String family,
                        String parameterSize, String quantization, String owner) {
    public static final String LIVE = "live";
    public static final String CATALOG = "catalog";
    public static final String OVERRIDE = "override";
}
