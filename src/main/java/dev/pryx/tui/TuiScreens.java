package dev.pryx.tui;

import dev.pryx.provider.Freshness;
import dev.pryx.provider.ModelList;
import dev.pryx.provider.ProviderConfig;
import dev.pryx.provider.ProviderManager;
import dev.pryx.support.PryxException;
import dev.pryx.tui.keyentry.KeyEntryPane;
import dev.pryx.tui.models.ModelPickerPane;
import dev.pryx.tui.providers.AddProviderPane;
import dev.pryx.tui.providers.ProviderListPane;
import dev.pryx.tui.settings.SettingsPane;
import dev.pryx.tui.shell.Pane;
import dev.pryx.tui.shell.Screens;
import dev.pryx.tui.shell.Shell;
import dev.pryx.tui.status.StatusBoardPane;

/** The app's screens, and the step that follows adding a provider (key, then model). */
final class TuiScreens implements Screens {
    private final Shell shell;

    TuiScreens(Shell shell) {
        this.shell = shell;
    }

    @Override
    public Pane providers() {
        return new ProviderListPane(shell);
    }

    @Override
    public Pane addProvider() {
        return new AddProviderPane(shell);
    }

    @Override
    public void addFromCatalog(String catalogId) {
        ProviderManager manager = shell.manager();
        ProviderConfig added;
        try {
            added = manager.addProvider(new ProviderManager.NewProvider(catalogId, null, null, null, null));
        } catch (PryxException e) {
            shell.fail(e);
            return;
        }
        shell.navigator().popToHome();
        shell.status("Added " + added.name() + " as " + added.id() + ".");
        if (added.apiKeyRef() != null) {
            shell.navigator().push(new KeyEntryPane(shell, added.id(), true));
        } else if (hasModelsToPick(added.id())) {
            shell.navigator().push(new ModelPickerPane(shell, added.id()));
        }
    }

    /** Listed models, or a live list the picker will fetch (a local Ollama's). */
    private boolean hasModelsToPick(String id) {
        try {
            ModelList list = shell.manager().models(id, Freshness.CACHED_ONLY);
            return list.listsLive() || !list.models().isEmpty();
        } catch (PryxException e) {
            shell.fail(e);
            return false;
        }
    }

    @Override
    public Pane keyEntry(String providerId) {
        return new KeyEntryPane(shell, providerId, false);
    }

    @Override
    public Pane modelPicker(String providerId) {
        return new ModelPickerPane(shell, providerId);
    }

    @Override
    public Pane settings() {
        return new SettingsPane(shell);
    }

    @Override
    public Pane statusBoard() {
        return new StatusBoardPane(shell);
    }
}
