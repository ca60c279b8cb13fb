package dev.pryx.cli;

import dev.pryx.provider.CatalogReport;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pryx catalog refresh | info [--json]}. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "The provider catalog: where it comes from, and refreshing it from models.dev (PRYX_CATALOG_URL).")
public final class CatalogCommand implements Runnable {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    public CatalogCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = "Fetch the catalog; a failed refresh keeps the one in use and says why.")
    int refresh(@Mixin JsonOption json) {
        CatalogReport r = context.manager().refreshCatalog();
        if (json.json) {
            Output.json(context.out(), r);
        } else if (!r.changed()) {
            context.out().println("The catalog is up to date (" + r.providers() + " providers, " + r.models() + " models).");
        } else {
            print(context.out(), r);
        }
        return ExitCode.OK;
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Source, age, counts, and what the last refresh changed.")
    int info(@Mixin JsonOption json) {
        CatalogReport r = context.manager().catalogInfo();
        if (json.json) {
            Output.json(context.out(), r);
        } else {
            print(context.out(), r);
        }
        return ExitCode.OK;
    }

    private static void print(PrintWriter out, CatalogReport r) {
        out.printf("%-10s %s%n", "Source", r.source() + (r.url() == null ? "" : " (" + r.url() + ")"));
        if (r.fetchedAt() != null) {
            out.printf("%-10s %s (%s ago)%n", "Fetched", Output.time(r.fetchedAt()),
                    age(java.time.Duration.between(r.fetchedAt(), java.time.Instant.now())));
        }
        out.printf("%-10s %d providers, %d models%n", "Contents", r.providers(), r.models());
        change(out, "Added", r.addedProviders(), r.addedModels());
        change(out, "Removed", r.removedProviders(), r.removedModels());
    }

    /** A duration as a person says it: "40 s", "12 min", "5 h", "3 days". */
    static String age(java.time.Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 2 * 86400) {
            return s / 3600 + " h";
        }
        return s / 86400 + " days";
    }

    private static void change(PrintWriter out, String label, List<String> providers, List<String> models) {
        if (providers.isEmpty() && models.isEmpty()) {
            return;
        }
        out.printf("%-10s %d providers%s, %d models%n", label, providers.size(),
                providers.isEmpty() ? "" : " (" + String.join(", ", providers.subList(0, Math.min(10, providers.size())))
                        + (providers.size() > 10 ? ", ..." : "") + ")", models.size());
    }
}
