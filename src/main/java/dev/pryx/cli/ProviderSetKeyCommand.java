package dev.pryx.cli;

import dev.pryx.provider.KeyStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pryx provider set-key <id> [--strict]}: never from argv. */
@Command(name = "set-key", mixinStandardHelpOptions = true,
        description = {"Store the provider's API key in the vault.",
                "Typed at a masked prompt on a terminal, else read from the first line of stdin; never an argument."})
public final class ProviderSetKeyCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    KeyTarget target;

    public ProviderSetKeyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var manager = context.manager();
        manager.checkKeyTarget(target.id);
        KeyStatus status = manager.setKey(target.id, KeyInput.read(context.input(), "API key for " + target.id), target.strict);
        context.out().println("Stored the key of " + target.id + " (" + status.fingerprint() + ")."
                + (status.versions() > 1 ? " The previous key is kept: `pryx provider rollback-key " + target.id + "` goes back." : ""));
        return ExitCode.OK;
    }
}
