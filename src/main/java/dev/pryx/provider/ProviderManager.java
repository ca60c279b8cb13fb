package dev.pryx.provider;

import dev.pryx.catalog.AuthType;
import dev.pryx.catalog.Catalog;
import dev.pryx.catalog.CatalogInfo;
import dev.pryx.catalog.CatalogModel;
import dev.pryx.catalog.CatalogProvider;
import dev.pryx.catalog.CatalogSource;
import dev.pryx.catalog.KeyFormat;
import dev.pryx.net.HttpClients;
import dev.pryx.net.NetworkReport;
import dev.pryx.net.NetworkSettings;
import dev.pryx.net.NetworkSettingsFile;
import dev.pryx.net.probe.ConnectionProbe;
import dev.pryx.net.probe.ProbeKind;
import dev.pryx.net.probe.ProbeRequest;
import dev.pryx.net.probe.ProbeResult;
import dev.pryx.support.Environment;
import dev.pryx.support.PlainText;
import dev.pryx.support.PryxException;
import dev.pryx.support.PryxPaths;
import dev.pryx.support.Secret;
import dev.pryx.vault.FileVault;
import dev.pryx.vault.VaultStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The one API that the TUI, the CLI and the HTTP API call. It owns every workflow (vault, provider
 * accounts, keys, models, the active selection) and hides the vault, catalog, OAuth and audit
 * packages from the faces, which see only this package's records.
 */
public final class ProviderManager implements AutoCloseable {
    static final String PROVIDERS = "providers";
    static final String SETTINGS = "settings";
    static final String DEFAULTS = "defaults";
    public static final String ENV_PROVIDER = "PRYX_PROVIDER";
    public static final String ENV_MODEL = "PRYX_MODEL";
    public static final String ENV_KEY_REF = "PRYX_API_KEY_REF";

    /** Process-wide choices kept in the vault (collection {@code settings}, id {@code defaults}). */
    record Defaults(String provider) {
    }

    /** What {@code provider add} asks for; null fields take the catalog's values. */
    public record NewProvider(String catalogId, String id, String name, String baseUrl, String model) {
    }

    /** What {@code provider set-config} changes; null fields stay as they are. */
    public record ConfigChange(String name, String baseUrl, Boolean enabled) {
    }

    private final VaultSession session;
    private final PassphraseSource passphrases;
    private final CatalogSource catalogs;
    private final Environment env;
    private final Clock clock;
    private final SecretInput input;
    private final ProviderKeys keys;
    private final ProviderEvent.Listener events;
    private final Supplier<OkHttpClient> http;
    private final ModelLists modelLists;
    private final PryxPaths paths;

    /** With an HTTP client of its own, made on the first connection test (most commands never need one). */
    public ProviderManager(PryxPaths paths, FileVault.Options vaultOptions, PassphraseSource passphrases,
                           SecretInput input, CatalogSource catalogs, Environment env, Clock clock,
                           ProviderEvent.Listener events) {
        this(paths, vaultOptions, passphrases, input, catalogs, env, clock, events,
                onFirstUse(() -> HttpClients.forPryx(env, paths.config(), "pryx")));
    }

    /**
     * @param http the shared HTTP client for connection tests; asked for only when a test runs, so
     *             a lazy supplier keeps other commands from building one
     */
    public ProviderManager(PryxPaths paths, FileVault.Options vaultOptions, PassphraseSource passphrases,
                           SecretInput input, CatalogSource catalogs, Environment env, Clock clock,
                           ProviderEvent.Listener events, Supplier<OkHttpClient> http) {
        this.http = Objects.requireNonNull(http, "http");
        this.paths = paths;
        this.session = new VaultSession(paths, vaultOptions, passphrases, input);
        this.passphrases = passphrases;
        this.catalogs = catalogs;
        this.env = env;
        this.clock = clock;
        this.input = input;
        this.events = events;
        this.keys = new ProviderKeys(input, events);
        this.modelLists = new ModelLists(paths, clock, http, events);
    }

    // ---- the vault ----------------------------------------------------------------------------

    /** Creates the vault; fails when one exists. */
    public VaultReport initVault() {
        session.init();
        return vaultStatus();
    }

    /** Describes the vault from its header; no passphrase needed. */
    public VaultReport vaultStatus() {
        return report(session.status());
    }

    /** Where the vault file is (or will be created). */
    public String vaultPath() {
        return session.file().toString();
    }

    /** Whether a vault file exists; no passphrase needed. */
    public boolean vaultExists() {
        return session.exists();
    }

    /** Whether the vault is open in this process (unlocked, or created). */
    public boolean vaultUnlocked() {
        return session.isOpen();
    }

    /** Whether the environment supplies the vault passphrase, so a face need not ask. */
    public boolean passphraseConfigured() {
        return passphrases.isConfigured();
    }

    /** Opens the vault with the passphrase from the environment (or a prompt, in the CLI). */
    public void unlockVault() {
        session.vault();
    }

    /** Opens the existing vault with a passphrase the face collected; takes ownership of it. Slow (KDF). */
    public void unlockVault(Secret passphrase) {
        session.unlock(passphrase);
    }

    /** Creates the vault with a passphrase the face collected (typed twice there); takes ownership. Slow (KDF). */
    public void createVault(Secret passphrase) {
        session.create(passphrase);
    }

    /** Unlocks with the current passphrase and protects the vault with a new one. */
    public void changeVaultPassphrase() {
        session.changePassphrase();
    }

    /** Replaces the vault with the newest backup that opens (or the given generation). */
    public VaultReport.Restored restoreVault(OptionalLong generation) {
        FileVault.Restored restored = session.restore(generation);
        return new VaultReport.Restored(restored.fromGeneration(), restored.vault().generation());
    }

    /** The open vault (created on first use when none exists); for this package's workflows. */
    FileVault vault() {
        return session.vault();
    }

    // ---- providers ----------------------------------------------------------------------------

    /** The configured providers, by id. */
    public List<ProviderView> listProviders() {
        if (!session.exists()) {
            return List.of();
        }
        FileVault vault = vault();
        String active = defaults(vault).provider();
        List<ProviderView> out = new ArrayList<>();
        for (ProviderConfig p : configs(vault).values()) {
            String keyState;
            String fingerprint = null;
            if (AuthType.NONE.wireName().equals(p.authType())) {
                keyState = "not needed";
            } else {
                KeyStatus k = keys.status(vault, p.id(), credentialOf(p), null);
                keyState = k.set() ? "set" : "missing";
                fingerprint = k.fingerprint();
            }
            out.add(new ProviderView(p.id(), p.name(), p.provider(), p.enabled(), p.authType(), keyState, fingerprint,
                    p.model(), p.baseUrl(), p.id().equals(active)));
        }
        return out;
    }

    /** Every provider of the catalog (no vault needed). */
    public List<CatalogEntry> catalogProviders() {
        // Catalog ids that have at least one configured account, read once.
        java.util.Set<String> configured = configsIfAny().values().stream().map(ProviderConfig::provider)
                .collect(java.util.stream.Collectors.toSet());
        List<CatalogEntry> out = new ArrayList<>();
        for (CatalogProvider p : catalog().providers()) {
            out.add(new CatalogEntry(p.id(), p.name(), p.authTypes().stream().map(AuthType::wireName).toList(),
                    p.baseUrl(), p.models().size(), p.envVars(), p.liveModels(), configured.contains(p.id())));
        }
        return out;
    }

    /** Every model of every catalog provider, for search across all of them (no vault needed). */
    public List<CatalogModelEntry> catalogModels() {
        List<CatalogModelEntry> out = new ArrayList<>();
        for (CatalogProvider p : catalog().providers()) {
            for (CatalogModel m : p.models().values()) {
                out.add(new CatalogModelEntry(p.id(), p.name(), m.id(), m.name()));
            }
        }
        return out;
    }

    /** Adds an account of a catalog provider. The first one added becomes the default provider. */
    public ProviderConfig addProvider(NewProvider request) {
        CatalogProvider catalog = catalogProvider(request.catalogId());
        String id = ProviderIds.check(request.id() == null ? request.catalogId() : request.id());
        String baseUrl = request.baseUrl() == null ? catalog.baseUrl() : checkedUrl(request.baseUrl());
        warnIfCleartext(baseUrl);
        if (baseUrl == null) {
            throw new PryxException(PryxException.Kind.USAGE, catalog.name() + " has no default API address: give one with --base-url.");
        }
        AuthType auth = catalog.authTypes().get(0);
        Instant now = now();
        String name = request.name() == null ? catalog.name() : checkedName(request.name());
        ProviderConfig withoutModel = new ProviderConfig(id, name, true,
                auth == AuthType.NONE ? null : ProviderIds.VAULT_PREFIX + id, null, baseUrl, now, now, catalog.id(),
                auth.wireName());
        // The model is checked against what this account would list (its models.json entries included).
        ProviderConfig config = request.model() == null ? withoutModel
                : withoutModel.withModel(checkedModel(withoutModel, catalog, request.model()), now);
        vault().update(c -> {
            if (c.record(PROVIDERS, id, ProviderConfig.class).isPresent()) {
                throw new PryxException(PryxException.Kind.USAGE, "A provider '" + id + "' is configured already. "
                        + "Add another account with --as <name>, or change it with `pryx provider set-config " + id + "`.");
            }
            c.putRecord(PROVIDERS, id, config);
            if (c.record(SETTINGS, DEFAULTS, Defaults.class).map(Defaults::provider).isEmpty()) {
                c.putRecord(SETTINGS, DEFAULTS, new Defaults(id));
            }
            return null;
        });
        events.on(new ProviderEvent("provider.add", id, null, "ok"));
        return config;
    }

    /** The catalog entry that stands for "any server speaking the OpenAI API" (from pryx's overlay). */
    public static final String OPENAI_COMPATIBLE = "openai-compatible";

    /**
     * Adds a server that speaks a known API under a name of the user's choosing; the base URL is
     * required (there is no default) and the key optional (local servers often take none).
     */
    public ProviderConfig addCompatible(String api, String id, String name, String baseUrl, String model) {
        if (!"openai".equals(api)) {
            throw new PryxException(PryxException.Kind.USAGE, "'" + ProviderIds.printable(api)
                    + "' is not an API pryx knows; use --compatible openai.");
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new PryxException(PryxException.Kind.USAGE,
                    "An OpenAI-compatible provider needs its address: add --base-url, e.g. http://localhost:8000/v1.");
        }
        return addProvider(new NewProvider(OPENAI_COMPATIBLE, id, name == null ? id : name, baseUrl, model));
    }

    /**
     * Removes a provider and its key; the default moves to nothing if it was this one. Its cached
     * live model list goes too, so that a provider added later under the same id starts from a
     * fetch of its own; that file is only a cache, so failing to delete it is logged, not thrown.
     */
    public void removeProvider(String id) {
        ProviderConfig config = config(id);
        String credential = credentialOf(config);
        vault().update(c -> {
            c.removeRecord(PROVIDERS, id);
            c.removeRecord(TESTS, id); // a later account under the same id must not inherit its last test
            boolean sharedKey = credential != null && c.records(PROVIDERS, ProviderConfig.class).values().stream()
                    .anyMatch(other -> credential.equals(credentialOf(other)));
            if (credential != null && !sharedKey) {
                c.deleteCredential(credential);
            }
            if (id.equals(c.record(SETTINGS, DEFAULTS, Defaults.class).map(Defaults::provider).orElse(null))) {
                c.putRecord(SETTINGS, DEFAULTS, new Defaults(null));
            }
            return null;
        });
        modelLists.forget(id); // after the vault change, which is what matters: the cache is no reason to fail
        events.on(new ProviderEvent("provider.remove", id, null, "ok"));
    }

    /** Changes name, base URL or enabled state. */
    public ProviderConfig setConfig(String id, ConfigChange change) {
        ProviderConfig current = config(id);
        Instant now = now();
        ProviderConfig next = current;
        if (change.name() != null) {
            next = next.withName(checkedName(change.name()), now);
        }
        if (change.baseUrl() != null) {
            next = next.withBaseUrl(checkedUrl(change.baseUrl()), now);
            warnIfCleartext(next.baseUrl());
        }
        if (change.enabled() != null) {
            next = next.withEnabled(change.enabled(), now);
        }
        ProviderConfig saved = next;
        vault().update(c -> {
            c.putRecord(PROVIDERS, id, saved);
            return null;
        });
        events.on(new ProviderEvent("provider.update", id, null, "ok"));
        return saved;
    }

    // ---- keys ---------------------------------------------------------------------------------

    /**
     * Checks, before a face asks the person for a key, that the vault opens and that {@code id}
     * is a configured provider that takes one: a wrong passphrase or a typo must not cost a paste.
     */
    public void checkKeyTarget(String id) {
        requireCredential(config(id));
    }

    /** What a face shows before asking for a key: the same checks as {@link #checkKeyTarget}, plus the format hint. */
    public KeyPrompt keyPrompt(String id) {
        ProviderConfig config = config(id);
        String credential = requireCredential(config);
        KeyFormat format = catalog().provider(config.provider()).map(CatalogProvider::keyFormat).orElse(null);
        KeyStatus status = keys.status(vault(), id, credential, null);
        return new KeyPrompt(id, config.name(), format == null ? null : format.hint(), status.set(), status.fingerprint());
    }

    /** Live validation of a key being typed for {@code id}; stores nothing and does not take {@code key}. */
    public KeyCheck assessKey(String id, Secret key) {
        ProviderConfig config = config(id);
        return ProviderKeys.assess(key.chars(), catalog().provider(config.provider()).orElse(null));
    }

    /** Stores a key (the previous one, if any, is kept for rollback). Takes ownership of {@code key}. */
    public KeyStatus setKey(String id, Secret key, boolean strict) {
        ProviderConfig config = keyedConfig(id, key);
        Secret prepared = keys.prepare(key, catalog().provider(config.provider()).orElse(null), strict);
        return keys.store(vault(), id, credentialOf(config), prepared, now(), "key.set");
    }

    /** Replaces the current key with a new one, keeping the old one for {@code rollbackKey}. */
    public KeyStatus rotateKey(String id, Secret key, boolean strict) {
        ProviderConfig config = keyedConfig(id, key);
        if (!keys.isSet(vault(), credentialOf(config))) {
            key.close();
            throw new PryxException(PryxException.Kind.USAGE, "There is no key to rotate for " + id
                    + ". Set one with `pryx provider set-key " + id + "`.");
        }
        Secret prepared = keys.prepare(key, catalog().provider(config.provider()).orElse(null), strict);
        return keys.store(vault(), id, credentialOf(config), prepared, now(), "key.rotate");
    }

    /** Goes back to the previous key. */
    public KeyStatus rollbackKey(String id) {
        ProviderConfig config = config(id);
        String credential = requireCredential(config);
        if (!keys.rollback(vault(), id, credential)) {
            throw new PryxException(PryxException.Kind.USAGE, "There is no earlier key of " + id + " to go back to.");
        }
        return keyStatus(id);
    }

    public KeyStatus keyStatus(String id) {
        ProviderConfig config = config(id);
        String credential = requireCredential(config);
        String override = null;
        if (keyRefOverride(id) != null) {
            override = ENV_KEY_REF;
        }
        return keys.status(vault(), id, credential, override);
    }

    public void deleteKey(String id) {
        ProviderConfig config = config(id);
        if (!keys.delete(vault(), id, requireCredential(config))) {
            throw new PryxException(PryxException.Kind.USAGE, "No key is set for " + id + "; nothing was deleted.");
        }
    }

    /**
     * The key of a provider for a component acting in {@code scope}, if the vault's access
     * policy allows. The caller closes it.
     */
    public Secret readKey(String id, Scope scope) {
        String credential = credentialInForce(config(id));
        if (credential == null) {
            throw new PryxException(PryxException.Kind.USAGE, id + " needs no key.");
        }
        return keys.read(vault(), id, credential, scope);
    }

    /**
     * The vault entry that holds the provider's key for this process: its own, or the one
     * {@code PRYX_API_KEY_REF} names when it is the provider in force; null when it takes no key.
     * Every reader of keys (tests, model lists, the board) goes through here, so they agree.
     */
    private String credentialInForce(ProviderConfig config) {
        if (AuthType.NONE.wireName().equals(config.authType()) || config.apiKeyRef() == null) {
            return null;
        }
        String override = keyRefOverride(config.id());
        return override != null ? ProviderIds.credentialName(override) : credentialOf(config);
    }

    /** The key in force for {@code scope}, or null when the provider takes none or none is set. */
    private Secret keyIfSet(ProviderConfig config, Scope scope) {
        String credential = credentialInForce(config);
        if (credential == null || !keys.isSet(vault(), credential)) {
            return null;
        }
        return keys.read(vault(), config.id(), credential, scope);
    }

    // ---- connection tests ---------------------------------------------------------------------

    static final String TESTS = "tests";
    /** The longest wait for one connection (to the provider or a proxy). */
    static final Duration TEST_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The longest a whole test may take (both of Ollama's requests together). */
    static final Duration TEST_TOTAL_TIMEOUT = Duration.ofSeconds(20);

    /** The last connection test of each provider that has one, by provider id. */
    public Map<String, LastTest> lastTests() {
        if (!session.exists()) {
            return Map.of();
        }
        return vault().read(c -> c.records(TESTS, LastTest.class));
    }

    /** The status board: every configured provider, and what about the environment needs a look. */
    public record StatusBoard(List<ProviderStatus> providers, List<String> warnings) {
    }

    /**
     * Every configured provider with its key (state, fingerprint, age, and whether
     * {@code PRYX_API_KEY_REF} replaces it), the model in force and its source, and the last
     * test. Never opens the network; an environment variable naming something that does not
     * exist is a warning here, not a failure, since the board is where one goes to find out.
     */
    public StatusBoard status() {
        if (!session.exists()) {
            return new StatusBoard(List.of(), List.of());
        }
        FileVault vault = vault();
        Map<String, ProviderConfig> configs = configs(vault);
        Map<String, LastTest> tests = lastTests();
        List<String> warnings = new ArrayList<>();
        String configured = defaults(vault).provider();
        String active = configured;
        String activeSource = "config";
        Optional<String> fromEnv = env.value(ENV_PROVIDER).map(String::trim);
        if (fromEnv.isPresent()) {
            if (configs.containsKey(fromEnv.get())) {
                active = fromEnv.get();
                activeSource = "env " + ENV_PROVIDER;
            } else {
                active = null;
                warnings.add(ENV_PROVIDER + " names '" + fromEnv.get() + "', which is not configured; "
                        + "commands that use the provider in force will fail until it is added or the variable unset.");
            }
        }
        Optional<String> keyRef = env.value(ENV_KEY_REF).map(String::trim);
        if (keyRef.isPresent() && active == null) {
            warnings.add(ENV_KEY_REF + " is set but no provider is in force, so it applies to none.");
        }
        Optional<String> model = env.value(ENV_MODEL).map(String::trim);
        List<ProviderStatus> out = new ArrayList<>();
        for (ProviderConfig p : configs.values()) {
            boolean inForce = p.id().equals(active);
            String credential = credentialInForce(p);
            String keySource = credential != null && keyRefOverride(p.id()) != null ? "env " + ENV_KEY_REF : "config";
            String keyState = "not needed";
            KeyStatus key = null;
            if (credential != null) {
                key = keys.status(vault, p.id(), credential, null);
                // A custom OpenAI-compatible server often takes no key: not having one is no problem.
                keyState = key.set() ? "set" : OPENAI_COMPATIBLE.equals(p.provider()) ? "optional" : "missing";
            }
            boolean envModel = inForce && model.isPresent();
            String modelInForce = envModel ? model.get() : p.model();
            // A conventional variable (OPENAI_API_KEY) other tools read: said on the board, since a
            // person may expect pryx to use it too; pryx reads keys from the vault only.
            String shadow = key == null ? null : catalog().provider(p.provider()).stream()
                    .flatMap(c -> c.envVars().stream()).filter(v -> env.value(v).isPresent()).findFirst().orElse(null);
            out.add(new ProviderStatus(p.id(), p.name(), p.provider(), p.enabled(), inForce, inForce ? activeSource : null,
                    p.authType(), keyState, key == null ? null : key.ref(), key == null ? null : keySource,
                    key == null ? null : key.fingerprint(), key == null ? null : key.setAt(),
                    key == null || key.setAt() == null ? null : key.rotatedAt() != null ? key.rotatedAt() : key.setAt(),
                    key == null ? 0 : key.versions(), modelInForce,
                    envModel ? "env " + ENV_MODEL : modelInForce == null ? "none" : "config", p.baseUrl(), shadow,
                    tests.get(p.id())));
        }
        return new StatusBoard(out, warnings);
    }

    /** A provider's test, or why it could not be run. */
    public record CheckOutcome(String id, ConnectionReport report, String problem) {
        public boolean ok() {
            return report != null && report.ok();
        }

        /** What is wrong and what to do, in one or two sentences; null when the test passed. */
        public String whatIsWrong() {
            if (ok()) {
                return null;
            }
            return report != null ? report.whatIsWrong() : problem;
        }
    }

    /**
     * How many providers a check tests at once. Tests mostly wait on the network, so a person's
     * providers (ten or twenty) are best all tested together; the bound keeps a long list from
     * opening hundreds of connections through a proxy.
     */
    public static final int CHECK_PARALLELISM = 16;

    /**
     * Tests every enabled provider, {@link #CHECK_PARALLELISM} at a time, and records the verdicts
     * (what {@code provider status --check} and the TUI's "check all" do).
     */
    public List<CheckOutcome> checkEnabled() {
        List<String> enabled = configsIfAny().values().stream().filter(ProviderConfig::enabled).map(ProviderConfig::id).toList();
        return testConnections(enabled, CHECK_PARALLELISM);
    }

    /**
     * Tests several providers at once, at most {@code parallelism} at a time: each test mostly
     * waits on the network, so ten slow providers take about as long as the slowest, not the sum.
     * Results come back in the order of {@code ids}; one that cannot be tested (no key, say) says
     * why instead of stopping the others.
     */
    List<CheckOutcome> testConnections(List<String> ids, int parallelism) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Math.min(parallelism, ids.size())), r -> {
                    Thread t = new Thread(r, "pryx-check");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<java.util.concurrent.Future<CheckOutcome>> futures = new ArrayList<>();
            for (String id : ids) {
                futures.add(pool.submit(() -> {
                    try {
                        return new CheckOutcome(id, probe(id), null);
                    } catch (PryxException e) {
                        return new CheckOutcome(id, null, e.getMessage());
                    }
                }));
            }
            List<CheckOutcome> out = new ArrayList<>();
            for (java.util.concurrent.Future<CheckOutcome> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PryxException(PryxException.Kind.REMOTE, "Interrupted while testing the providers.");
                }
            }
            // One save for all the verdicts, not one per provider: each save encrypts and fsyncs
            // under the vault's lock, and concurrent tests would queue on it.
            record(out.stream().map(CheckOutcome::report).filter(java.util.Objects::nonNull).toList());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Tests a configured provider with one cheap request (see {@link ProbeKind}), reading its key
     * in the tester's scope ({@link Scope#PROVIDER_TEST}), and records the verdict in the vault
     * for {@code provider status}. What the network or the provider does is reported, never
     * thrown; blocks for up to {@link #TEST_TOTAL_TIMEOUT} (plus a vault save), so a face with a
     * UI thread calls it off that thread.
     *
     * @throws PryxException (usage) for an unknown provider, one pryx cannot test, a missing key
     *                       (except for an OpenAI-compatible server, which may need none), a key
     *                       the access policy keeps from the tester, or a base URL that is not
     *                       http(s); (vault) when the vault cannot be opened or saved
     */
    public ConnectionReport testConnection(String id) {
        ConnectionReport report = probe(id);
        record(List.of(report));
        return report;
    }

    /** {@link #testConnection} without recording the verdict. */
    private ConnectionReport probe(String id) {
        ProviderConfig config = config(id);
        String testKind = catalog().provider(config.provider()).map(CatalogProvider::testKind).orElse(null);
        ProbeKind kind = ProbeKind.find(testKind).orElseThrow(() -> new PryxException(PryxException.Kind.USAGE,
                "pryx cannot test " + id + " (" + config.name() + ") yet: it does not know a safe request for it."));
        ProbeResult result;
        try (Secret key = testKey(config)) {
            ProbeRequest request = key == null ? ProbeRequest.withoutKey(kind, config.baseUrl())
                    : new ProbeRequest(kind, config.baseUrl(), key);
            result = new ConnectionProbe(http.get(), TEST_CONNECT_TIMEOUT, TEST_TOTAL_TIMEOUT).probe(request);
        }
        return ConnectionReport.of(config, result, now());
    }

    /** Keeps each report as its provider's last test (one vault save), then tells the listener. */
    private void record(List<ConnectionReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        vault().update(c -> {
            for (ConnectionReport report : reports) {
                // Not for a provider removed while the test ran (another process): it would outlive it.
                if (c.record(PROVIDERS, report.providerId(), ProviderConfig.class).isPresent()) {
                    c.putRecord(TESTS, report.providerId(),
                            new LastTest(report.verdict(), report.latencyMs(), report.testedAt()));
                }
            }
            return null;
        });
        reports.forEach(r -> events.on(new ProviderEvent("provider.test", r.providerId(), null, r.verdict())));
    }

    /**
     * The key a test sends, read in the tester's scope; null when the provider takes none, or is an
     * OpenAI-compatible server without one (local servers often need none, and the test says so
     * when this one does).
     */
    private Secret testKey(ProviderConfig config) {
        Secret key = keyIfSet(config, Scope.PROVIDER_TEST);
        if (key == null && credentialInForce(config) != null && !OPENAI_COMPATIBLE.equals(config.provider())) {
            throw new PryxException(PryxException.Kind.USAGE, "No key is set for " + config.id()
                    + ": set one with `pryx provider set-key " + config.id() + "`.");
        }
        return key;
    }

    // ---- models -------------------------------------------------------------------------------

    /**
     * The provider's models without touching the network ({@link Freshness#CACHED_ONLY}): the
     * cached live list however old, else the catalog's. Safe on a UI thread.
     *
     * @throws PryxException (usage) for an unknown provider or a malformed {@code models.json}
     */
    public List<ModelView> models(String id) {
        return models(id, Freshness.CACHED_ONLY).models();
    }

    /**
     * The provider's models and where they came from: its live list where the catalog says it has
     * one (fetched when {@code freshness} asks, else from the cache), filled in from the catalog,
     * with the user's {@code models.json} overrides on top; the catalog's list for the others. A
     * fetch reads the key in the scope {@link Scope#MODEL_LIST} (none is sent when none is set:
     * OpenRouter's list is public, and local servers often need none) and blocks for up to
     * {@link ModelLists#TOTAL_TIMEOUT}, so a face with a UI thread calls this off that thread
     * unless it passes {@link Freshness#CACHED_ONLY}.
     *
     * @throws PryxException (usage) for an unknown provider, a malformed {@code models.json}, a key
     *                       the access policy keeps from the lister, or a base URL that is not
     *                       http(s); (vault) when the vault cannot be opened; with
     *                       {@link Freshness#REFRESH}, when the fetch fails: (check failed) for a
     *                       refused key or a wrong base URL, (remote) for the network or the provider
     */
    public ModelList models(String id, Freshness freshness) {
        Objects.requireNonNull(freshness, "freshness");
        ProviderConfig config = config(id);
        return models(config, catalogProvider(config.provider()), freshness);
    }

    /** A fetch sends the key when one is set; without one the provider says whether it needs one. */
    private ModelList models(ProviderConfig config, CatalogProvider catalog, Freshness freshness) {
        return modelLists.list(config, catalog, freshness, () -> keyIfSet(config, Scope.MODEL_LIST));
    }

    /** Makes a configured provider the default one, keeping its default model. */
    public void makeActive(String id) {
        config(id);
        vault().update(c -> {
            c.putRecord(SETTINGS, DEFAULTS, new Defaults(id));
            return null;
        });
        events.on(new ProviderEvent("provider.activate", id, null, "ok"));
    }

    /**
     * Sets the provider's default model and makes the provider the default one. The model must be
     * one {@link #models(String)} lists (the catalog's, the cached live list's, or one added in
     * {@code models.json}); for a provider that lists its models live, any other id is taken too,
     * with a note.
     *
     * @throws PryxException (usage) for an unknown provider, an id that is not a model of it, or a
     *                       malformed {@code models.json}
     */
    public ProviderConfig useModel(String id, String model) {
        ProviderConfig config = config(id);
        String checked = checkedModel(config, catalogProvider(config.provider()), model);
        ProviderConfig next = config.withModel(checked, now());
        vault().update(c -> {
            c.putRecord(PROVIDERS, id, next);
            c.putRecord(SETTINGS, DEFAULTS, new Defaults(id));
            return null;
        });
        events.on(new ProviderEvent("provider.update", id, null, "ok"));
        return next;
    }

    /**
     * The provider, model and key reference in force: a flag beats {@code PRYX_PROVIDER} /
     * {@code PRYX_MODEL} / {@code PRYX_API_KEY_REF}, which beat the configuration.
     */
    public ActiveSelection currentModel(String providerFlag, String modelFlag) {
        FileVault vault = session.exists() ? vault() : null;
        Map<String, ProviderConfig> configs = vault == null ? Map.of() : configs(vault);
        ActiveSelection.Value provider;
        if (providerFlag != null) {
            provider = new ActiveSelection.Value(ProviderIds.check(providerFlag), "flag");
        } else if (env.value(ENV_PROVIDER).isPresent()) {
            provider = new ActiveSelection.Value(ProviderIds.check(env.get(ENV_PROVIDER).trim()), "env " + ENV_PROVIDER);
        } else {
            String configured = vault == null ? null : defaults(vault).provider();
            provider = new ActiveSelection.Value(configured, configured == null ? "none" : "config");
        }
        ProviderConfig config = provider.value() == null ? null : configs.get(provider.value());
        if (provider.value() != null && config == null) {
            throw new PryxException(PryxException.Kind.USAGE, "The provider '" + provider.value() + "' (from "
                    + provider.source() + ") is not configured. Add it with `pryx provider add`.");
        }
        ActiveSelection.Value model;
        if (modelFlag != null) {
            model = new ActiveSelection.Value(modelFlag, "flag");
        } else if (env.value(ENV_MODEL).isPresent()) {
            model = new ActiveSelection.Value(env.get(ENV_MODEL).trim(), "env " + ENV_MODEL);
        } else {
            String configured = config == null ? null : config.model();
            model = new ActiveSelection.Value(configured, configured == null ? "none" : "config");
        }
        ActiveSelection.Value keyRef;
        if (env.value(ENV_KEY_REF).isPresent()) {
            String ref = env.get(ENV_KEY_REF).trim();
            ProviderIds.credentialName(ref);
            keyRef = new ActiveSelection.Value(ref, "env " + ENV_KEY_REF);
        } else {
            String configured = config == null ? null : config.apiKeyRef();
            keyRef = new ActiveSelection.Value(configured, configured == null ? "none" : "config");
        }
        return new ActiveSelection(provider, model, keyRef);
    }

    // ---- import from the environment ----------------------------------------------------------

    /** A key found in the environment under a catalog provider's conventional variable. */
    public record EnvKey(String provider, String variable, boolean configured, boolean keySet) {
    }

    /** Keys in the environment under the catalog's variable names (the values are not shown). */
    public List<EnvKey> findEnvKeys() {
        Map<String, ProviderConfig> configs = configsIfAny();
        List<EnvKey> out = new ArrayList<>();
        for (CatalogProvider p : catalog().providers()) {
            for (String variable : p.envVars()) {
                if (env.value(variable).isPresent() && p.authTypes().contains(AuthType.API_KEY)) {
                    ProviderConfig config = configs.get(p.id());
                    boolean keySet = config != null && config.apiKeyRef() != null
                            && keys.isSet(vault(), credentialOf(config));
                    out.add(new EnvKey(p.id(), variable, config != null, keySet));
                    break;
                }
            }
        }
        return out;
    }

    /** Stores the key found in {@code found.variable()}, adding the provider first when needed. */
    public KeyStatus importEnvKey(EnvKey found) {
        String value = env.get(found.variable());
        if (value == null || value.isBlank()) {
            throw new PryxException(PryxException.Kind.USAGE, found.variable() + " is not set.");
        }
        if (!configs(vault()).containsKey(found.provider())) {
            addProvider(new NewProvider(found.provider(), null, null, null, null));
        }
        return setKey(found.provider(), Secret.adopt(value.toCharArray()), false);
    }

    // ---- catalog ------------------------------------------------------------------------------

    public CatalogReport catalogInfo() {
        Catalog catalog = catalog();
        return catalogReport(catalog.info(), true);
    }

    public CatalogReport refreshCatalog() {
        CatalogSource.Refreshed refreshed = catalogs.refresh();
        return catalogReport(refreshed.info(), refreshed.changed());
    }

    // ---- network settings ---------------------------------------------------------------------

    /**
     * The proxy for each scheme, the no-proxy entries and the extra CA bundle in force for this
     * process, and where each comes from ({@code network.json} or the environment). Reads the
     * settings file and the bundle, never the vault or the network, so it works before a vault
     * exists; a bundle that cannot be used any more is reported, not thrown.
     */
    public NetworkView networkSettings() {
        NetworkSettingsFile file = new NetworkSettingsFile(paths.config());
        return NetworkView.of(NetworkReport.describe(env, file.load(), file.file()));
    }

    /**
     * Changes the saved network settings. Every new value is checked first (a proxy must be
     * {@code http://HOST:PORT} without credentials; a CA bundle a readable PEM file with at least
     * one certificate, saved as an absolute path; no-proxy entries hosts, domains, addresses or
     * CIDR blocks), so a bad value is a usage error and changes nothing. Clients built afterwards
     * use the result: the next command, or the app's next start.
     */
    public NetworkView updateNetworkSettings(NetworkChange change) {
        String proxy = change.proxy() == null ? null : NetworkSettings.checkedProxy(change.proxy());
        java.nio.file.Path bundle = change.caBundle() == null ? null : NetworkSettings.checkedCaBundle(change.caBundle());
        List<String> noProxy = change.noProxy() == null ? null : NetworkSettings.checkedNoProxy(change.noProxy());
        new NetworkSettingsFile(paths.config()).update(s -> {
            NetworkSettings out = change.removeProxy() ? s.withProxy(null) : proxy != null ? s.withProxy(proxy) : s;
            out = change.removeCaBundle() ? out.withCaBundle(null) : bundle != null ? out.withCaBundle(bundle) : out;
            return change.removeNoProxy() ? out.withNoProxy(List.of()) : noProxy != null ? out.withNoProxy(noProxy) : out;
        });
        return networkSettings();
    }

    // ---- internals ----------------------------------------------------------------------------

    @Override
    public void close() {
        session.close();
    }

    private Catalog catalog() {
        return catalogs.catalog();
    }

    private CatalogProvider catalogProvider(String catalogId) {
        ProviderIds.check(catalogId);
        return catalog().provider(catalogId).orElseThrow(() -> new PryxException(PryxException.Kind.USAGE,
                "'" + catalogId + "' is not a known provider. See `pryx provider list --all`" + suggestion(catalogId) + "."));
    }

    private String suggestion(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        return catalog().providers().stream().map(CatalogProvider::id)
                .filter(p -> p.startsWith(lower) || lower.startsWith(p) || p.contains(lower))
                .findFirst().map(p -> " (did you mean " + p + "?)").orElse("");
    }

    /** A configured provider; looking one up never creates a vault (with none, nothing is configured). */
    private ProviderConfig config(String id) {
        ProviderIds.check(id);
        ProviderConfig config = configsIfAny().get(id);
        if (config == null) {
            throw new PryxException(PryxException.Kind.USAGE, "No provider '" + id + "' is configured. "
                    + "See `pryx provider list`, or add it with `pryx provider add " + id + "`.");
        }
        return config;
    }

    /** The config of a provider that takes a key; closes {@code key} when it does not. */
    private ProviderConfig keyedConfig(String id, Secret key) {
        try {
            ProviderConfig config = config(id);
            requireCredential(config);
            return config;
        } catch (RuntimeException e) {
            key.close();
            throw e;
        }
    }

    private String requireCredential(ProviderConfig config) {
        String credential = credentialOf(config);
        if (credential == null) {
            throw new PryxException(PryxException.Kind.USAGE, config.id() + " (" + config.name() + ") needs no API key.");
        }
        return credential;
    }

    private static String credentialOf(ProviderConfig config) {
        return config.apiKeyRef() == null ? null : ProviderIds.credentialName(config.apiKeyRef());
    }

    /**
     * {@code PRYX_API_KEY_REF} when it applies to {@code id}, i.e. {@code id} is the active provider
     * ({@code PRYX_PROVIDER}, else the default); else null. Reads only those two facts, so an
     * unrelated bad override (a model, say) does not break a key lookup.
     */
    private String keyRefOverride(String id) {
        Optional<String> ref = env.value(ENV_KEY_REF).map(String::trim);
        if (ref.isEmpty()) {
            return null;
        }
        String active = env.value(ENV_PROVIDER).map(String::trim)
                .orElseGet(() -> session.exists() ? defaults(vault()).provider() : null);
        return id.equals(active) ? ref.get() : null;
    }

    /** The configured providers; with no vault yet there are none, and looking never creates one. */
    private Map<String, ProviderConfig> configsIfAny() {
        return session.exists() ? configs(vault()) : Map.of();
    }

    private Map<String, ProviderConfig> configs(FileVault vault) {
        return vault.read(c -> c.records(PROVIDERS, ProviderConfig.class));
    }

    private Defaults defaults(FileVault vault) {
        return vault.read(c -> c.record(SETTINGS, DEFAULTS, Defaults.class)).orElse(new Defaults(null));
    }

    /**
     * The model id, stripped, when {@code config}'s provider may use it: an id that
     * {@link Freshness#CACHED_ONLY} lists (the catalog's models or the cached live list, with the
     * user's {@code models.json} additions), never asking the network, so choosing a model works
     * offline and at once. A provider whose models are listed live takes any other id too, with a
     * note: its list changes faster than the cache, and the provider itself will say if the id is
     * wrong.
     *
     * @throws PryxException (usage) for an id that is not valid or not a model of the provider, or
     *                       a malformed {@code models.json}
     */
    private String checkedModel(ProviderConfig config, CatalogProvider catalog, String model) {
        String m = model.strip();
        if (m.isEmpty() || m.length() > 200 || PlainText.hasUnprintable(m)) {
            throw new PryxException(PryxException.Kind.USAGE, "'" + ProviderIds.printable(model) + "' is not a valid model id.");
        }
        if (!ModelLists.names(models(config, catalog, Freshness.CACHED_ONLY).models(), m)) {
            if (!catalog.liveModels()) {
                // While adding, the provider is not configured yet, so `provider models` could not show the list.
                boolean adding = !configsIfAny().containsKey(config.id());
                throw new PryxException(PryxException.Kind.USAGE, "'" + ProviderIds.printable(m) + "' is not a model of "
                        + catalog.name() + ". " + (adding ? "Add it without --model, then see `pryx provider models "
                        + config.id() + "`." : "See `pryx provider models " + config.id() + "`."));
            }
            input.notice("Note: '" + m + "' is not in " + catalog.name() + "'s model list as pryx last saw it; "
                    + "its models are listed live, so it is accepted.");
        }
        return m;
    }

    private static String checkedName(String name) {
        String n = name.strip();
        if (n.isEmpty() || n.length() > 100 || PlainText.hasUnprintable(n)) {
            throw new PryxException(PryxException.Kind.USAGE, "A provider name is 1 to 100 printable characters.");
        }
        return n;
    }

    static String checkedUrl(String url) {
        String u = url.strip();
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new PryxException(PryxException.Kind.USAGE, "'" + ProviderIds.printable(url) + "' is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new PryxException(PryxException.Kind.USAGE, "The base URL must start with https:// or http:// and name a host; got '"
                    + ProviderIds.printable(url) + "'.");
        }
        if (uri.getUserInfo() != null) {
            throw new PryxException(PryxException.Kind.USAGE, "Put credentials in the key, not in the base URL.");
        }
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** Keys travel in request headers: over plain http to another machine, anyone on the path reads them. */
    private void warnIfCleartext(String baseUrl) {
        if (baseUrl == null) {
            return;
        }
        URI uri = URI.create(baseUrl);
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
        if ("http".equalsIgnoreCase(uri.getScheme()) && !loopback) {
            input.notice("Warning: " + baseUrl + " is plain http to another machine: the key would travel unencrypted. Prefer https.");
        }
    }

    /** Builds the value on the first request, once. */
    private static <T> Supplier<T> onFirstUse(Supplier<T> factory) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = factory.get();
                }
                return value;
            }
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static CatalogReport catalogReport(CatalogInfo info, boolean changed) {
        CatalogInfo.Change ch = info.lastChange();
        return new CatalogReport(info.source(), info.url(), info.fetchedAt(), info.providerCount(), info.modelCount(), changed,
                ch == null ? List.of() : ch.addedProviders(), ch == null ? List.of() : ch.removedProviders(),
                ch == null ? List.of() : ch.addedModels(), ch == null ? List.of() : ch.removedModels());
    }

    private static VaultReport report(VaultStatus s) {
        return new VaultReport(s.path().toString(), s.sizeBytes(), s.mode(), s.formatVersion(), s.vaultId(),
                s.generation(), s.createdAt(), s.savedAt(),
                s.slots().stream().map(x -> new VaultReport.Slot(x.type(), x.id(), x.createdAt(), x.kdf(), x.memoryKib(),
                        x.iterations(), x.parallelism())).toList(),
                s.backups().stream().map(b -> new VaultReport.Backup(b.path().toString(), b.generation(), b.sizeBytes(),
                        b.modifiedAt())).toList(),
                s.problem());
    }
}
