package dev.pryx.catalog;

import java.time.Instant;
import java.util.List;

/**
 * Where the catalog in use came from, and what the last refresh changed.
 *
 * @param source       "built-in" or "cache"
 * @param url          where the cached copy was fetched from, or null for the built-in one
 * @param fetchedAt    when the cached copy was fetched, or null
 * @param lastChange   what the refresh that produced the cache added and removed, or null
 */
public record CatalogInfo(String source, String url, Instant fetchedAt, int providerCount, int modelCount,
                          Change lastChange) {

    /** Providers and models added or removed by a refresh (models as "provider/model"). */
    public record Change(List<String> addedProviders, List<String> removedProviders, List<String> addedModels,
                         List<String> removedModels) {
    }
}
