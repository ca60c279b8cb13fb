package dev.pryx.provider;

import java.util.List;

/**
 * What {@code pryx network set} or {@code unset} changes. A value given is set (after checking);
 * a {@code remove} flag removes the setting; anything else stays as it is.
 *
 * @param proxy    {@code http://HOST:PORT}, or null
 * @param caBundle a PEM file's path (relative to the working directory, saved absolute), or null
 * @param noProxy  entries replacing the saved no-proxy list, or null
 */
public record NetworkChange(String proxy, String caBundle, List<String> noProxy,
                            boolean removeProxy, boolean removeCaBundle, boolean removeNoProxy) {

    public static NetworkChange set(String proxy, String caBundle, List<String> noProxy) {
        return new NetworkChange(proxy, caBundle, noProxy, false, false, false);
    }

    public static NetworkChange remove(boolean proxy, boolean caBundle, boolean noProxy) {
        return new NetworkChange(null, null, null, proxy, caBundle, noProxy);
    }

    /** Nothing to set and nothing to remove. */
    public boolean empty() {
        return proxy == null && caBundle == null && noProxy == null && !removeProxy && !removeCaBundle && !removeNoProxy;
    }
}
