package dev.pryx.tui.shell;

/**
 * Builds the panes, so the shell and the palette can open any screen without knowing the pane
 * classes (which in turn know the shell). The application supplies it.
 */
public interface Screens {
    /** Home: the configured providers. */
    Pane providers();

    /** The catalog to add a provider from. */
    Pane addProvider();

    /** Adds the catalog provider {@code catalogId} with its defaults, then continues with its next step. */
    void addFromCatalog(String catalogId);

    /** Key entry for a configured provider. */
    Pane keyEntry(String providerId);

    /** Model picker for a configured provider. */
    Pane modelPicker(String providerId);

    /** Settings (theme). */
    Pane settings();

    /** The status board: keys, models and last tests of every provider. */
    Pane statusBoard();
}
