package dev.pryx.net.probe;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketAddress;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;

/**
 * Where one call got to, so that a failure can be blamed on the right hop. OkHttp reports a
 * refused proxy with the same {@code ConnectException} as a refused provider; what differs is the
 * route it was connecting on when it failed. One trace per call (attached as the request's tag),
 * written and read on the calling thread.
 */
final class CallTrace extends EventListener {
    private volatile String lastDnsHost;
    private volatile Proxy proxy = Proxy.NO_PROXY;
    private volatile boolean connecting;
    private volatile boolean secureStarted;
    private volatile boolean acquired;

    @Override
    public void dnsStart(Call call, String domainName) {
        lastDnsHost = domainName;
    }

    @Override
    public void connectStart(Call call, InetSocketAddress inetSocketAddress, Proxy proxy) {
        this.proxy = proxy;
        connecting = true;
        secureStarted = false;
    }

    @Override
    public void secureConnectStart(Call call) {
        secureStarted = true;
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        proxy = connection.route().proxy();
        connecting = false;
        acquired = true;
    }

    /**
     * Whether the call failed on the way to (or inside) a proxy: a connection through a proxy had
     * started and ended before any TLS with the provider began. That covers a proxy that refuses
     * or drops the TCP connection, does not answer, asks for credentials (407) or refuses the
     * CONNECT tunnel. Once the tunnel stands, TLS failures are the provider's (or an inspecting
     * proxy's certificate, which the TLS message covers).
     */
    boolean failedAtProxy() {
        return connecting && !secureStarted && proxy.type() != Proxy.Type.DIRECT;
    }

    /** Whether the call never got a connection (for telling a connect timeout from a slow answer). */
    boolean neverConnected() {
        return !acquired;
    }

    /** The proxy of the last route tried, or null when the last route was direct. */
    Proxy proxy() {
        return proxy.type() == Proxy.Type.DIRECT ? null : proxy;
    }

    /** The last name OkHttp looked up: the provider's host, or the proxy's when one is in the way. */
    String lastDnsHost() {
        return lastDnsHost;
    }

    /** {@code host:port} of a proxy, never anything else it might carry. */
    static String describe(Proxy proxy) {
        SocketAddress a = proxy.address();
        if (a instanceof InetSocketAddress i) {
            String host = i.getHostString();
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + i.getPort();
        }
        return "the proxy";
    }
}
