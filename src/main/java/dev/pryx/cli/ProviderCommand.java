package dev.pryx.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pryx provider ...}: provider accounts, their keys and models. */
@Command(name = "provider",
        mixinStandardHelpOptions = true,
        description = "Add providers, store their keys in the vault, choose models.",
        subcommands = {ProviderListCommand.class, ProviderAddCommand.class, ProviderRemoveCommand.class,
                ProviderSetKeyCommand.class, ProviderKeyStatusCommand.class, ProviderDeleteKeyCommand.class,
                ProviderRotateKeyCommand.class, ProviderRollbackKeyCommand.class, ProviderSetConfigCommand.class,
                ProviderModelsCommand.class, ProviderUseModelCommand.class, ProviderCurrentModelCommand.class,
                ProviderStatusCommand.class, ProviderImportEnvCommand.class, ProviderTestCommand.class})
public final class ProviderCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
