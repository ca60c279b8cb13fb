package dev.pryx.provider;

/**
 * How fresh a live model list must be, and so whether asking for it may touch the network. For a
 * provider without a live list (the catalog's list is all there is) every value gives the same.
 */
public enum Freshness {
    /**
     * Never the network: the cached live list however old, else the catalog's. For a UI thread
     * (the TUI's model picker) and anything else that must not wait.
     */
    CACHED_ONLY,
    /**
     * The cached list while it is younger than the time to live; else a fetch, falling back to the
     * older cached list, or the catalog's, with the fetch's problem attached when it fails. What
     * {@code provider models} does by default.
     */
    IF_STALE,
    /** A fetch now, whatever the cache holds; a failure is an error (what {@code --refresh} does). */
    REFRESH
}
