package dev.pryx.catalog;

import dev.pryx.support.Environment;
import dev.pryx.support.PrivateFiles;
import dev.pryx.support.PryxException;
import dev.pryx.support.PryxPaths;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog in use and its refresh. On first use it loads the cached copy of the last fetched
 * catalog ({@code <cache>/catalog/models-dev.json} with {@code models-dev.meta.json} beside it),
 * or, when there is none or it is unusable (logged, never fatal), the catalog built into the jar.
 * Either way pryx's {@link Overlay} is merged in.
 *
 * <p>{@link #refresh()} fetches {@code PRYX_CATALOG_URL} (default {@value #DEFAULT_URL}),
 * conditionally when an ETag is known. A new catalog replaces the old one only after it was read
 * completely (at most {@value #MAX_BYTES} bytes, counted while reading), parsed and checked, and
 * written to the cache (temporary file, fsync, atomic rename). Any failure leaves both the catalog
 * in use and the cache as they were, and says so in a {@code PryxException} of kind REMOTE.
 */
public final class CatalogService implements CatalogSource {
    public static final String DEFAULT_URL = "https://models.dev/api.json";
    public static final String URL_VARIABLE = "PRYX_CATALOG_URL";
    /** The largest catalog accepted: the real one is about 2.4 MB. */
    public static final long MAX_BYTES = 32L * 1024 * 1024;

    static final String BUILTIN_RESOURCE = "/dev/pryx/catalog/builtin-catalog.json";
    static final String DIRECTORY = "catalog";
    static final String DATA_FILE = "models-dev.json";
    static final String META_FILE = "models-dev.meta.json";

    /** Looked up when first needed: initialising logging costs 150-190 ms, too much for start-up to pay up front. */
    private static Logger log() {
        return LoggerFactory.getLogger(CatalogService.class);
    }
    private static final String STILL_IN_USE = "the previous catalog is still in use.";
    private static final int MAX_META_BYTES = 4 * 1024 * 1024;

    /** The catalog in use and, when it came from the cache, the cache's metadata. */
    private record Loaded(Catalog catalog, CacheMeta meta) {
    }

    private final PryxPaths paths;
    private final Environment env;
    /** Built on first use: only a refresh needs it, and building it costs every other command start-up time. */
    private final Supplier<OkHttpClient> http;
    private final Clock clock;
    private final String builtinResource;
    private final String overlayResource;
    private final long maxBytes;

    private final Object lock = new Object();
    private volatile Loaded current;
    private Overlay overlay;

    public CatalogService(PryxPaths paths, Environment env, OkHttpClient http, Clock clock) {
        this(paths, env, () -> http, clock);
    }

    /** With the HTTP client made only when a refresh first needs it. */
    public CatalogService(PryxPaths paths, Environment env, Supplier<OkHttpClient> http, Clock clock) {
        this(paths, env, http, clock, BUILTIN_RESOURCE, Overlay.RESOURCE, MAX_BYTES);
    }

    /** With other class-path resources for the built-in catalog and overlay, and another size cap (tests). */
    CatalogService(PryxPaths paths, Environment env, OkHttpClient http, Clock clock, String builtinResource,
                   String overlayResource, long maxBytes) {
        this(paths, env, () -> http, clock, builtinResource, overlayResource, maxBytes);
    }

    private CatalogService(PryxPaths paths, Environment env, Supplier<OkHttpClient> http, Clock clock,
                           String builtinResource, String overlayResource, long maxBytes) {
        this.paths = paths;
        this.env = env;
        this.http = http;
        this.clock = clock;
        this.builtinResource = builtinResource;
        this.overlayResource = overlayResource;
        this.maxBytes = maxBytes;
    }

    @Override
    public Catalog catalog() {
        return loaded().catalog();
    }

    @Override
    public Refreshed refresh() {
        synchronized (lock) {
            Loaded previous = loaded();
            HttpUrl url = catalogUrl();
            String etag = previous.meta() != null && url.toString().equals(previous.meta().url())
                    ? previous.meta().etag() : null;
            Request.Builder request = new Request.Builder().url(url).get().header("Accept", "application/json");
            if (etag != null) {
                request.header("If-None-Match", etag);
            }

            byte[] body;
            String newEtag;
            try (Response response = http.get().newCall(request.build()).execute()) {
                if (response.code() == 304 && etag != null) {
                    log().info("Catalog at {} not modified since {}", redacted(url), previous.meta().fetchedAt());
                    return new Refreshed(false, previous.catalog().info());
                }
                if (response.code() != 200) {
                    throw failed(url, "HTTP " + response.code(),
                            "The catalog server " + url.host() + " answered HTTP " + response.code()
                                    + ". Check PRYX_CATALOG_URL or try again later; " + STILL_IN_USE, null);
                }
                newEtag = response.header("ETag");
                body = readCapped(response.body(), url);
            } catch (IOException e) {
                // Through a proxy, "refused" or "timed out" is most likely the proxy's doing: say which one.
                String proxy = proxyFor(http.get(), url);
                throw failed(url, e.toString(), "Could not fetch the catalog from " + url.host()
                        + (proxy == null ? "" : " through the proxy " + proxy) + ": " + networkProblem(e) + ". Check "
                        + (proxy == null ? "the network" : "the proxy (`pryx network show`), the network") + " or PRYX_CATALOG_URL; "
                        + STILL_IN_USE, e);
            }

            List<CatalogProvider> providers;
            try {
                providers = providers(body);
            } catch (CatalogFormatException e) {
                throw failed(url, e.getMessage(), "The catalog from " + url.host() + " is not a usable models.dev catalog ("
                        + e.getMessage() + "). Check PRYX_CATALOG_URL; " + STILL_IN_USE, e);
            }

            Instant now = clock.instant();
            CatalogInfo.Change change = diff(previous.catalog(), providers);
            CacheMeta meta = new CacheMeta(CacheMeta.SCHEMA, url.toString(), newEtag, now, body.length, sha256(body),
                    change);
            try {
                writeCache(body, meta);
            } catch (IOException | UncheckedIOException e) {
                throw failed(url, e.toString(), "The catalog was fetched but could not be saved in " + directory()
                        + ". Check that the directory is writable; " + STILL_IN_USE, e);
            }
            Catalog next = catalog(providers, "cache", url.toString(), now, change);
            current = new Loaded(next, meta);
            log().info("Catalog refreshed from {}: {} providers, {} models (+{}/-{} providers, +{}/-{} models)",
                    redacted(url), next.info().providerCount(), next.info().modelCount(),
                    change.addedProviders().size(), change.removedProviders().size(), change.addedModels().size(),
                    change.removedModels().size());
            return new Refreshed(true, next.info());
        }
    }

    /** Where the cache lives: {@code <cache>/catalog}. */
    Path directory() {
        return paths.cache().resolve(DIRECTORY);
    }

    // ---- loading ----------------------------------------------------------------------------

    private Loaded loaded() {
        Loaded l = current;
        if (l != null) {
            return l;
        }
        synchronized (lock) {
            if (current == null) {
                overlay(); // a packaging bug shows as itself, not as an unusable cache
                Loaded cached = readCache();
                current = cached != null ? cached : builtin();
            }
            return current;
        }
    }

    private Loaded readCache() {
        Path data = directory().resolve(DATA_FILE);
        Path metaFile = directory().resolve(META_FILE);
        if (Files.notExists(data) && Files.notExists(metaFile)) {
            return null;
        }
        try {
            for (Path p : List.of(directory(), metaFile, data)) {
                if (writableByOthers(p)) {
                    // The catalog says where API keys are sent: a copy others could have edited is not trusted.
                    throw new CatalogFormatException(p + " is writable by other users");
                }
            }
            if (Files.size(metaFile) > MAX_META_BYTES || Files.size(data) > maxBytes) {
                throw new CatalogFormatException("a file is larger than any catalog pryx accepts");
            }
            CacheMeta meta = CacheMeta.fromJson(Files.readAllBytes(metaFile));
            byte[] bytes = Files.readAllBytes(data);
            if (bytes.length != meta.size() || !sha256(bytes).equals(meta.sha256())) {
                throw new CatalogFormatException("the catalog file does not match its metadata (a write cut short?)");
            }
            Catalog catalog = catalog(providers(bytes), "cache", meta.url(), meta.fetchedAt(), meta.lastChange());
            log().debug("Catalog loaded from the cache ({} providers, fetched {})", catalog.info().providerCount(),
                    meta.fetchedAt());
            return new Loaded(catalog, meta);
        } catch (IOException | RuntimeException e) {
            // The cache is a copy: losing it costs a refresh, never the command.
            log().warn("The cached catalog in {} is unusable and was ignored ({}); using the built-in catalog. "
                    + "`pryx catalog refresh` fetches a new copy.", directory(), e.toString());
            log().debug("Unusable catalog cache", e);
            return null;
        }
    }

    private static boolean writableByOthers(Path path) throws IOException {
        if (!PrivateFiles.posix()) {
            return false;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        return perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private Loaded builtin() {
        try (InputStream in = CatalogService.class.getResourceAsStream(builtinResource)) {
            if (in == null) {
                throw new IllegalStateException("The built-in catalog " + builtinResource + " is missing from the build.");
            }
            Catalog catalog = catalog(providers(in.readAllBytes()), "built-in", null, null, null);
            log().debug("Built-in catalog loaded ({} providers)", catalog.info().providerCount());
            return new Loaded(catalog, null);
        } catch (IOException e) {
            throw new IllegalStateException("The built-in catalog " + builtinResource + " is unusable: " + e.getMessage(), e);
        }
    }

    /** A models.dev document read, checked, and merged with the overlay. */
    private List<CatalogProvider> providers(byte[] json) throws CatalogFormatException {
        List<CatalogProvider> fromCatalog = ModelsDevReader.read(json);
        if (fromCatalog.stream().allMatch(p -> p.models().isEmpty())) {
            throw new CatalogFormatException("it lists no provider with models");
        }
        return overlay().apply(fromCatalog);
    }

    private Overlay overlay() {
        synchronized (lock) {
            if (overlay == null) {
                overlay = Overlay.load(overlayResource);
            }
            return overlay;
        }
    }

    private static Catalog catalog(List<CatalogProvider> providers, String source, String url, Instant fetchedAt,
                                   CatalogInfo.Change change) {
        int models = 0;
        for (CatalogProvider p : providers) {
            models += p.models().size();
        }
        return new Catalog(providers, new CatalogInfo(source, url, fetchedAt, providers.size(), models, change));
    }

    // ---- refreshing -------------------------------------------------------------------------

    private HttpUrl catalogUrl() {
        String value = env.value(URL_VARIABLE).map(String::trim).orElse(DEFAULT_URL);
        HttpUrl url = HttpUrl.parse(value);
        if (url == null) {
            throw new PryxException(PryxException.Kind.USAGE, URL_VARIABLE + " is not an http(s) URL. Set it to the "
                    + "address of a models.dev-format api.json, or unset it to use " + DEFAULT_URL + ".");
        }
        return url;
    }

    /** The body, read to its end but never past the cap, whatever Content-Length claims. */
    private byte[] readCapped(ResponseBody body, HttpUrl url) throws IOException {
        if (body == null) {
            throw new EOFException("no body");
        }
        if (body.contentLength() > maxBytes) {
            throw tooLarge(url, "Content-Length " + body.contentLength());
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (buffer.size() <= maxBytes) {
            if (source.read(buffer, 64 * 1024) == -1) {
                return buffer.readByteArray();
            }
        }
        throw tooLarge(url, "more than " + maxBytes + " bytes");
    }

    private PryxException tooLarge(HttpUrl url, String detail) {
        String cap = maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MiB" : maxBytes + " bytes";
        return failed(url, detail, "The catalog from " + url.host() + " is larger than " + cap
                + " and was refused. Check PRYX_CATALOG_URL; " + STILL_IN_USE, null);
    }

    private static PryxException failed(HttpUrl url, String detail, String message, Throwable cause) {
        log().warn("Catalog refresh from {} failed: {}", redacted(url), detail);
        if (cause != null) {
            log().debug("Catalog refresh failure", cause);
        }
        return new PryxException(PryxException.Kind.REMOTE, message, cause);
    }

    /** The proxy a request to {@code url} goes through ({@code host:port}), or null when it goes direct. */
    static String proxyFor(OkHttpClient client, HttpUrl url) {
        java.util.List<java.net.Proxy> proxies = client.proxy() != null ? java.util.List.of(client.proxy())
                : client.proxySelector().select(url.uri());
        for (java.net.Proxy p : proxies) {
            if (p.type() != java.net.Proxy.Type.DIRECT && p.address() instanceof java.net.InetSocketAddress a) {
                return a.getHostString() + ":" + a.getPort();
            }
        }
        return null;
    }

    static String networkProblem(IOException e) {
        if (e instanceof UnknownHostException) {
            return "the host name could not be resolved";
        }
        if (e instanceof ConnectException) {
            return "the connection was refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "the host cannot be reached";
        }
        if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
            return "it took too long";
        }
        if (e instanceof SSLException) {
            return "the secure connection (TLS) failed";
        }
        if (e instanceof ProtocolException || e instanceof EOFException
                || String.valueOf(e.getMessage()).contains("unexpected end of stream")) {
            return "the connection broke off before the whole catalog arrived";
        }
        return "a network error occurred";
    }

    /** Scheme, host, port and path: no user info and no query, which may carry credentials. */
    static String redacted(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath();
    }

    /** Providers and models ("provider/model") in one catalog and not the other, sorted. */
    static CatalogInfo.Change diff(Catalog before, List<CatalogProvider> after) {
        Set<String> oldProviders = new TreeSet<>();
        Set<String> oldModels = new TreeSet<>();
        for (CatalogProvider p : before.providers()) {
            oldProviders.add(p.id());
            for (String m : p.models().keySet()) {
                oldModels.add(p.id() + "/" + m);
            }
        }
        Set<String> newProviders = new TreeSet<>();
        Set<String> newModels = new TreeSet<>();
        for (CatalogProvider p : after) {
            newProviders.add(p.id());
            for (String m : p.models().keySet()) {
                newModels.add(p.id() + "/" + m);
            }
        }
        return new CatalogInfo.Change(minus(newProviders, oldProviders), minus(oldProviders, newProviders),
                minus(newModels, oldModels), minus(oldModels, newModels));
    }

    private static List<String> minus(Set<String> a, Set<String> b) {
        List<String> out = new ArrayList<>();
        for (String s : a) {
            if (!b.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    // ---- the cache --------------------------------------------------------------------------

    /**
     * Both files are written in full and synced as temporary files first, then renamed over the old
     * ones: a failure before the renames leaves the old cache whole, and the checksum in the
     * metadata catches the one narrow window between the two renames.
     */
    private void writeCache(byte[] body, CacheMeta meta) throws IOException {
        Path dir = PrivateFiles.createPrivateDirectories(directory());
        Path dataTemp = null;
        Path metaTemp = null;
        try {
            dataTemp = writeTemp(dir, DATA_FILE, body);
            metaTemp = writeTemp(dir, META_FILE, meta.toJson());
            move(dataTemp, dir.resolve(DATA_FILE));
            dataTemp = null;
            move(metaTemp, dir.resolve(META_FILE));
            metaTemp = null;
            syncDirectory(dir);
        } finally {
            deleteQuietly(dataTemp);
            deleteQuietly(metaTemp);
        }
    }

    private static Path writeTemp(Path dir, String name, byte[] bytes) throws IOException {
        // A fresh name, created exclusively (O_EXCL) and 0600 from the first instant.
        Path temp = Files.createTempFile(dir, "." + name + ".", ".tmp", PrivateFiles.ownerOnlyFile());
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
        return temp;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void syncDirectory(Path dir) {
        // Makes the renames durable on Linux; other systems may refuse to open a directory, which is fine.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            log().debug("Could not sync {}: {}", dir, e.toString());
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log().debug("Could not delete {}: {}", path, e.toString());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
