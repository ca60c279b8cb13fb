package dev.pryx.tui.widgets;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.gui2.Label;
import java.util.function.IntSupplier;

/**
 * A label whose text is wrapped to the terminal's width, each line indented by one cell, and
 * wrapped again when the terminal is resized. Lanterna would wrap a too-long label itself, but
 * then show only its first line.
 */
public final class WrappedLabel extends Label {
    // No initializers on these: Label's constructor calls setText before they would run.
    private IntSupplier columns;
    private String text;
    private int wrappedFor;

    /** @param columns the terminal's current width */
    public WrappedLabel(IntSupplier columns) {
        super("");
        this.columns = columns;
    }

    @Override
    public synchronized void setText(String text) {
        this.text = text == null ? "" : text;
        wrappedFor = -1;
        rewrap();
    }

    @Override
    protected synchronized TerminalSize calculatePreferredSize() {
        rewrap();
        return super.calculatePreferredSize();
    }

    private void rewrap() {
        if (text == null || columns == null) {
            return;
        }
        int width = columns.getAsInt();
        if (width != wrappedFor) {
            wrappedFor = width;
            super.setText(indented(text, width));
        }
    }

    /** {@code text} wrapped to {@code columns}, each line indented by one cell. */
    public static String indented(String text, int columns) {
        return " " + String.join("\n ", TerminalTextUtils.getWordWrappedText(Math.max(10, columns - 2), text));
    }
}
