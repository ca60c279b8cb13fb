package dev.pryx.provider;

import dev.pryx.net.NetworkReport;
import java.time.Instant;
import java.util.List;

/**
 * The network settings in force and where each part comes from, as {@code pryx network show}
 * prints them (a mirror of the net package's report, so faces need not import it). Proxy URLs
 * never carry credentials.
 *
 * @param settingsFile    where pryx saves its own settings ({@code network.json})
 * @param httpsProxy      the proxy for https URLs
 * @param httpProxy       the proxy for plain-http URLs
 * @param noProxy         the no-proxy entries saved in pryx's settings
 * @param noProxyVariable {@code no_proxy} or {@code NO_PROXY} when set, else null
 * @param noProxyEnv      that variable's value, else null
 * @param caBundle        the extra CA bundle, or null when none is set
 * @param notes           what deserves a look, in sentences
 */
public record NetworkView(String settingsFile, Route httpsProxy, Route httpProxy, List<String> noProxy,
                          String noProxyVariable, String noProxyEnv, Bundle caBundle, List<String> notes) {
    /** Where a proxy comes from: the settings. */
    public static final String SETTING = "setting";

    /**
     * @param proxy  {@code http://host:port} (or {@code socks5://} from a variable); null: direct
     * @param source {@value #SETTING}, {@code env VARIABLE}, or {@code none}
     */
    public record Route(String proxy, String source) {
    }

    /**
     * @param path         absolute, as saved
     * @param certificates what the file holds; empty when it cannot be read
     * @param problem      why the bundle cannot be used now (and what to do), else null
     */
    public record Bundle(String path, List<TrustedCertificate> certificates, String problem) {
    }

    /** @param subject distinguished name, RFC 2253 ({@code CN=Corp Root CA,O=Corp}) */
    public record TrustedCertificate(String subject, Instant expires) {
    }

    /**
     * One line for a status board when anything but a plain direct connection is in force ("https
     * via http://proxy.corp:3128 (setting), extra CA bundle ca.pem (2 certificates)"); null when
     * requests go direct with the JDK's trust alone.
     */
    public String summary() {
        List<String> parts = new java.util.ArrayList<>();
        if (httpsProxy.proxy() != null) {
            parts.add("https via " + httpsProxy.proxy() + " (" + httpsProxy.source() + ")");
        }
        if (httpProxy.proxy() != null && !httpProxy.equals(httpsProxy)) {
            parts.add("http via " + httpProxy.proxy() + " (" + httpProxy.source() + ")");
        } else if (httpProxy.proxy() != null) {
            parts.set(0, "http and " + parts.get(0));
        }
        if (caBundle != null) {
            int n = caBundle.certificates().size();
            parts.add("extra CA bundle " + java.nio.file.Path.of(caBundle.path()).getFileName() + " ("
                    + (caBundle.problem() != null ? "unusable" : n + " certificate" + (n == 1 ? "" : "s")) + ")");
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    static NetworkView of(NetworkReport r) {
        NetworkReport.Bundle b = r.caBundle();
        return new NetworkView(r.settingsFile().toString(), route(r.https()), route(r.http()), r.noProxy(),
                r.noProxyVariable(), r.noProxyEnv(),
                b == null ? null : new Bundle(b.file().toString(),
                        b.certificates().stream().map(c -> new TrustedCertificate(c.subject(), c.expires())).toList(),
                        b.problem()),
                r.notes());
    }

    private static Route route(NetworkReport.Route r) {
        return new Route(r.proxy(), r.source());
    }
}
