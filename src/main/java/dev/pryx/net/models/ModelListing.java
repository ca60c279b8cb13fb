package dev.pryx.net.models;

import dev.pryx.net.probe.ProbeResult;
import java.util.List;

/**
 * What {@link ModelLister#list} found: the provider's models, or why they could not be had.
 *
 * @param models  the models in the provider's order (ids unique), or null when the fetch failed
 * @param result  the exchange as a connection test reports it: OK with status, latency and
 *                endpoint when the list arrived, else the failure (a verdict, a message and a hint
 *                for a face, the key redacted)
 */
public record ModelListing(List<LiveModel> models, ProbeResult result) {
    public ModelListing {
        if (result == null || (models != null) != result.ok()) {
            throw new IllegalArgumentException("models come with an OK result, and only with one");
        }
        models = models == null ? null : List.copyOf(models);
    }

    public boolean ok() {
        return models != null;
    }
}
