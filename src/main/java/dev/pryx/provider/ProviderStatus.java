package dev.pryx.provider;

import java.time.Instant;

/**
 * One provider on the status board ({@code provider status}, the TUI's status screen, later the
 * API): what is configured and what is in force for this process, each value with where it came
 * from, so an environment override never goes unnoticed.
 *
 * @param active       whether it is the provider in force ({@code PRYX_PROVIDER} beats the config)
 * @param activeSource where the choice of the provider in force came from: {@code env PRYX_PROVIDER},
 *                     {@code config}; null when this provider is not the one in force
 * @param keyState     of the key in force: {@code set}, {@code missing}, {@code optional} (none set, and
 *                     a custom OpenAI-compatible server may need none) or {@code not needed}
 * @param keyRef       the vault reference in force, e.g. {@code vault:openai}; null when no key is needed
 * @param keySource    {@code config}, or {@code env PRYX_API_KEY_REF} when that variable points the
 *                     provider in force at another vault entry
 * @param keySetAt     when the current key's first kept version was stored; null without a key
 * @param keyChangedAt when the current key was stored (its rotation time, else {@code keySetAt})
 * @param model        the model in force: {@code PRYX_MODEL} for the provider in force, else the
 *                     configured default; null when none
 * @param modelSource  {@code env PRYX_MODEL}, {@code config} or {@code none}
 * @param unusedEnvKey a conventional variable for this provider's key (e.g. {@code OPENAI_API_KEY})
 *                     that is set in the environment; pryx does not read it (keys come from the
 *                     vault; {@code provider import-env} stores it), or null
 * @param lastTest     the last connection test, or null when never tested
 */
public record ProviderStatus(String id, String name, String provider, boolean enabled, boolean active,
                             String activeSource, String authType, String keyState, String keyRef, String keySource,
                             String fingerprint, Instant keySetAt, Instant keyChangedAt, int keyVersions,
                             String model, String modelSource, String baseUrl, String unusedEnvKey,
                             LastTest lastTest) {
}
