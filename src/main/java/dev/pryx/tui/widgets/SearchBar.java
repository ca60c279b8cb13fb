package dev.pryx.tui.widgets;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import java.util.function.Consumer;

/** {@code Search [query...]}: the one-line filter above a list; every change calls the listener. */
public final class SearchBar extends Panel {
    private final TextBox query = new TextBox(new TerminalSize(40, 1));

    public SearchBar(Consumer<String> onChange) {
        super(new LinearLayout(Direction.HORIZONTAL).setSpacing(1));
        query.setTextChangeListener((text, byUser) -> onChange.accept(text));
        addComponent(new Label(" Search"));
        addComponent(query);
    }

    public TextBox query() {
        return query;
    }
}
