package dev.pryx.provider;

import java.util.List;

/** A provider of the catalog, as {@code provider list --all} shows it. */
public record CatalogEntry(String id, String name, List<String> authTypes, String baseUrl, int models,
                           List<String> env, boolean liveModels, boolean configured) {
}
