package dev.pryx.net.probe;

import java.util.Objects;

/**
 * What {@link ConnectionProbe#fetch} got: the body as its reader read it, or why there is none.
 *
 * @param value  what the reader made of the body, or null when the fetch failed
 * @param result the exchange as a probe would report it: {@link Verdict#OK} with the status,
 *               latency and endpoint when {@code value} is there, else the failure (message and
 *               hint ready for a face, the key redacted)
 * @param <T>    what the body is read into
 */
public record Fetched<T>(T value, ProbeResult result) {
    public Fetched {
        Objects.requireNonNull(result, "result");
        if ((value != null) != result.ok()) {
            throw new IllegalArgumentException("a value comes with OK, and only with OK");
        }
    }

    static <T> Fetched<T> failed(ProbeResult failure) {
        return new Fetched<>(null, failure);
    }

    public boolean ok() {
        return result.ok();
    }
}
