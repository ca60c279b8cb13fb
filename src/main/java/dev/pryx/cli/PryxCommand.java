package dev.pryx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import dev.pryx.support.PryxException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code pryx} command. Without a sub-command it opens the TUI on a terminal and
 * shows the help otherwise (a script that runs plain {@code pryx} must not hang in a full-screen app).
 */
@Command(name = "pryx",
        mixinStandardHelpOptions = true,
        versionProvider = PryxCommand.Version.class,
        description = {"Set up and manage LLM providers, with keys kept in an encrypted local vault.", ""},
        subcommands = {TuiCommand.class, ProviderCommand.class, CatalogCommand.class, VaultCommand.class,
                NetworkCommand.class, picocli.AutoComplete.GenerateCompletion.class},
        footer = {"", "State lives under PRYX_HOME, else the XDG base directories.",
                "The vault passphrase comes from PRYX_VAULT_PASSPHRASE,",
                "PRYX_VAULT_PASSPHRASE_FILE, or a prompt on a terminal.",
                "Exit codes: 0 done, 1 check failed, 2 usage, 3 vault, 4 remote (docs/cli.md)."})
public final class PryxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--theme", paramLabel = "NAME",
            description = "Theme for the full-screen app: dark, light, high-contrast, or one of yours.")
    String theme;

    private final CliContext context;

    public PryxCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (context.input().interactive()) {
            return context.tui().open(theme);
        }
        if (theme != null) {
            throw new PryxException(PryxException.Kind.USAGE,
                    "The full-screen app needs a terminal; --theme applies only there.");
        }
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.OK;
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
