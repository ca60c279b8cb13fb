package dev.pryx.tui.palette;

import dev.pryx.provider.CatalogEntry;
import dev.pryx.provider.CatalogModelEntry;
import dev.pryx.provider.ProviderManager;
import dev.pryx.provider.ProviderView;
import dev.pryx.provider.CatalogReport;
import dev.pryx.support.PryxException;
import dev.pryx.tui.providers.ProviderListPane;
import dev.pryx.tui.shell.Async;
import dev.pryx.tui.shell.Shell;
import dev.pryx.tui.status.StatusBoardPane;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the palette offers and what choosing each thing does: commands, configured providers,
 * catalog providers (to add) and every model of every provider (to use, adding its provider
 * first when needed).
 */
public final class PaletteActions {
    public static final List<PaletteItem> COMMANDS = List.of(
            PaletteItem.command("add-provider", "Add provider", "choose one from the catalog"),
            PaletteItem.command("set-key", "Set key", "for the active provider"),
            PaletteItem.command("use-model", "Use model", "pick the active provider's default model"),
            PaletteItem.command("remove-provider", "Remove provider", "the active provider and its key"),
            PaletteItem.command("status", "Status board", "each provider's key, model and last test"),
            PaletteItem.command("check-all", "Check all providers", "test every enabled provider now"),
            PaletteItem.command("refresh-catalog", "Refresh catalog", "fetch the latest models.dev catalog"),
            PaletteItem.command("theme", "Theme", "dark, light, high-contrast, yours"),
            PaletteItem.command("providers", "Providers", "the home screen"),
            PaletteItem.command("help", "Help", "the keys of this screen"),
            PaletteItem.command("quit", "Quit", "leave pryx"));

    private static final Async.Ticket REFRESH = new Async.Ticket();

    private PaletteActions() {
    }

    /** Everything the palette searches, read from the manager once per opening. */
    public static List<PaletteItem> items(ProviderManager manager) {
        List<PaletteItem> items = new ArrayList<>(COMMANDS);
        for (ProviderView p : manager.listProviders()) {
            items.add(PaletteItem.provider(p.id(), p.name()));
        }
        for (CatalogEntry c : manager.catalogProviders()) {
            items.add(PaletteItem.catalogProvider(c.id(), c.name()));
        }
        for (CatalogModelEntry m : manager.catalogModels()) {
            items.add(PaletteItem.model(m.provider(), m.providerName(), m.id(), m.name()));
        }
        return items;
    }

    /** Runs the chosen item; the palette is already closed. */
    public static void run(Shell shell, PaletteItem item) {
        try {
            switch (item.kind()) {
                case COMMAND -> command(shell, item.id());
                case PROVIDER -> selectOnHome(shell, item.id());
                case CATALOG_PROVIDER -> shell.screens().addFromCatalog(item.id());
                case MODEL -> useModel(shell, item.id());
                default -> throw new IllegalStateException(item.kind().name());
            }
        } catch (PryxException e) {
            shell.fail(e);
        }
    }

    private static void command(Shell shell, String id) {
        switch (id) {
            case "add-provider" -> shell.navigator().push(shell.screens().addProvider());
            case "status" -> shell.navigator().push(shell.screens().statusBoard());
            case "check-all" -> {
                StatusBoardPane board = new StatusBoardPane(shell);
                shell.navigator().push(board);
                board.checkAll();
            }
            case "set-key" -> active(shell).ifPresent(p -> shell.navigator().push(shell.screens().keyEntry(p.id())));
            case "use-model" -> active(shell).ifPresent(p -> shell.navigator().push(shell.screens().modelPicker(p.id())));
            case "remove-provider" -> active(shell).ifPresent(p -> shell.confirm(
                    "Remove " + p.name() + " (" + p.id() + ") and its key?", () -> {
                        try {
                            shell.manager().removeProvider(p.id());
                            shell.navigator().popToHome();
                            shell.status("Removed " + p.name() + " (" + p.id() + ") and its key.");
                        } catch (PryxException e) {
                            shell.fail(e);
                        }
                    }));
            case "refresh-catalog" -> refresh(shell);
            case "theme" -> shell.navigator().push(shell.screens().settings());
            case "providers" -> shell.navigator().popToHome();
            case "help" -> shell.openHelp();
            case "quit" -> shell.requestQuit();
            default -> throw new IllegalStateException(id);
        }
    }

    private static void refresh(Shell shell) {
        shell.status("Refreshing the catalog…");
        shell.async().run(REFRESH, () -> shell.manager().refreshCatalog(), (CatalogReport r) -> shell.status(
                (r.changed() ? "Catalog updated: " : "Catalog unchanged: ") + r.providers() + " providers, "
                        + r.models() + " models."), shell::fail);
    }

    /** The active provider, else the first configured one; says so when there is none. */
    private static Optional<ProviderView> active(Shell shell) {
        List<ProviderView> providers = shell.manager().listProviders();
        Optional<ProviderView> found = providers.stream().filter(ProviderView::active).findFirst()
                .or(() -> providers.stream().findFirst());
        if (found.isEmpty()) {
            shell.status("No provider yet: add one first (a, or type its name here).");
        }
        return found;
    }

    private static void selectOnHome(Shell shell, String id) {
        shell.navigator().popToHome();
        if (shell.navigator().top() instanceof ProviderListPane home) {
            home.select(id);
        }
        shell.status(id + " selected: Enter makes it active, k sets its key, m picks its model.");
    }

    /** {@code provider/model}: set on a configured account of that provider, else add the provider with it. */
    private static void useModel(Shell shell, String providerAndModel) {
        int slash = providerAndModel.indexOf('/');
        String catalogId = providerAndModel.substring(0, slash);
        String model = providerAndModel.substring(slash + 1);
        ProviderManager manager = shell.manager();
        List<ProviderView> configured = manager.listProviders();
        Optional<ProviderView> account = configured.stream().filter(p -> p.id().equals(catalogId)).findFirst()
                .or(() -> configured.stream().filter(p -> p.provider().equals(catalogId)).findFirst());
        if (account.isPresent()) {
            manager.useModel(account.get().id(), model);
            shell.navigator().popToHome();
            shell.status(account.get().name() + " now uses " + model + " and is the active provider.");
            return;
        }
        var added = manager.addProvider(new ProviderManager.NewProvider(catalogId, null, null, null, model));
        manager.makeActive(added.id());
        shell.navigator().popToHome();
        shell.status("Added " + added.name() + " with " + model + " as the active provider.");
        if (added.apiKeyRef() != null) {
            shell.navigator().push(shell.screens().keyEntry(added.id()));
        }
    }
}
