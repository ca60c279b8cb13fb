package dev.pryx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code pryx} command. Without a sub-command it shows the help (the TUI comes later). */
@Command(name = "pryx",
        mixinStandardHelpOptions = true,
        versionProvider = PryxCommand.Version.class,
        description = {"Set up and manage LLM providers, with keys kept in an encrypted local vault.", ""},
        subcommands = {ProviderCommand.class, CatalogCommand.class, VaultCommand.class,
                picocli.AutoComplete.GenerateCompletion.class},
        footer = {"", "State lives under PRYX_HOME, else the XDG base directories.",
                "The vault passphrase comes from PRYX_VAULT_PASSPHRASE,",
                "PRYX_VAULT_PASSPHRASE_FILE, or a prompt on a terminal.",
                "Exit codes: 0 done, 1 check failed, 2 usage, 3 vault, 4 remote (docs/cli.md)."})
public final class PryxCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the build, read from a filtered resource. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pryx " + version(), "Java " + System.getProperty("java.version")
                    + " (" + System.getProperty("java.vm.name") + ")"};
        }

        public static String version() {
            Properties p = new Properties();
            try (InputStream in = PryxCommand.class.getResourceAsStream("/dev/pryx/version.properties")) {
                if (in == null) {
                    return "unknown";
                }
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p.getProperty("version", "unknown");
        }
    }
}
