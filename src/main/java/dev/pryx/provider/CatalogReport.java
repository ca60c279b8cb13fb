package dev.pryx.provider;

import java.time.Instant;
import java.util.List;

/**
 * Where the catalog in use came from, and what the last refresh changed ({@code catalog info},
 * {@code catalog refresh}).
 *
 * @param source  {@code built-in} or {@code cache}
 * @param changed after a refresh: false when the server said "not modified"
 */
public record CatalogReport(String source, String url, Instant fetchedAt, int providers, int models, boolean changed,
                            List<String> addedProviders, List<String> removedProviders, List<String> addedModels,
                            List<String> removedModels) {
}
