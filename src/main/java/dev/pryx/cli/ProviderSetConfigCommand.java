package dev.pryx.cli;

import dev.pryx.provider.ProviderConfig;
import dev.pryx.provider.ProviderManager;
import dev.pryx.support.PryxException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pryx provider set-config <id> [--base-url URL] [--name N] [--enable|--disable]}. */
@Command(name = "set-config", mixinStandardHelpOptions = true, description = "Change a provider's name, base URL, or enable/disable it.")
public final class ProviderSetConfigCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "<id>")
    String id;

    @Option(names = "--base-url", paramLabel = "URL")
    String baseUrl;

    @Option(names = "--name", paramLabel = "N")
    String name;

    @ArgGroup(exclusive = true)
    Toggle toggle;

    static final class Toggle {
        @Option(names = "--enable", required = true)
        boolean enable;

        @Option(names = "--disable", required = true)
        boolean disable;
    }

    public ProviderSetConfigCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Boolean enabled = toggle == null ? null : toggle.enable;
        if (baseUrl == null && name == null && enabled == null) {
            throw new PryxException(PryxException.Kind.USAGE, "Nothing to change: give --base-url, --name, --enable or --disable.");
        }
        ProviderConfig c = context.manager().setConfig(id, new ProviderManager.ConfigChange(name, baseUrl, enabled));
        context.out().println("Updated " + c.id() + ": " + c.name() + ", " + c.baseUrl() + ", " + (c.enabled() ? "enabled" : "disabled") + ".");
        return ExitCode.OK;
    }
}
