package dev.pryx.tui.widgets;

import com.googlecode.lanterna.gui2.AbstractListBox;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import com.googlecode.lanterna.graphics.ThemeDefinition;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.function.Consumer;

/**
 * A list of rows drawn by a {@link RowPainter}, with the selection always visible (Lanterna's
 * default renderer hides it when the list lacks focus, and the palette keeps focus in its query
 * field). Letters are not taken for type-ahead: panes use them as shortcuts. Enter calls the
 * activation listener.
 */
public final class SelectList<T> extends AbstractListBox<T, SelectList<T>> {
    /** Draws one row; the style (selected or not) is applied before it is called. */
    @FunctionalInterface
    public interface RowPainter<T> {
        void paint(TextGUIGraphics g, T item, int width, boolean selected);
    }

    private Consumer<T> onActivate = item -> { };
    private Runnable onMove = () -> { };

    public SelectList(RowPainter<T> painter) {
        setListItemRenderer(new ListItemRenderer<>() {
            @Override
            public void drawItem(TextGUIGraphics g, SelectList<T> list, int index, T item, boolean selected, boolean focused) {
                ThemeDefinition theme = list.getThemeDefinition();
                g.applyThemeStyle(selected ? theme.getSelected() : theme.getNormal());
                g.fill(' ');
                painter.paint(g, item, g.getSize().getColumns(), selected);
            }
        });
    }

    public SelectList<T> onActivate(Consumer<T> listener) {
        this.onActivate = listener;
        return this;
    }

    /** Called after the selection moved (to update a detail line). */
    public SelectList<T> onMove(Runnable listener) {
        this.onMove = listener;
        return this;
    }

    /** Replaces the rows, keeping the selection on the same index when it still exists. */
    public synchronized SelectList<T> setItems(List<T> items) {
        int selected = getSelectedIndex();
        clearItems();
        for (T item : items) {
            addItem(item);
        }
        if (!items.isEmpty()) {
            setSelectedIndex(Math.max(0, Math.min(selected, items.size() - 1)));
        }
        return this;
    }

    @Override
    public synchronized Result handleKeyStroke(KeyStroke key) {
        KeyType type = key.getKeyType();
        if (type == KeyType.Enter) {
            T item = getSelectedItem();
            if (item != null) {
                onActivate.accept(item);
            }
            return Result.HANDLED;
        }
        if (type == KeyType.Character) {
            return Result.UNHANDLED;
        }
        int before = getSelectedIndex();
        Result result = super.handleKeyStroke(key);
        if (getSelectedIndex() != before) {
            onMove.run();
        }
        return result;
    }
}
