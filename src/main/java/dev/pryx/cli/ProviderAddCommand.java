package dev.pryx.cli;

import dev.pryx.provider.ProviderConfig;
import dev.pryx.provider.ProviderManager;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pryx provider add <id> [--as <name>] [--base-url URL] [--model M] [--name N]}, and
 * {@code pryx provider add <name> --compatible openai --base-url URL} for any OpenAI-compatible server.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Add a provider from the catalog.", "Use --as to add a second account of the same provider."})
public final class ProviderAddCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "<id>", description = "Catalog id, e.g. openai (see `pryx provider list --all`).")
    String catalogId;

    @Option(names = "--as", paramLabel = "<name>", description = "Id of this account, e.g. openai-work.")
    String as;

    @Option(names = "--base-url", paramLabel = "URL", description = "API base URL, when not the catalog's.")
    String baseUrl;

    @Option(names = "--model", paramLabel = "M", description = "Default model.")
    String model;

    @Option(names = "--name", paramLabel = "N", description = "Display name.")
    String name;

    @Option(names = "--compatible", paramLabel = "API",
            description = "Add any server that speaks this API (only 'openai'); <id> is then your name for it "
                    + "and --base-url is required. Its key is optional.")
    String compatible;

    public ProviderAddCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ProviderConfig added = compatible == null
                ? context.manager().addProvider(new ProviderManager.NewProvider(catalogId, as, name, baseUrl, model))
                : context.manager().addCompatible(compatible, catalogId, name, baseUrl, model);
        context.out().println("Added " + added.id() + " (" + added.name() + ", " + added.baseUrl() + ").");
        if (compatible != null) {
            context.out().println("Next: `pryx provider test " + added.id() + "`; if the server wants a key, `pryx provider set-key "
                    + added.id() + "` first.");
        } else if (added.apiKeyRef() != null) {
            context.out().println("Next: `pryx provider set-key " + added.id() + "` to store its key.");
        }
        return ExitCode.OK;
    }
}
