package dev.pryx.provider;

/**
 * Something the audit log will record: a key set, read, rotated, deleted; a provider added or
 * removed; a read refused by the access policy. Never holds a secret.
 *
 * @param type     e.g. {@code key.read}, {@code scope.denied}
 * @param provider the provider instance id, or null
 * @param scope    the scope of a read, or null
 * @param result   {@code ok} or {@code denied}
 */
public record ProviderEvent(String type, String provider, String scope, String result) {

    /** Receives events; the audit log will be one. */
    @FunctionalInterface
    public interface Listener {
        void on(ProviderEvent event);

        Listener NONE = event -> { };
    }
}
