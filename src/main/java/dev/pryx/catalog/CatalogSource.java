package dev.pryx.catalog;

/** Where the provider manager gets its catalog; the real one is {@link CatalogService}. */
public interface CatalogSource {
    /** The catalog in use: loaded once, then kept until a refresh replaces it. */
    Catalog catalog();

    /**
     * Fetches the catalog anew and, when it is valid, makes it the one in use (and caches it).
     * On any failure the previous catalog stays and a {@code PryxException} says why.
     */
    Refreshed refresh();

    /** @param changed false when the server answered "not modified" */
    record Refreshed(boolean changed, CatalogInfo info) {
    }
}
