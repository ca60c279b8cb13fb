package dev.pryx.net;

import dev.pryx.support.Environment;
import dev.pryx.support.PryxException;
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
 * <p>A proxy in pryx's own {@link NetworkSettings} beats both variables and serves both schemes;
 * the settings' no-proxy entries join {@code no_proxy}'s, and loopback stays direct whatever
 * either says.
 *
 * <p>Logs name the variable, never its value: proxy URLs may carry a password.
 */
final class EnvProxySelector extends ProxySelector {
    /** Looked up when first needed: initialising logging costs 150-190 ms, too much for start-up to pay up front. */
    private static Logger log() {
        return LoggerFactory.getLogger(EnvProxySelector.class);
    }
    private static final List<Proxy> DIRECT = List.of(Proxy.NO_PROXY);

    /** Where a proxy came from, for {@code pryx network show}: the settings, a variable, or nowhere. */
    static final String SETTING = "setting";
    static final String NONE = "none";

    /**
     * The proxy for one scheme and where it came from.
     *
     * @param proxy   null for direct
     * @param source  {@link #SETTING}, {@code env VARIABLE}, or {@link #NONE}
     * @param problem why a variable that is set gives no proxy (or what about it pryx ignores), else null
     */
    record Choice(Proxy proxy, String source, String problem) {
        static final Choice DIRECT = new Choice(null, NONE, null);
    }

    private final Choice https;
    private final Choice http;
    private final NoProxy noProxy;

    private EnvProxySelector(Choice https, Choice http, NoProxy noProxy) {
        this.https = https;
        this.http = http;
        this.noProxy = noProxy;
    }

    /** The environment's proxies alone. */
    static EnvProxySelector from(Environment env) {
        return from(env, NetworkSettings.NONE);
    }

    /**
     * The settings' proxy when one is set, else the environment's.
     *
     * @throws PryxException (usage) when the settings hold a proxy that is not {@code http://HOST:PORT}
     *                       (a hand-edited file): sending traffic direct instead would surprise
     */
    static EnvProxySelector from(Environment env, NetworkSettings settings) {
        String variable = noProxyVariable(env);
        NoProxy rules = NoProxy.parse((variable == null ? "" : env.get(variable)) + "," + String.join(",", settings.noProxy()));
        if (settings.proxy() != null) {
            Proxy proxy;
            try {
                proxy = settings.proxyAddress();
            } catch (PryxException e) {
                throw new PryxException(PryxException.Kind.USAGE, "The proxy in pryx's network settings is not usable: "
                        + e.getMessage() + " Set it again with 'pryx network set --proxy URL' or remove it with "
                        + "'pryx network unset --proxy'.", e);
            }
            Choice setting = new Choice(proxy, SETTING, null);
            return new EnvProxySelector(setting, setting, rules);
        }
        Choice https = envChoice(env, "https_proxy", "HTTPS_PROXY");
        Choice http = envChoice(env, "http_proxy", "HTTP_PROXY");
        for (Choice c : List.of(https, http)) {
            if (c.problem() != null) {
                log().warn("{}", c.problem());
            }
        }
        return new EnvProxySelector(https, http, rules);
    }

    Choice https() {
        return https;
    }

    Choice http() {
        return http;
    }

    /** {@code no_proxy} when set, else {@code NO_PROXY} when set, else null. */
    static String noProxyVariable(Environment env) {
        return env.value("no_proxy").isPresent() ? "no_proxy" : env.value("NO_PROXY").isPresent() ? "NO_PROXY" : null;
    }

    /** A proxy as a URL without credentials ({@code http://proxy.corp:3128}), or null for direct. */
    static String display(Proxy proxy) {
        if (proxy == null || proxy.type() == Proxy.Type.DIRECT) {
            return null;
        }
        InetSocketAddress address = (InetSocketAddress) proxy.address();
        String host = address.getHostString();
        return (proxy.type() == Proxy.Type.SOCKS ? "socks5://" : "http://")
                + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
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
            case "https", "wss" -> https.proxy();
            case "http", "ws" -> http.proxy();
            default -> null;
        };
        return proxy == null ? DIRECT : List.of(proxy);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress proxy, IOException failure) {
        // OkHttp tries the next route by itself; this is only worth a note in the log.
        log().debug("Connection through proxy {} failed: {}", proxy, failure.toString());
    }

    private static Choice envChoice(Environment env, String lower, String upper) {
        String variable = env.value(lower).isPresent() ? lower : upper;
        return parse(variable, env.value(variable).orElse(null));
    }

    /**
     * The proxy a variable names; direct when unset or unusable, with the problem in words that
     * name the variable, never its value.
     */
    static Choice parse(String variable, String value) {
        if (value == null || value.isBlank()) {
            return Choice.DIRECT;
        }
        String text = value.trim();
        if (!text.contains("://")) {
            text = "http://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return unusable(variable + " is not a proxy URL; connecting without it.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            return unusable(variable + " names no proxy host; connecting without it.");
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
                return unusable(variable + " uses the proxy scheme " + scheme
                        + ", which pryx does not support (http, socks5); connecting without it.");
            }
        }
        String host = NoProxy.normalizeHost(uri.getHost());
        int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort;
        String problem = uri.getRawUserInfo() == null ? null
                : variable + " carries proxy credentials, which pryx does not send yet; the proxy may refuse.";
        return new Choice(new Proxy(type, InetSocketAddress.createUnresolved(host, port)), "env " + variable, problem);
    }

    private static Choice unusable(String problem) {
        return new Choice(null, NONE, problem);
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "https", "wss" -> 443;
            case "http", "ws" -> 80;
            default -> -1;
        };
    }
}
