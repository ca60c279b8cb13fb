package dev.pryx.provider;

import dev.pryx.catalog.CatalogModel;
import dev.pryx.catalog.CatalogProvider;
import dev.pryx.net.models.LiveModel;
import dev.pryx.net.models.ModelListKind;
import dev.pryx.net.models.ModelLister;
import dev.pryx.net.models.ModelListing;
import dev.pryx.net.probe.ProbeResult;
import dev.pryx.support.PryxException;
import dev.pryx.support.PryxPaths;
import dev.pryx.support.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * A provider's model list as the faces see it ({@link ProviderManager#models(String, Freshness)}
 * delegates here): the provider's live list where the catalog says it has one (fetched, or from
 * the cache), every model filled in from the catalog where the ids match, and the user's
 * overrides on top. Precedence, field by field: the override, then what the live list states,
 * then the catalog. The live list wins over the catalog because it is the provider's own word on
 * its prices and limits today; the catalog only fills what the list does not state (Ollama states
 * no limits at all).
 *
 * <p>A catalog model matches a live one with the same id, or, for Ollama's implicit tag, the id
 * without {@code :latest} ({@code llama3.2:latest} is the catalog's {@code llama3.2}). Overrides
 * match the same way.
 */
final class ModelLists {
    /**
     * How long a fetched list serves before a listing fetches again. Lists change when the user
     * pulls a model into Ollama or a provider launches one; an hour keeps repeated listings instant
     * (and working offline) while a new model still shows up within the hour, and
     * {@code --refresh} fetches at once.
     */
    static final Duration TTL = Duration.ofHours(1);
    /** As for a connection test. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than a test's 20 s: OpenRouter's list is a megabyte or two, not a short answer. */
    static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(30);
    private static final String LATEST = ":latest";

    private final ModelCache cache;
    private final ModelOverrides overrides;
    private final Clock clock;
    private final Supplier<OkHttpClient> http;
    private final ProviderEvent.Listener events;

    /** @param http the shared client, asked for only when a list is fetched */
    ModelLists(PryxPaths paths, Clock clock, Supplier<OkHttpClient> http, ProviderEvent.Listener events) {
        this.cache = new ModelCache(paths.cache());
        this.overrides = new ModelOverrides(paths.config());
        this.clock = clock;
        this.http = http;
        this.events = events;
    }

    /**
     * The models of {@code config}'s provider.
     *
     * @param key gives the key to send (or null for none); asked for only when a list is fetched,
     *            and closed here
     * @throws PryxException (usage) for a malformed overrides file, before any network; with
     *                       {@link Freshness#REFRESH}, (check failed) when the provider refused the
     *                       key or the base URL looks wrong, (remote) when the network or the
     *                       provider failed: the same split as {@code provider test}'s exit codes
     */
    ModelList list(ProviderConfig config, CatalogProvider catalog, Freshness freshness, Supplier<Secret> key) {
        Map<String, ModelOverrides.Override> own = overrides.forProvider(config.id());
        Optional<ModelListKind> listKind = catalog.liveModels() ? ModelListKind.forTestKind(catalog.testKind()) : Optional.empty();
        if (listKind.isEmpty()) {
            return fromCatalog(config, catalog, own, false, null);
        }
        ModelListKind kind = listKind.get();
        Optional<ModelCache.Entry> cached = cache.read(config.id())
                .filter(e -> e.matches(config.id(), kind.wireName(), config.baseUrl()));
        boolean fresh = cached.map(e -> fresh(e, clock.instant())).orElse(false);
        if (freshness == Freshness.CACHED_ONLY || freshness == Freshness.IF_STALE && fresh) {
            return cached.map(e -> fromCache(config, catalog, own, e, null))
                    .orElseGet(() -> fromCatalog(config, catalog, own, true, null));
        }
        ModelListing listing;
        try (Secret k = key.get()) {
            listing = new ModelLister(http.get(), CONNECT_TIMEOUT, TOTAL_TIMEOUT).list(kind, config.baseUrl(), k);
        }
        events.on(new ProviderEvent("provider.models", config.id(), null, ConnectionReport.wireName(listing.result().verdict())));
        if (listing.ok()) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            ModelCache.Entry entry = new ModelCache.Entry(ModelCache.FORMAT, config.id(), kind.wireName(),
                    ModelCache.fingerprint(config.baseUrl()), now, listing.models());
            cache.write(entry);
            return new ModelList(config.id(), true, ModelList.LIVE, now, 0L, false,
                    merge(listing.models(), catalog, own, config.model()), null, null);
        }
        ProbeResult failure = listing.result();
        if (freshness == Freshness.REFRESH) {
            throw new PryxException(ConnectionReport.remote(failure.verdict()) ? PryxException.Kind.REMOTE
                    : PryxException.Kind.CHECK_FAILED, failure.message(config.name()) + " " + failure.hint(config.id()));
        }
        return cached.map(e -> fromCache(config, catalog, own, e, failure))
                .orElseGet(() -> fromCatalog(config, catalog, own, true, failure));
    }

    /**
     * Whether {@code models} holds the model {@code id}: by the same id, or, for Ollama's implicit
     * tag, with {@code :latest} added ({@code llama3.2} names the listed {@code llama3.2:latest}).
     */
    static boolean names(List<ModelView> models, String id) {
        return models.stream().anyMatch(m -> sameModel(m.id(), id));
    }

    /** Whether a listed id is the model {@code id}: the same, or {@code id} with Ollama's implicit tag. */
    private static boolean sameModel(String listed, String id) {
        return listed.equals(id) || listed.equals(id + LATEST);
    }

    /**
     * Deletes the provider's cached list (its provider is removed); a failure is logged, never
     * thrown.
     */
    void forget(String providerId) {
        cache.delete(providerId);
    }

    /** Younger than the time to live; a list from the future (the clock went back) is not. */
    private static boolean fresh(ModelCache.Entry e, Instant now) {
        Duration age = Duration.between(e.fetchedAt(), now);
        return !age.isNegative() && age.compareTo(TTL) < 0;
    }

    private ModelList fromCache(ProviderConfig config, CatalogProvider catalog, Map<String, ModelOverrides.Override> own,
                                ModelCache.Entry e, ProbeResult failure) {
        Instant now = clock.instant();
        long age = Math.max(0, Duration.between(e.fetchedAt(), now).getSeconds());
        return new ModelList(config.id(), true, ModelList.CACHE, e.fetchedAt(), age, !fresh(e, now),
                merge(e.models(), catalog, own, config.model()), failure == null ? null : failure.message(config.name()),
                failure == null ? null : failure.hint(config.id()));
    }

    private static ModelList fromCatalog(ProviderConfig config, CatalogProvider catalog,
                                         Map<String, ModelOverrides.Override> own, boolean listsLive, ProbeResult failure) {
        List<ModelView> views = new ArrayList<>();
        for (CatalogModel m : catalog.models().values()) {
            views.add(catalogView(m, m.id(), ModelView.CATALOG, config.model()));
        }
        return new ModelList(config.id(), listsLive, ModelList.CATALOG, null, null, false,
                override(views, catalog, own, config.model()), failure == null ? null : failure.message(config.name()),
                failure == null ? null : failure.hint(config.id()));
    }

    /** The live models in the provider's order, each filled in from the catalog, then the overrides. */
    static List<ModelView> merge(List<LiveModel> live, CatalogProvider catalog, Map<String, ModelOverrides.Override> own,
                                 String defaultModel) {
        List<ModelView> views = new ArrayList<>();
        for (LiveModel l : live) {
            CatalogModel c = lookup(catalog.models(), l.id());
            views.add(new ModelView(l.id(), first(l.name(), c == null ? null : c.name(), l.id()),
                    first(l.contextTokens(), c == null ? null : c.contextTokens()),
                    first(l.outputTokens(), c == null ? null : c.outputTokens()),
                    first(l.inputCostPerMillion(), c == null ? null : c.inputCostPerMillion()),
                    first(l.outputCostPerMillion(), c == null ? null : c.outputCostPerMillion()),
                    l.toolCall() != null ? l.toolCall() : c != null && c.toolCall(),
                    l.reasoning() != null ? l.reasoning() : c != null && c.reasoning(),
                    l.attachment() != null ? l.attachment() : c != null && c.attachment(),
                    c == null ? null : c.status(), defaultModel != null && sameModel(l.id(), defaultModel), ModelView.LIVE, l.sizeBytes(),
                    first(l.family(), c == null ? null : c.family()), l.parameterSize(), l.quantization(), l.owner()));
        }
        return override(views, catalog, own, defaultModel);
    }

    /**
     * The overrides applied to the models they name, then the models only they name appended (in
     * the file's order), filled from the catalog where it knows them.
     */
    private static List<ModelView> override(List<ModelView> views, CatalogProvider catalog,
                                            Map<String, ModelOverrides.Override> own, String defaultModel) {
        if (own.isEmpty()) {
            return views;
        }
        Set<String> used = new HashSet<>();
        List<ModelView> out = new ArrayList<>(views.size() + own.size());
        for (ModelView v : views) {
            String key = own.containsKey(v.id()) ? v.id() : v.id().endsWith(LATEST) ? withoutLatest(v.id()) : null;
            ModelOverrides.Override o = key == null ? null : own.get(key);
            if (o != null) {
                used.add(key);
                v = apply(v, o);
            }
            out.add(v);
        }
        for (Map.Entry<String, ModelOverrides.Override> e : own.entrySet()) {
            if (used.contains(e.getKey())) {
                continue;
            }
            CatalogModel c = lookup(catalog.models(), e.getKey());
            ModelView base = c != null ? catalogView(c, e.getKey(), ModelView.OVERRIDE, defaultModel)
                    : new ModelView(e.getKey(), e.getKey(), null, null, null, null, false, false, false, null,
                            e.getKey().equals(defaultModel), ModelView.OVERRIDE, null, null, null, null, null);
            out.add(apply(base, e.getValue()));
        }
        return out;
    }

    private static ModelView apply(ModelView v, ModelOverrides.Override o) {
        return new ModelView(v.id(), first(o.name(), v.name()), first(o.context(), v.contextTokens()),
                first(o.output(), v.outputTokens()), first(o.inputPrice(), v.inputCostPerMillion()),
                first(o.outputPrice(), v.outputCostPerMillion()), first(o.tools(), v.toolCall()),
                first(o.reasoning(), v.reasoning()), first(o.attachment(), v.attachment()), v.status(), v.isDefault(),
                v.source(), v.sizeBytes(), v.family(), v.parameterSize(), v.quantization(), v.owner());
    }

    private static ModelView catalogView(CatalogModel m, String id, String source, String defaultModel) {
        return new ModelView(id, m.name() == null ? id : m.name(), m.contextTokens(), m.outputTokens(),
                m.inputCostPerMillion(), m.outputCostPerMillion(), m.toolCall(), m.reasoning(), m.attachment(), m.status(),
                id.equals(defaultModel), source, null, m.family(), null, null, null);
    }

    /** The catalog's model of that id, or of the id without Ollama's implicit {@code :latest}. */
    private static CatalogModel lookup(Map<String, CatalogModel> models, String id) {
        CatalogModel exact = models.get(id);
        return exact != null || !id.endsWith(LATEST) ? exact : models.get(withoutLatest(id));
    }

    private static String withoutLatest(String id) {
        return id.substring(0, id.length() - LATEST.length());
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
