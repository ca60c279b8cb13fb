package dev.pryx.net.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Tests a provider connection with one cheap request (two for Ollama; see {@link ProbeKind}) and
 * says what is wrong as a {@link Verdict}, never as an exception. Immutable and thread-safe: one
 * instance serves any number of concurrent probes (each call keeps its state to itself).
 *
 * <p>The client is derived from the one given ({@link OkHttpClient#newBuilder()}, so it shares its
 * connection pool, dispatcher, proxy selector and User-Agent), with these changes:
 * <ul>
 * <li>the connect timeout and a whole-probe deadline (both of Ollama's requests together);</li>
 * <li>redirects are not followed: OkHttp drops {@code Authorization} on a redirect to another host,
 *     but not {@code x-api-key} or {@code x-goog-api-key}, so a redirect could carry a key
 *     elsewhere; a 3xx is reported as {@link Verdict#WRONG_BASE_URL} instead;</li>
 * <li>no cache, and its own event listener (replacing the given client's, if any), which is how
 *     failures are placed (below). There is no logging interceptor, and none may be added: keys
 *     travel in headers.</li>
 * </ul>
 *
 * <p><b>Proxy or provider?</b> A proxy that refuses connections fails with the same
 * {@code ConnectException} as a provider that does, and a proxy's 407 to a CONNECT arrives as a
 * plain {@code IOException}. So the failure is placed by where the call was, not by its type: a
 * per-call {@link EventListener} notes the route of each connection attempt. A failure while
 * connecting on a route through a proxy, before TLS with the provider began, is
 * {@link Verdict#PROXY_FAILURE} (refused, unreachable, silent, 407, tunnel refused); a failed DNS
 * lookup of a name other than the provider's is the proxy's name; a 407 on a plain-http request
 * is the proxy's too. Everything on a direct route, or after the tunnel stands, is the provider's.
 *
 * <p><b>The key.</b> It is read from the {@link dev.pryx.support.Secret} only to build the request
 * header, and to redact it from whatever text the server sends back. No result field, message,
 * or exception from here holds it (or a run of 8 or more of its characters).
 */
public final class ConnectionProbe {
    /** The most of a 2xx body that is read; a longer list counts as found but not counted. */
    static final int BODY_LIMIT = 1024 * 1024;
    /** The most of an error body that is read, for the provider's message. */
    static final int ERROR_BODY_LIMIT = 64 * 1024;
    /** The Anthropic API version header its docs require on every request. */
    static final String ANTHROPIC_VERSION = "2023-06-01";

    private static final Pattern CONNECT_STATUS = Pattern.compile("Unexpected response code for CONNECT: (\\d{3})");

    private final OkHttpClient client;
    private final Duration connectTimeout;
    private final Duration totalTimeout;
    private final Clock clock;

    /**
     * @param client         the shared client to derive from (see the class comment)
     * @param connectTimeout the longest wait for one connection (to the provider or the proxy)
     * @param totalTimeout   the longest a whole probe may take, all requests together
     */
    public ConnectionProbe(OkHttpClient client, Duration connectTimeout, Duration totalTimeout) {
        this(client, connectTimeout, totalTimeout, Clock.systemUTC());
    }

    /** With the clock that an HTTP-date in {@code Retry-After} is measured against. */
    ConnectionProbe(OkHttpClient client, Duration connectTimeout, Duration totalTimeout, Clock clock) {
        Objects.requireNonNull(client, "client");
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        this.totalTimeout = positive(totalTimeout, "totalTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.client = client.newBuilder()
                .connectTimeout(connectTimeout)
                .callTimeout(totalTimeout)
                .followRedirects(false)
                .followSslRedirects(false)
                .cache(null)
                .eventListenerFactory(call -> {
                    CallTrace trace = call.request().tag(CallTrace.class);
                    return trace != null ? trace : EventListener.NONE;
                })
                .build();
    }

    /**
     * Runs the test. Never throws for anything the network or the server does; only for a null
     * request or a key that was already closed.
     */
    public ProbeResult probe(ProbeRequest request) {
        Objects.requireNonNull(request, "request");
        return new Run(request).run();
    }

    /**
     * Sends one GET of {@code {base}/{segments}} under the same rules as a probe (the key in the
     * kind's header, no redirects, the proxy told apart from the provider, the key redacted from
     * whatever the server says, this instance's timeouts) and hands the whole 2xx body to
     * {@code reader}. For callers that need what an endpoint says, not only whether it answers
     * (the live model lists). Every failure comes back as a {@link ProbeResult} that is never
     * {@link Verdict#OK}, worded like a connection test's: a body that is empty, not JSON (a
     * captive portal's page is named as one), over {@code bodyLimit}, or that the reader refuses
     * is {@link Verdict#UNEXPECTED_RESPONSE}. Never throws for anything the network or the server
     * does; a runtime exception from the reader (a bug) passes through.
     *
     * @param segments  path segments below the base URL, e.g. {@code "models"} or {@code "api/tags"}
     * @param bodyLimit the most of the body that is read; a longer body is a failure, never
     *                  silently cut off (a hostile or broken server cannot fill the memory)
     */
    public <T> Fetched<T> fetch(ProbeRequest request, String segments, int bodyLimit, BodyReader<T> reader) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(reader, "reader");
        if (bodyLimit <= 0 || bodyLimit == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bodyLimit out of range: " + bodyLimit);
        }
        return new Run(request).fetch(segments, bodyLimit, reader);
    }

    /** One GET's outcome inside a run: the 2xx body or the failure, never both. */
    private record Answer(byte[] body, ProbeResult failure) {
        static Answer failed(ProbeResult failure) {
            return new Answer(null, failure);
        }
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    /** One probe's state: confined to the thread that called {@link #probe}. */
    private final class Run {
        private final ProbeRequest request;
        private final ProbeKind kind;
        private final char[] key;
        private final long start = System.nanoTime();
        private String endpoint;
        private int status;
        private boolean keySent;
        private Expectation.Reading reading;

        Run(ProbeRequest request) {
            this.request = request;
            this.kind = request.kind();
            this.key = request.key() == null ? null : request.key().chars();
        }

        ProbeResult run() {
            HttpUrl base = request.url();
            endpoint = display(base);
            if (key != null) {
                String problem = unsendable(key);
                if (problem != null) {
                    return result(Verdict.INVALID_KEY, null, null, problem);
                }
            }
            ProbeResult failed;
            switch (kind) {
                case OPENAI_MODELS -> failed = exchange(path(base, "models").build(), Expectation.DATA_LIST);
                case ANTHROPIC_MODELS -> failed = exchange(path(base, "models").addQueryParameter("limit", "1000").build(),
                        Expectation.DATA_LIST);
                case GEMINI_MODELS -> failed = exchange(path(base, "models").addQueryParameter("pageSize", "1000").build(),
                        Expectation.MODELS_LIST);
                case OPENROUTER_KEY -> failed = exchange(path(base, "key").build(), Expectation.DATA_OBJECT);
                case OLLAMA -> {
                    failed = exchange(path(base, "api/version").build(), Expectation.VERSION_TEXT);
                    if (failed == null) {
                        String version = reading.value();
                        failed = exchange(path(base, "api/tags").build(), Expectation.MODELS_LIST);
                        if (failed == null) {
                            return result(Verdict.OK, reading.count(), null, join("version " + version, reading.problem()));
                        }
                    }
                }
                default -> throw new AssertionError(kind);
            }
            return failed != null ? failed : result(Verdict.OK, reading.count(), null, reading.problem());
        }

        /**
         * One GET for {@link ConnectionProbe#fetch}: the whole 2xx body (at most {@code limit}
         * bytes) as {@code reader} reads it, else the failure. The reader runs here, while the
         * key is still at hand, so that whatever its failure says is redacted like the rest.
         */
        <T> Fetched<T> fetch(String segments, int limit, BodyReader<T> reader) {
            HttpUrl url = path(request.url(), segments).build();
            endpoint = display(url);
            if (key != null) {
                String problem = unsendable(key);
                if (problem != null) {
                    return Fetched.failed(result(Verdict.INVALID_KEY, null, null, problem));
                }
            }
            Answer answer = get(url, limit);
            if (answer.failure() != null) {
                return Fetched.failed(answer.failure());
            }
            byte[] body = answer.body();
            if (body.length > limit) {
                return Fetched.failed(result(Verdict.UNEXPECTED_RESPONSE, null, null,
                        "the body is over " + Expectation.size(limit) + " and was not read to the end"));
            }
            if (blank(body)) {
                return Fetched.failed(result(Verdict.UNEXPECTED_RESPONSE, null, null, "the body is empty"));
            }
            T value;
            try {
                value = reader.read(body);
            } catch (UnexpectedBodyException e) {
                return Fetched.failed(result(Verdict.UNEXPECTED_RESPONSE, null, null, e.getMessage()));
            } catch (IOException e) {
                String page = Expectation.webPage(body, body.length);
                return Fetched.failed(result(Verdict.UNEXPECTED_RESPONSE, null, null,
                        page != null ? "the server sent " + page + " instead of JSON" : "the body is not JSON"));
            }
            return new Fetched<>(value, result(Verdict.OK, null, null, null));
        }

        /** Sends one GET; null when the answer met {@code expect} (then {@link #reading} holds it). */
        private ProbeResult exchange(HttpUrl url, Expectation expect) {
            Answer answer = get(url, BODY_LIMIT);
            if (answer.failure() != null) {
                return answer.failure();
            }
            byte[] bytes = answer.body();
            Expectation.Reading r = expect.read(bytes, Math.min(bytes.length, BODY_LIMIT), bytes.length > BODY_LIMIT,
                    BODY_LIMIT);
            if (!r.ok()) {
                return result(Verdict.UNEXPECTED_RESPONSE, null, null, r.problem());
            }
            reading = r;
            return null;
        }

        /**
         * Sends one GET: the 2xx body, read up to {@code limit} + 1 bytes (so that a longer one
         * shows), or what went wrong. Every request of a run goes through here, so the key, the
         * redirect rule, the deadline and the placing of failures are the same for all of them.
         */
        private Answer get(HttpUrl url, int limit) {
            endpoint = display(url);
            status = 0;
            long left = totalTimeout.toNanos() - (System.nanoTime() - start);
            if (left <= 0) {
                return Answer.failed(result(Verdict.TIMEOUT, null, null,
                        "no complete answer within " + Wording.humanize(totalTimeout)));
            }
            CallTrace trace = new CallTrace();
            Request.Builder builder = new Request.Builder().url(url).get()
                    .header("Accept", "application/json")
                    .tag(CallTrace.class, trace);
            if (kind == ProbeKind.ANTHROPIC_MODELS) {
                builder.header("anthropic-version", ANTHROPIC_VERSION);
            }
            authorize(builder);
            Call call = client.newCall(builder.build());
            call.timeout().timeout(left, TimeUnit.NANOSECONDS);
            try (Response response = call.execute()) {
                status = response.code();
                ResponseBody body = response.body();
                if (response.isSuccessful()) {
                    try (InputStream in = body.byteStream()) {
                        return new Answer(in.readNBytes(limit + 1), null);
                    }
                }
                return Answer.failed(fromStatus(response, url, trace, errorBody(body)));
            } catch (IOException e) {
                return Answer.failed(fromFailure(e, url, trace));
            }
        }

        /**
         * The key goes into a header here and nowhere else. OkHttp takes header values only as
         * Strings, so this one copy cannot be wiped: it lives in the request alone, which is
         * dropped when the call ends, and it is never logged (no interceptor here logs).
         */
        private void authorize(Request.Builder builder) {
            if (key == null) {
                return;
            }
            String value = new String(key);
            keySent = true;
            boolean bearer = request.auth() == ProbeRequest.AuthStyle.BEARER;
            switch (kind) {
                case ANTHROPIC_MODELS -> builder.header(bearer ? "Authorization" : "x-api-key", bearer ? "Bearer " + value : value);
                case GEMINI_MODELS -> builder.header(bearer ? "Authorization" : "x-goog-api-key", bearer ? "Bearer " + value : value);
                default -> builder.header("Authorization", "Bearer " + value);
            }
        }

        private ProbeResult fromStatus(Response response, HttpUrl url, CallTrace trace, byte[] errorBody) {
            int code = response.code();
            ErrorBody said = ErrorBody.parse(errorBody);
            String words = said.message();
            if (code / 100 == 3) {
                return result(Verdict.WRONG_BASE_URL, null, null, location(url, response.header("Location")));
            }
            return switch (code) {
                case 400 -> said.saysApiKeyInvalid()
                        ? result(keySent ? Verdict.INVALID_KEY : Verdict.KEY_REQUIRED, null, null, words)
                        : result(Verdict.UNEXPECTED_RESPONSE, null, null, words);
                case 401 -> result(keySent ? Verdict.INVALID_KEY : Verdict.KEY_REQUIRED, null, null, words);
                case 403 -> result(keySent ? Verdict.NO_PERMISSION : Verdict.KEY_REQUIRED, null, null, words);
                case 404, 410 -> result(Verdict.WRONG_BASE_URL, null, null, words);
                case 407 -> result(Verdict.PROXY_FAILURE, null, null,
                        (trace.proxy() == null ? "the proxy" : "the proxy " + CallTrace.describe(trace.proxy()))
                                + " asks for credentials (407)");
                case 408 -> result(Verdict.TIMEOUT, null, null, "the server gave up waiting for the request (408)");
                case 429 -> {
                    Duration wait = RetryAfter.fromHeader(response.header("Retry-After"), clock.instant());
                    yield result(Verdict.RATE_LIMITED, null, wait != null ? wait : said.retryDelay(), words);
                }
                default -> result(code / 100 == 5 ? Verdict.PROVIDER_ERROR : Verdict.UNEXPECTED_RESPONSE, null, null, words);
            };
        }

        private ProbeResult fromFailure(IOException e, HttpUrl url, CallTrace trace) {
            status = 0;
            if (Thread.currentThread().isInterrupted()) {
                return result(Verdict.TIMEOUT, null, null, "the test was cancelled");
            }
            if (find(e, UnknownHostException.class) != null) {
                String looked = trace.lastDnsHost();
                if (looked != null && !looked.equalsIgnoreCase(url.host())) {
                    return result(Verdict.PROXY_FAILURE, null, null, "the proxy's host name " + looked + " could not be found");
                }
                return result(Verdict.DNS_FAILURE, null, null, null);
            }
            if (trace.failedAtProxy()) {
                return result(Verdict.PROXY_FAILURE, null, null, proxyProblem(e, trace.proxy()));
            }
            if (find(e, InterruptedIOException.class) != null) {
                boolean connectTimedOut = trace.neverConnected() && find(e, SocketTimeoutException.class) != null;
                return result(Verdict.TIMEOUT, null, null, trace.neverConnected()
                        ? "no connection within " + Wording.humanize(connectTimedOut ? connectTimeout : totalTimeout)
                        : "no complete answer within " + Wording.humanize(totalTimeout));
            }
            if (find(e, SSLException.class) != null || find(e, CertificateException.class) != null) {
                return result(Verdict.TLS_FAILURE, null, null, tlsProblem(e, url));
            }
            if (find(e, NoRouteToHostException.class) != null) {
                return result(Verdict.CONNECTION_REFUSED, null, null, "there is no route to that host");
            }
            if (find(e, PortUnreachableException.class) != null) {
                return result(Verdict.CONNECTION_REFUSED, null, null, "the port is unreachable");
            }
            if (find(e, ConnectException.class) != null) {
                return result(Verdict.CONNECTION_REFUSED, null, null, "the connection was refused");
            }
            return result(Verdict.CONNECTION_FAILED, null, null, e.getMessage());
        }

        private ProbeResult result(Verdict verdict, Integer count, Duration retryAfter, String detail) {
            return new ProbeResult(kind, verdict, Duration.ofNanos(System.nanoTime() - start), count, retryAfter, status,
                    keySent, Redaction.redact(endpoint, key), Redaction.detail(detail, key));
        }
    }

    /**
     * What went wrong at the proxy, for the detail. The exception's type says refused or silent;
     * OkHttp's own wording is the only sign of a 407 or a refused tunnel, so it is matched here,
     * for the detail alone (the verdict does not depend on it).
     */
    private static String proxyProblem(IOException e, Proxy proxy) {
        String p = "the proxy " + CallTrace.describe(proxy);
        if (find(e, InterruptedIOException.class) != null) {
            return p + " did not answer in time";
        }
        if (find(e, NoRouteToHostException.class) != null) {
            return p + " cannot be reached (no route to host)";
        }
        if (find(e, ConnectException.class) != null) {
            return p + " refused the connection";
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Failed to authenticate with proxy")) {
            return p + " asks for credentials (407)";
        }
        Matcher m = CONNECT_STATUS.matcher(message);
        if (m.find()) {
            return p + " refused to open a tunnel to the provider (" + m.group(1) + ")";
        }
        if (message.toLowerCase(Locale.ROOT).contains("end of stream")) {
            return p + " closed the connection";
        }
        return p + " failed: " + message;
    }

    private static String tlsProblem(IOException e, HttpUrl url) {
        if (find(e, CertificateExpiredException.class) != null || find(e, CertificateNotYetValidException.class) != null) {
            return "the server's certificate has expired or is not valid yet (check this machine's clock)";
        }
        if (find(e, SSLPeerUnverifiedException.class) != null) {
            return "the server's certificate is not for " + url.host();
        }
        if (find(e, CertificateException.class) != null) {
            return "the server's certificate is not trusted (self-signed, or replaced by a proxy that inspects HTTPS)";
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Unsupported or unrecognized SSL message") || message.contains("plaintext")) {
            return "the server does not speak TLS on that port (plain HTTP?)";
        }
        return e.getMessage();
    }

    /** The first of {@code type} in the cause chain. */
    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e, previous = null; t != null && t != previous; previous = t, t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Whether the body holds nothing but JSON whitespace. */
    private static boolean blank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Null when the key can go into a header as is; else what is wrong with it. */
    static String unsendable(char[] key) {
        if (key.length == 0) {
            return "it is empty";
        }
        for (char c : key) {
            if (c < 0x21 || c > 0x7e) {
                return "it contains a space, a line break or a character outside visible ASCII";
            }
        }
        return null;
    }

    private static HttpUrl.Builder path(HttpUrl base, String segments) {
        return base.newBuilder().addPathSegments(segments);
    }

    /** Where a redirect points, without query, fragment or user info; null when unreadable. */
    private static String location(HttpUrl from, String location) {
        HttpUrl to = location == null ? null : from.resolve(location);
        return to == null ? null : display(to);
    }

    private static String display(HttpUrl url) {
        return url.newBuilder().username("").password("").query(null).fragment(null).build().toString();
    }

    private static byte[] errorBody(ResponseBody body) {
        try (InputStream in = body.byteStream()) {
            return in.readNBytes(ERROR_BODY_LIMIT);
        } catch (IOException e) {
            return new byte[0]; // the status alone says enough
        }
    }

    private static String join(String a, String b) {
        return b == null ? a : a + "; " + b;
    }
}
