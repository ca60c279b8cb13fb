package dev.pryx.net;

import dev.pryx.support.Environment;
import dev.pryx.support.PryxException;
import java.net.Proxy;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/**
 * What the network settings amount to for this process, and where each part comes from: the
 * answer to {@code pryx network show}. Made by the same code that builds the client
 * ({@link EnvProxySelector}, {@link CaBundle}), so it cannot tell a different story. It reports a
 * problem (a CA bundle gone since it was set, an unusable variable) instead of failing, since this
 * is where one looks to find out. Proxy URLs appear without credentials.
 *
 * @param settingsFile    where the settings are saved
 * @param https           the proxy for https URLs
 * @param http            the proxy for plain-http URLs
 * @param noProxy         the settings' no-proxy entries
 * @param noProxyVariable {@code no_proxy} or {@code NO_PROXY} when one is set, else null
 * @param noProxyEnv      that variable's value, else null
 * @param caBundle        the CA bundle in the settings, or null when none is set
 * @param notes           what deserves a look, in sentences
 */
public record NetworkReport(Path settingsFile, Route https, Route http, List<String> noProxy, String noProxyVariable,
                            String noProxyEnv, Bundle caBundle, List<String> notes) {

    /**
     * @param proxy  {@code http://host:port} or {@code socks5://host:port}, or null for direct
     * @param source {@code setting}, {@code env VARIABLE}, or {@code none}
     */
    public record Route(String proxy, String source) {
    }

    /**
     * @param certificates what the file holds, in its order; empty when it cannot be read
     * @param problem      why the file cannot be used now, else null
     */
    public record Bundle(Path file, List<Certificate> certificates, String problem) {
    }

    /** @param subject the subject's distinguished name (RFC 2253) */
    public record Certificate(String subject, Instant expires) {
    }

    public static NetworkReport describe(Environment env, NetworkSettings settings, Path settingsFile) {
        List<String> notes = new ArrayList<>();
        Route https;
        Route http;
        try {
            EnvProxySelector selector = EnvProxySelector.from(env, settings);
            https = route(selector.https(), notes);
            http = route(selector.http(), notes);
        } catch (PryxException e) {
            notes.add(e.getMessage() + " Commands that use the network fail until then.");
            https = new Route(null, EnvProxySelector.SETTING);
            http = https;
        }
        if (settings.proxy() != null) {
            for (String variable : List.of("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY")) {
                if (env.value(variable).isPresent()) {
                    notes.add(variable + " is set too; the proxy in pryx's settings wins.");
                }
            }
        }
        String variable = EnvProxySelector.noProxyVariable(env);
        return new NetworkReport(settingsFile, https, http, settings.noProxy(), variable,
                variable == null ? null : env.get(variable).trim(), bundle(settings.caBundle()), List.copyOf(notes));
    }

    private static Route route(EnvProxySelector.Choice choice, List<String> notes) {
        if (choice.problem() != null && !notes.contains(choice.problem())) {
            notes.add(choice.problem());
        }
        Proxy proxy = choice.proxy();
        return new Route(EnvProxySelector.display(proxy), choice.source());
    }

    private static Bundle bundle(Path file) {
        if (file == null) {
            return null;
        }
        try {
            List<Certificate> certificates = new ArrayList<>();
            for (X509Certificate c : CaBundle.read(file).certificates()) {
                certificates.add(new Certificate(c.getSubjectX500Principal().getName(X500Principal.RFC2253),
                        c.getNotAfter().toInstant()));
            }
            return new Bundle(file, List.copyOf(certificates), null);
        } catch (PryxException e) {
            return new Bundle(file, List.of(), e.getMessage() + " " + HttpClients.BUNDLE_FIX);
        }
    }
}
