package dev.pryx.cli;

import dev.pryx.provider.VaultReport;
import dev.pryx.support.PryxException;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pryx vault restore [--generation N]}: goes back to a backup, never silently. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the vault with the newest backup that opens with the passphrase.",
                "The replaced file is kept: as a backup if it still opens, else as vault.pryx.damaged-<time>."})
public final class VaultRestoreCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--generation", paramLabel = "N", description = "Restore this backup generation (see `pryx vault status`).")
    Long generation;

    public VaultRestoreCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (generation != null && generation < 1) {
            throw new PryxException(PryxException.Kind.USAGE, "--generation must be a positive number; "
                    + "`pryx vault status` lists the backups.");
        }
        VaultReport.Restored restored = context.manager().restoreVault(
                generation == null ? OptionalLong.empty() : OptionalLong.of(generation));
        context.out().println("Restored the backup of generation " + restored.fromGeneration()
                + "; the vault is now at generation " + restored.newGeneration() + ".");
        return ExitCode.OK;
    }
}
