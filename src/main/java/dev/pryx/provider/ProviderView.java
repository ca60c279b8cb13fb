package dev.pryx.provider;

/**
 * A configured provider as listed by {@code provider list} and {@code provider status}.
 *
 * @param keyState    {@code set}, {@code missing} or {@code not needed}
 * @param fingerprint the key's fingerprint when set, else null
 * @param active      whether it is the default provider (before environment overrides)
 */
public record ProviderView(String id, String name, String provider, boolean enabled, String authType, String keyState,
                           String fingerprint, String model, String baseUrl, boolean active) {
}
