package dev.pryx.net;

import dev.pryx.support.Environment;
import java.time.Duration;
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

    private HttpClients() {
    }

    /**
     * A client with pryx's timeouts, {@code User-Agent}, and proxies from {@code HTTPS_PROXY},
     * {@code HTTP_PROXY} and {@code NO_PROXY} (either case; loopback always direct).
     */
    public static OkHttpClient create(Environment env, String userAgent) {
        // Fails now, not on the first call, when the agent is not a valid header value.
        Headers.of("User-Agent", userAgent);
        return new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(READ_TIMEOUT)
                .callTimeout(CALL_TIMEOUT)
                .proxySelector(EnvProxySelector.from(env))
                .addInterceptor(chain -> {
                    Request request = chain.request();
                    return chain.proceed(request.header("User-Agent") != null ? request
                            : request.newBuilder().header("User-Agent", userAgent).build());
                })
                .build();
    }
}
