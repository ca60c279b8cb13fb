package dev.pryx.tui.palette;

import dev.pryx.support.PryxException;
import dev.pryx.tui.shell.Shell;
import java.util.List;

/**
 * The palette's search over everything it offers, kept for the whole session so that recent
 * choices keep their boost between openings. Each opening brings the items up to date (a
 * provider added, a catalog refreshed); the search itself is reused.
 */
public final class PaletteIndex {
    private PaletteSearch search;

    PaletteSearch refreshed(Shell shell) {
        List<PaletteItem> items;
        try {
            items = PaletteActions.items(shell.manager());
        } catch (PryxException e) {
            shell.fail(e);
            items = PaletteActions.COMMANDS;
        }
        if (search == null) {
            search = new PaletteSearch(items);
        } else {
            search.replaceItems(items);
        }
        return search;
    }
}
