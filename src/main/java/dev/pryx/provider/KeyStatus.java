package dev.pryx.provider;

import java.time.Instant;

/**
 * What can be said about a provider's key without showing it.
 *
 * @param ref          the vault reference in use, e.g. {@code vault:openai}
 * @param setAt        when the first kept version was stored
 * @param rotatedAt    when the current version replaced an earlier one, or null
 * @param versions     how many versions are kept (the current one and those a rollback can return to)
 * @param overriddenBy the environment variable that overrides the reference for this process, or null
 */
public record KeyStatus(String id, boolean set, String ref, String fingerprint, Instant setAt, Instant rotatedAt,
                        int versions, String overriddenBy) {
}
