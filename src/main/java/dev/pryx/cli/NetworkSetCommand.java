package dev.pryx.cli;

import dev.pryx.provider.NetworkChange;
import dev.pryx.provider.NetworkView;
import dev.pryx.support.PryxException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pryx network set [--proxy URL] [--ca-bundle FILE] [--no-proxy HOSTS]}: every value is
 * checked before anything is saved (a bad one is exit 2 and changes nothing); then prints what is
 * now in force.
 */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = "Save a proxy, a CA bundle or no-proxy hosts in pryx's settings (network.json in the config directory).")
public final class NetworkSetCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--proxy", paramLabel = "URL",
            description = "http://HOST:PORT; beats HTTPS_PROXY and HTTP_PROXY. No credentials (not supported yet).")
    String proxy;

    @Option(names = "--ca-bundle", paramLabel = "FILE",
            description = "A PEM file of CA certificates to trust besides the JDK's roots (saved as an absolute path).")
    String caBundle;

    @Option(names = "--no-proxy", paramLabel = "HOSTS", split = ",",
            description = "Hosts, domains, IP addresses or CIDR blocks that bypass the proxy, comma-separated; "
                    + "replaces the saved list and adds to NO_PROXY.")
    List<String> noProxy;

    public NetworkSetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        NetworkChange change = NetworkChange.set(proxy, caBundle, noProxy);
        if (change.empty()) {
            throw new PryxException(PryxException.Kind.USAGE, "Nothing to set: give --proxy, --ca-bundle or --no-proxy.");
        }
        NetworkView view = context.manager().updateNetworkSettings(change);
        context.out().println("Saved the network settings in " + view.settingsFile() + ".");
        NetworkShowCommand.print(context.out(), view);
        return ExitCode.OK;
    }
}
