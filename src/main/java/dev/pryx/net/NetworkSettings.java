package dev.pryx.net;

import dev.pryx.support.PryxException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What pryx itself is told about the network, for corporate networks where the environment
 * variables are not set (an app started from a desktop menu) or not enough: a proxy, extra hosts
 * that bypass it, and a bundle of CA certificates trusted besides the JDK's own. Saved in
 * {@code network.json} ({@link NetworkSettingsFile}); nothing in it is secret, which is why proxy
 * credentials are refused rather than stored here.
 *
 * <p>A proxy set here beats {@code HTTPS_PROXY} and {@code HTTP_PROXY} and serves both http and
 * https URLs; {@code NO_PROXY} and {@link #noProxy()} still apply to it, and loopback is always
 * direct.
 *
 * @param proxy    {@code http://HOST:PORT}, or null for the environment's proxies
 * @param caBundle a PEM file of certificates to trust besides the JDK's own (absolute), or null
 * @param noProxy  extra {@code NO_PROXY} entries (domains, IP addresses, CIDR blocks, each may end
 *                 in {@code :port}); never null
 */
public record NetworkSettings(String proxy, Path caBundle, List<String> noProxy) {
    public static final NetworkSettings NONE = new NetworkSettings(null, null, List.of());

    private static final String EXAMPLE = "http://proxy.corp:3128";

    public NetworkSettings {
        noProxy = noProxy == null ? List.of() : List.copyOf(noProxy);
    }

    public NetworkSettings withProxy(String value) {
        return new NetworkSettings(value, caBundle, noProxy);
    }

    public NetworkSettings withCaBundle(Path value) {
        return new NetworkSettings(proxy, value, noProxy);
    }

    public NetworkSettings withNoProxy(List<String> value) {
        return new NetworkSettings(proxy, caBundle, value);
    }

    /**
     * A proxy URL as pryx stores it ({@code http://host:port}, host in lower case), or a usage
     * error that says what is wrong. Only plain {@code http://} proxies: OkHttp speaks to a proxy
     * in clear and tunnels https through it with {@code CONNECT}, so TLS to the proxy itself
     * ({@code https://}) cannot work. The port is required: proxies rarely listen on 80, and tools
     * disagree on the default (curl takes 1080). Credentials are refused before anything else is
     * looked at, and the text is never repeated in a message once it may hold one.
     */
    public static String checkedProxy(String text) {
        if (text == null || text.isBlank()) {
            throw usage("The proxy URL is empty; give one like " + EXAMPLE + ".");
        }
        String value = text.trim();
        if (value.indexOf('@') >= 0) {
            throw usage("Proxy credentials (user:password@ in the URL) are not supported yet: pryx would have to "
                    + "keep them outside the vault. Give the URL without them, like " + EXAMPLE + ".");
        }
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw usage("The proxy URL holds spaces or characters a URL cannot; give one like " + EXAMPLE + ".");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw usage("'" + value + "' is not a URL; give the proxy like " + EXAMPLE + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            throw usage("pryx reaches a proxy over plain http:// only (https requests still travel encrypted "
                    + "through the proxy's tunnel); give the proxy like " + EXAMPLE + ".");
        }
        if (!scheme.equals("http")) {
            throw usage("The proxy URL must start with http://, like " + EXAMPLE + "; got '" + value + "'.");
        }
        if (uri.getHost() == null) {
            throw usage("The proxy URL '" + value + "' names no host; give one like " + EXAMPLE + ".");
        }
        if (uri.getPort() < 0) {
            throw usage("The proxy URL '" + value + "' needs a port, like " + EXAMPLE + ".");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw usage("The proxy port in '" + value + "' must be between 1 and 65535.");
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/") || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw usage("The proxy URL '" + value + "' must be just http://HOST:PORT, like " + EXAMPLE + ".");
        }
        return "http://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
    }

    /**
     * The entries of a no-proxy list, trimmed and in lower case, or a usage error naming the first
     * that is not a domain, IP address or CIDR block (each optionally with {@code :port}).
     */
    public static List<String> checkedNoProxy(List<String> entries) {
        List<String> out = new ArrayList<>();
        for (String raw : entries) {
            for (String part : raw.split("[,\\s]+")) {
                String entry = part.trim().toLowerCase(Locale.ROOT);
                if (entry.isEmpty()) {
                    continue;
                }
                if (!NoProxy.isValidEntry(entry)) {
                    throw usage("'" + entry + "' is not a host, domain, IP address or CIDR block for the no-proxy list "
                            + "(e.g. internal.corp, .corp.example, 10.0.0.0/8, registry.corp:5000).");
                }
                if (!out.contains(entry)) {
                    out.add(entry);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The absolute path of a CA bundle given on the command line, after reading it: a missing,
     * unreadable, empty or non-PEM file is a usage error that names it, so a bad bundle is never
     * saved. Symbolic links are kept as given (a system bundle behind a link follows its updates).
     */
    public static Path checkedCaBundle(String path) {
        if (path == null || path.isBlank()) {
            throw usage("The CA bundle path is empty; give the PEM file's path.");
        }
        Path file;
        try {
            file = Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw usage("'" + path + "' is not a file path this system can use.");
        }
        return CaBundle.read(file).file();
    }

    /** The proxy as the JDK names one: address unresolved (the proxy resolves the target, not us). */
    Proxy proxyAddress() {
        URI uri = URI.create(checkedProxy(proxy));
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(NoProxy.normalizeHost(uri.getHost()),
                uri.getPort()));
    }

    private static PryxException usage(String message) {
        return new PryxException(PryxException.Kind.USAGE, message);
    }
}
