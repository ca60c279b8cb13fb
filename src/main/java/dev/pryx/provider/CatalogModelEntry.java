package dev.pryx.provider;

/** A model of a catalog provider, as a search across every provider lists it. */
public record CatalogModelEntry(String provider, String providerName, String id, String name) {
}
