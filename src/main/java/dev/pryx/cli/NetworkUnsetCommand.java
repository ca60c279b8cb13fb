package dev.pryx.cli;

import dev.pryx.provider.NetworkChange;
import dev.pryx.provider.NetworkView;
import dev.pryx.support.PryxException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pryx network unset [--proxy] [--ca-bundle] [--no-proxy]}: then prints what is now in force. */
@Command(name = "unset", mixinStandardHelpOptions = true,
        description = "Remove saved network settings; the environment's proxies apply again.")
public final class NetworkUnsetCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--proxy", description = "Remove the saved proxy (HTTPS_PROXY/HTTP_PROXY apply again).")
    boolean proxy;

    @Option(names = "--ca-bundle", description = "Remove the CA bundle (the JDK's roots alone are trusted).")
    boolean caBundle;

    @Option(names = "--no-proxy", description = "Remove the saved no-proxy hosts (NO_PROXY still applies).")
    boolean noProxy;

    public NetworkUnsetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        NetworkChange change = NetworkChange.remove(proxy, caBundle, noProxy);
        if (change.empty()) {
            throw new PryxException(PryxException.Kind.USAGE, "Nothing to remove: give --proxy, --ca-bundle or --no-proxy.");
        }
        NetworkView view = context.manager().updateNetworkSettings(change);
        context.out().println("Saved the network settings in " + view.settingsFile() + ".");
        NetworkShowCommand.print(context.out(), view);
        return ExitCode.OK;
    }
}
