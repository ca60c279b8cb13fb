package dev.pryx.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One provider as pryx knows it: models.dev's data merged with pryx's own overlay (auth types,
 * default base URL where models.dev has none, key format, how to test a key, live model lists).
 *
 * @param envVars    environment variables that conventionally hold its key (models.dev {@code env})
 * @param baseUrl    the API base URL to use: models.dev's {@code api}, else the overlay's default; may be null
 *                   only for providers that need the user to give one
 * @param authTypes  supported ways to authenticate, preferred first; never empty
 * @param keyFormat  what its API keys look like, or null when unknown
 * @param testKind   how a key is tested (overlay), e.g. "openai-models", or null when unknown
 * @param liveModels whether its model list is fetched from the provider (OpenRouter, Ollama, ...)
 * @param models     by model id, in catalog order; ids may contain '/'
 * @param raw        the provider's original JSON object without its models
 */
public record CatalogProvider(String id, String name, List<String> envVars, String npm, String docUrl,
                              String baseUrl, List<AuthType> authTypes, KeyFormat keyFormat, String testKind,
                              boolean liveModels, Map<String, CatalogModel> models, JsonNode raw) {
}
