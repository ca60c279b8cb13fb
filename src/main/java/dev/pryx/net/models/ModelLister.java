package dev.pryx.net.models;

import dev.pryx.net.probe.ConnectionProbe;
import dev.pryx.net.probe.Fetched;
import dev.pryx.net.probe.ProbeRequest;
import dev.pryx.support.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Fetches a provider's live model list (see {@link ModelListKind} for the requests). The request
 * goes through {@link ConnectionProbe#fetch}, so it follows every rule of a connection test (key
 * header, no redirects, proxy placement, redaction, timeouts) and fails with the same verdicts
 * and words; a body that is not the list expected is {@code unexpected_response}. Immutable and
 * thread-safe.
 */
public final class ModelLister {
    /**
     * The largest list read. OpenRouter's, the longest known, is a few hundred models with long
     * descriptions (a megabyte or two); 16 MiB leaves room to grow and still keeps a broken or
     * hostile server from filling the memory.
     */
    public static final int BODY_LIMIT = 16 * 1024 * 1024;

    private final ConnectionProbe probe;

    /**
     * @param client         the shared client (the probe derives its own from it)
     * @param connectTimeout the longest wait for one connection
     * @param totalTimeout   the longest the whole fetch may take, body included
     */
    public ModelLister(OkHttpClient client, Duration connectTimeout, Duration totalTimeout) {
        this.probe = new ConnectionProbe(Objects.requireNonNull(client, "client"), connectTimeout, totalTimeout);
    }

    /**
     * Fetches and reads the list. Never throws for what the network or the server does.
     *
     * @param baseUrl the provider's API base, as for a connection test
     * @param key     the key to send, or null for none; borrowed (the caller closes it after this returns)
     * @throws dev.pryx.support.PryxException (usage) when the base URL is not http(s)
     */
    public ModelListing list(ModelListKind kind, String baseUrl, Secret key) {
        Objects.requireNonNull(kind, "kind");
        ProbeRequest request = key == null ? ProbeRequest.withoutKey(kind.probeKind(), baseUrl)
                : new ProbeRequest(kind.probeKind(), baseUrl, key);
        Fetched<List<LiveModel>> fetched = probe.fetch(request, kind.path(), BODY_LIMIT, kind.reader());
        return new ModelListing(fetched.value(), fetched.result());
    }
}
