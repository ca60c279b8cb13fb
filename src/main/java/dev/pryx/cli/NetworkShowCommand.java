package dev.pryx.cli;

import dev.pryx.provider.NetworkView;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code pryx network show [--json]}: the proxy for each scheme and where it comes from, the
 * hosts that bypass it, and the extra CA bundle with its certificates. Needs no vault; a bundle
 * that cannot be used is shown with its problem rather than failing, since this is where one
 * looks to find out.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "The proxy in force and where it comes from (pryx setting, HTTPS_PROXY/HTTP_PROXY, none), "
                + "NO_PROXY, and the CA bundle with its certificates.")
public final class NetworkShowCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    JsonOption json;

    public NetworkShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        NetworkView view = context.manager().networkSettings();
        if (json.json) {
            Output.json(context.out(), view);
        } else {
            print(context.out(), view);
        }
        return ExitCode.OK;
    }

    static void print(PrintWriter out, NetworkView v) {
        out.printf("%-15s %s%n", "Proxy (https)", route(v.httpsProxy()));
        out.printf("%-15s %s%n", "Proxy (http)", route(v.httpProxy()));
        List<String> bypass = new ArrayList<>();
        bypass.add("localhost, 127.0.0.0/8, ::1 (always)");
        if (!v.noProxy().isEmpty()) {
            bypass.add(String.join(", ", v.noProxy()) + " (pryx setting)");
        }
        if (v.noProxyEnv() != null) {
            bypass.add(v.noProxyEnv() + " (" + v.noProxyVariable() + ")");
        }
        out.printf("%-15s %s%n", "No proxy", String.join("; ", bypass));
        NetworkView.Bundle b = v.caBundle();
        if (b == null) {
            out.printf("%-15s %s%n", "CA bundle", "none (the JDK's trusted roots only)");
        } else if (b.problem() != null) {
            out.printf("%-15s %s: NOT USABLE%n", "CA bundle", b.path());
            out.printf("%-15s %s%n", "", b.problem());
        } else {
            int n = b.certificates().size();
            out.printf("%-15s %s: %d certificate%s, trusted besides the JDK's roots%n", "CA bundle", b.path(), n,
                    n == 1 ? "" : "s");
            for (NetworkView.TrustedCertificate c : b.certificates()) {
                out.printf("%-15s   %s (expires %s)%n", "", c.subject(), Output.time(c.expires()));
            }
        }
        out.printf("%-15s %s%n", "Settings file", v.settingsFile());
        for (String note : v.notes()) {
            out.println("Note: " + note);
        }
    }

    private static String route(NetworkView.Route r) {
        if (NetworkView.SETTING.equals(r.source())) {
            return r.proxy() == null ? "NOT USABLE (pryx setting; see the note)" : r.proxy() + "  (pryx setting)";
        }
        if (r.proxy() == null) {
            return "none (direct)";
        }
        return r.proxy() + "  (from " + r.source().substring("env ".length()) + ")";
    }
}
