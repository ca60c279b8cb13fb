package dev.pryx.net;

import dev.pryx.support.Environment;
import dev.pryx.support.PryxException;
import java.time.Duration;
import javax.net.ssl.X509TrustManager;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The one place an HTTP client is made. Everything outbound shares one client (one connection
 * pool, one dispatcher); callers that need other timeouts derive from it with
 * {@link OkHttpClient#newBuilder()}.
 *
 * <p>No logging interceptor is installed, deliberately: API keys travel in headers.
 */
public final class HttpClients {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    /** What to do about a CA bundle in the settings that cannot be used (said wherever that shows). */
    static final String BUNDLE_FIX = "It is set in pryx's network settings: fix the file, choose another with "
            + "'pryx network set --ca-bundle FILE', or remove it with 'pryx network unset --ca-bundle'.";

    private HttpClients() {
    }

    /**
     * A client from the environment alone (no {@code network.json}), for tests and benchmarks;
     * the product passes the saved settings to {@link #create(Environment, NetworkSettings, String)}.
     */
    public static OkHttpClient create(Environment env, String userAgent) {
        return create(env, NetworkSettings.NONE, userAgent);
    }

    /**
     * The product's client: the settings saved in {@code configDirectory}'s {@code network.json}
     * (read now), the environment, and the user agent.
     */
    public static OkHttpClient forPryx(Environment env, java.nio.file.Path configDirectory, String userAgent) {
        return create(env, new NetworkSettingsFile(configDirectory).load(), userAgent);
    }

    /**
     * A client with pryx's timeouts, {@code User-Agent}, and proxies: the settings' proxy when set,
     * else {@code HTTPS_PROXY} / {@code HTTP_PROXY}; {@code NO_PROXY} and the settings' no-proxy
     * entries bypass it, loopback always does. The settings' CA bundle, when set, is read now and
     * trusted besides the JDK's roots.
     *
     * @throws PryxException (usage) when the settings cannot be used: a proxy that is not
     *                       {@code http://HOST:PORT}, or a CA bundle that is gone, unreadable or not
     *                       PEM. Usage, not remote: nothing outside failed, a retry cannot help, and
     *                       the fix is the configuration, which the message names
     */
    public static OkHttpClient create(Environment env, NetworkSettings settings, String userAgent) {
        // Fails now, not on the first call, when the agent is not a valid header value.
        Headers.of("User-Agent", userAgent);
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(READ_TIMEOUT)
                .callTimeout(CALL_TIMEOUT)
                .proxySelector(EnvProxySelector.from(env, settings))
                .addInterceptor(chain -> {
                    Request request = chain.request();
                    return chain.proceed(request.header("User-Agent") != null ? request
                            : request.newBuilder().header("User-Agent", userAgent).build());
                });
        if (settings.caBundle() != null) {
            X509TrustManager trust = configuredBundle(settings.caBundle()).trustManager();
            builder.sslSocketFactory(CaBundle.sslContext(trust).getSocketFactory(), trust);
        }
        return builder.build();
    }

    private static CaBundle configuredBundle(java.nio.file.Path file) {
        try {
            return CaBundle.read(file);
        } catch (PryxException e) {
            throw new PryxException(PryxException.Kind.USAGE, e.getMessage() + " " + BUNDLE_FIX, e);
        }
    }
}
