package dev.pryx.tui.widgets;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import java.util.function.Supplier;

/**
 * The bold header line above a list of columns. Its text is made when it is drawn, so it follows
 * the terminal's width exactly as the rows below it do.
 */
public final class ColumnHeader extends Label {
    private final Supplier<String> text;

    /** @param text the header for the current width (the same width function the rows use) */
    public ColumnHeader(Supplier<String> text) {
        super("");
        this.text = text;
        addStyle(SGR.BOLD);
        setLayoutData(LinearLayout.createLayoutData(LinearLayout.Alignment.Fill));
    }

    @Override
    protected void onBeforeDrawing() {
        setText(" " + text.get());
    }
}
