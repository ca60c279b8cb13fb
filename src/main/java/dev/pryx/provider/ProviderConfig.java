package dev.pryx.provider;

import java.time.Instant;

/**
 * One configured provider account, as stored in the vault (collection {@code providers}) and shown
 * by {@code --json}: the guide's schema plus {@code provider} (the catalog id) and {@code auth_type}.
 *
 * @param id        the instance id: the catalog id, or the name given with {@code --as}
 * @param provider  the catalog provider this account belongs to
 * @param apiKeyRef where its key comes from, {@code vault:<name>}; null for providers without keys
 * @param model     its default model, or null
 * @param baseUrl   its API base URL (the catalog's unless overridden)
 * @param authType  {@code api_key}, {@code oauth2} or {@code none}
 */
public record ProviderConfig(String id, String name, boolean enabled, String apiKeyRef, String model, String baseUrl,
                             Instant createdAt, Instant updatedAt, String provider, String authType) {

    public ProviderConfig withModel(String newModel, Instant now) {
        return new ProviderConfig(id, name, enabled, apiKeyRef, newModel, baseUrl, createdAt, now, provider, authType);
    }

    public ProviderConfig withName(String newName, Instant now) {
        return new ProviderConfig(id, newName, enabled, apiKeyRef, model, baseUrl, createdAt, now, provider, authType);
    }

    public ProviderConfig withBaseUrl(String newBaseUrl, Instant now) {
        return new ProviderConfig(id, name, enabled, apiKeyRef, model, newBaseUrl, createdAt, now, provider, authType);
    }

    public ProviderConfig withEnabled(boolean newEnabled, Instant now) {
        return new ProviderConfig(id, name, newEnabled, apiKeyRef, model, baseUrl, createdAt, now, provider, authType);
    }
}
