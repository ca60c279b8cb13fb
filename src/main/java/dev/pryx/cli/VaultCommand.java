package dev.pryx.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pryx vault ...}: the encrypted vault itself. */
@Command(name = "vault",
        mixinStandardHelpOptions = true,
        description = "Create, inspect, re-key and restore the encrypted vault.",
        subcommands = {VaultInitCommand.class, VaultStatusCommand.class, VaultChangePassphraseCommand.class,
                VaultRestoreCommand.class})
public final class VaultCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
