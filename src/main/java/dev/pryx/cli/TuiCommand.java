package dev.pryx.cli;

import dev.pryx.support.PryxException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pryx tui}: the full-screen app, also what plain {@code pryx} opens on a terminal. */
@Command(name = "tui", mixinStandardHelpOptions = true,
        description = {"Open the full-screen app: provider list, / command palette, key entry, model picker.",
                "NO_COLOR draws without colour."})
public final class TuiCommand implements Callable<Integer> {
    @Option(names = "--theme", paramLabel = "NAME",
            description = "dark, light, high-contrast, or NAME.properties from the config folder's themes/. "
                    + "Default: the last one chosen in Settings, else dark.")
    String theme;

    private final CliContext context;

    public TuiCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!context.input().interactive()) {
            throw new PryxException(PryxException.Kind.USAGE,
                    "The full-screen app needs a terminal (stdin and stdout). Use the `pryx provider` commands in scripts.");
        }
        return context.tui().open(theme);
    }
}
