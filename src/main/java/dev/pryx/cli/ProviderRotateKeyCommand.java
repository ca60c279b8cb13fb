package dev.pryx.cli;

import dev.pryx.provider.KeyStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pryx provider rotate-key <id>}: a new key; the previous one is kept for rollback. */
@Command(name = "rotate-key", mixinStandardHelpOptions = true,
        description = {"Replace the provider's key with a new one, keeping the previous for `rollback-key`.",
                "The new key comes from a masked prompt, or the first line of stdin."})
public final class ProviderRotateKeyCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    KeyTarget target;

    public ProviderRotateKeyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var manager = context.manager();
        manager.checkKeyTarget(target.id);
        KeyStatus status = manager.rotateKey(target.id, KeyInput.read(context.input(), "New API key for " + target.id), target.strict);
        context.out().println("Rotated the key of " + target.id + " (now " + status.fingerprint() + "). "
                + "`pryx provider rollback-key " + target.id + "` goes back to the previous one.");
        return ExitCode.OK;
    }
}
