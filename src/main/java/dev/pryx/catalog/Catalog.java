package dev.pryx.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An immutable set of providers (with their models) and where it came from. */
public final class Catalog {
    private final Map<String, CatalogProvider> providers;
    private final CatalogInfo info;

    public Catalog(Collection<CatalogProvider> providers, CatalogInfo info) {
        Map<String, CatalogProvider> byId = new TreeMap<>();
        for (CatalogProvider p : providers) {
            byId.put(p.id(), p);
        }
        this.providers = Collections.unmodifiableMap(byId);
        this.info = info;
    }

    public Optional<CatalogProvider> provider(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    /** Every provider, by id. */
    public Collection<CatalogProvider> providers() {
        return providers.values();
    }

    public int modelCount() {
        return providers.values().stream().mapToInt(p -> p.models().size()).sum();
    }

    public CatalogInfo info() {
        return info;
    }
}
