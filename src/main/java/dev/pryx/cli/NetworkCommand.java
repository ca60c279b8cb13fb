package dev.pryx.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pryx network ...}: the proxy and CA certificates pryx uses on a corporate network. */
@Command(name = "network",
        mixinStandardHelpOptions = true,
        description = {"The proxy, no-proxy hosts and extra CA certificates for outbound calls.",
                "A proxy set here beats HTTPS_PROXY/HTTP_PROXY; NO_PROXY still applies, loopback is always direct."},
        subcommands = {NetworkShowCommand.class, NetworkSetCommand.class, NetworkUnsetCommand.class})
public final class NetworkCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
