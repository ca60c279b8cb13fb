package dev.pryx.net;

import dev.pryx.support.Environment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proxies as the usual variables say: {@code https_proxy} for https URLs, {@code http_proxy} for
 * http URLs (lower case first, as curl reads them, then upper case), {@code no_proxy} for the
 * exceptions, loopback always direct. A value without a scheme is an HTTP proxy
 * ({@code proxy.corp:3128}); {@code socks5://} works too. No fallback from one scheme's variable
 * to the other's: a proxy meant for plain http is not silently given TLS traffic.
 *
 * <p>Logs name the variable, never its value: proxy URLs may carry a password.
 */
final class EnvProxySelector extends ProxySelector {
    /** Looked up when first needed: initialising logging costs 150-190 ms, too much for start-up to pay up front. */
    private static Logger log() {
        return LoggerFactory.getLogger(EnvProxySelector.class);
    }
    private static final List<Proxy> DIRECT = List.of(Proxy.NO_PROXY);

    private final Proxy https;
    private final Proxy http;
    private final NoProxy noProxy;

    EnvProxySelector(Proxy https, Proxy http, NoProxy noProxy) {
        this.https = https;
        this.http = http;
        this.noProxy = noProxy;
    }

    static EnvProxySelector from(Environment env) {
        return new EnvProxySelector(proxy(env, "https_proxy", "HTTPS_PROXY"), proxy(env, "http_proxy", "HTTP_PROXY"),
                NoProxy.parse(first(env, "no_proxy", "NO_PROXY")));
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException("uri is null");
        }
        String host = uri.getHost();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (host == null) {
            return DIRECT;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme);
        if (NoProxy.isLoopback(host) || noProxy.matches(NoProxy.normalizeHost(host), port)) {
            return DIRECT;
        }
        Proxy proxy = switch (scheme) {
            case "https", "wss" -> https;
            case "http", "ws" -> http;
            default -> null;
        };
        return proxy == null ? DIRECT : List.of(proxy);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress proxy, IOException failure) {
        // OkHttp tries the next route by itself; this is only worth a note in the log.
        log().debug("Connection through proxy {} failed: {}", proxy, failure.toString());
    }

    private static String first(Environment env, String lower, String upper) {
        return env.value(lower).or(() -> env.value(upper)).orElse(null);
    }

    private static Proxy proxy(Environment env, String lower, String upper) {
        String variable = env.value(lower).isPresent() ? lower : upper;
        return parse(variable, env.value(variable).orElse(null));
    }

    /** The proxy a variable names, or null (direct) when unset or unusable (logged by name). */
    static Proxy parse(String variable, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            log().warn("{} is not a proxy URL; connecting without it", variable);
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            log().warn("{} names no proxy host; connecting without it", variable);
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            log().warn("{} carries proxy credentials, which pryx does not send yet; the proxy may refuse", variable);
        }
        Proxy.Type type;
        int defaultPort;
        switch (scheme) {
            case "http" -> {
                type = Proxy.Type.HTTP;
                defaultPort = 80;
            }
            case "socks", "socks5", "socks5h" -> {
                type = Proxy.Type.SOCKS;
                defaultPort = 1080;
            }
            default -> {
                log().warn("{} uses the proxy scheme {}, which pryx does not support (http, socks5); connecting without it",
                        variable, scheme);
                return null;
            }
        }
        String host = NoProxy.normalizeHost(uri.getHost());
        int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort;
        return new Proxy(type, InetSocketAddress.createUnresolved(host, port));
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "https", "wss" -> 443;
            case "http", "ws" -> 80;
            default -> -1;
        };
    }
}
