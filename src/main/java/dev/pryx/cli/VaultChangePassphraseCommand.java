package dev.pryx.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code pryx vault change-passphrase}: the current passphrase from the usual sources, the new one
 * typed twice on a terminal or else the first line of stdin.
 */
@Command(name = "change-passphrase", mixinStandardHelpOptions = true,
        description = {"Protect the vault with a new passphrase.",
                "The current one comes from PRYX_VAULT_PASSPHRASE(_FILE) or a prompt; the new one is typed twice",
                "on a terminal, or else read from the first line of standard input."})
public final class VaultChangePassphraseCommand implements Callable<Integer> {
    private final CliContext context;

    public VaultChangePassphraseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.manager().changeVaultPassphrase();
        context.out().println("The vault passphrase was changed. Backups keep the old passphrase.");
        return ExitCode.OK;
    }
}
