package dev.pryx.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One model of a provider, with the fields pryx shows, and the whole original JSON object so that
 * nothing the catalog says is lost (unknown fields included).
 *
 * @param contextTokens  context window, or null when unknown
 * @param outputTokens   maximum output, or null when unknown
 * @param inputCostPerMillion  USD per million input tokens, or null when unknown
 * @param outputCostPerMillion USD per million output tokens, or null when unknown
 * @param status         e.g. "deprecated", "beta", or null
 */
public record CatalogModel(String id, String name, String family, Long contextTokens, Long outputTokens,
                           Double inputCostPerMillion, Double outputCostPerMillion, boolean toolCall,
                           boolean reasoning, boolean attachment, String status, String releaseDate,
                           JsonNode raw) {
}
