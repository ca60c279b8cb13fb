package dev.pryx.provider;

/**
 * One model of a provider, as {@code provider models} lists it.
 *
 * @param contextTokens        null when unknown
 * @param inputCostPerMillion  USD per million input tokens, null when unknown
 * @param isDefault            whether it is the provider's default model
 */
public record ModelView(String id, String name, Long contextTokens, Long outputTokens, Double inputCostPerMillion,
                        Double outputCostPerMillion, boolean toolCall, boolean reasoning, boolean attachment,
                        String status, boolean isDefault) {
}
