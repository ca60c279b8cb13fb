package dev.pryx.cli;

import dev.pryx.provider.KeyStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code pryx provider key-status <id> [--json]}: never the key. */
@Command(name = "key-status", mixinStandardHelpOptions = true,
        description = "Whether a key is set, its fingerprint, when it was set and rotated. Never the key.")
public final class ProviderKeyStatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "<id>")
    String id;

    @Mixin
    JsonOption json;

    public ProviderKeyStatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        KeyStatus s = context.manager().keyStatus(id);
        PrintWriter out = context.out();
        if (json.json) {
            Output.json(out, s);
            return ExitCode.OK;
        }
        if (!s.set()) {
            out.println(id + ": no key set (" + s.ref() + "). Set one with `pryx provider set-key " + id + "`.");
        } else {
            out.println(id + ": key set, " + s.fingerprint() + ", set " + Output.time(s.setAt())
                    + (s.rotatedAt() == null ? "" : ", rotated " + Output.time(s.rotatedAt()))
                    + ", " + s.versions() + (s.versions() == 1 ? " version" : " versions") + " kept (" + s.ref() + ")");
        }
        if (s.overriddenBy() != null) {
            out.println("Note: " + s.overriddenBy() + " overrides which vault entry supplies this key in this shell.");
        }
        return ExitCode.OK;
    }
}
