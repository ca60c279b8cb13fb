package dev.pryx.tui.widgets;

import com.googlecode.lanterna.gui2.BorderLayout;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;

/**
 * The body of the list panes (add provider, model picker, status board): lines stacked on top
 * (a search bar, notes, the column header), the list taking all the rows left, and a detail
 * below it.
 */
public final class ListLayout {
    private ListLayout() {
    }

    public static Panel of(Component list, Component detail, Component... top) {
        Panel header = new Panel(new LinearLayout(Direction.VERTICAL).setSpacing(0));
        for (Component c : top) {
            header.addComponent(c);
        }
        Panel panel = new Panel(new BorderLayout());
        panel.addComponent(header, BorderLayout.Location.TOP);
        panel.addComponent(list, BorderLayout.Location.CENTER);
        panel.addComponent(detail, BorderLayout.Location.BOTTOM);
        return panel;
    }
}
