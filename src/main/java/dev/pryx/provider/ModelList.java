package dev.pryx.provider;

import java.time.Instant;
import java.util.List;

/**
 * A provider's models and where the list came from, so a face can say how current it is.
 *
 * @param providerId the provider instance id
 * @param listsLive  whether the provider has a live list at all (else the catalog's is all there is)
 * @param source     {@code live} (fetched just now), {@code cache} (the last live list, fetched at
 *                   {@code fetchedAt}) or {@code catalog} (no live list, none fetched yet, or the
 *                   fetch failed before any list was cached)
 * @param fetchedAt  when the live list was fetched; null for the catalog
 * @param ageSeconds how old the live list is, in whole seconds; null for the catalog
 * @param stale      whether a cached list is past its time to live (it was used because nothing
 *                   newer could be had, or because the caller asked not to wait)
 * @param models     the models, merged with the catalog and the user's overrides
 * @param problem    when a fetch failed and an older list or the catalog stands in: one sentence on
 *                   what went wrong, naming the provider (never holding the key); else null
 * @param hint       what to do about {@code problem}; null without one
 */
public record ModelList(String providerId, boolean listsLive, String source, Instant fetchedAt, Long ageSeconds,
                        boolean stale, List<ModelView> models, String problem, String hint) {
    public static final String LIVE = "live";
    public static final String CACHE = "cache";
    public static final String CATALOG = "catalog";

    public ModelList {
        models = List.copyOf(models);
    }
}
