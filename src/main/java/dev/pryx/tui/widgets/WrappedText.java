package dev.pryx.tui.widgets;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.gui2.AbstractComponent;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import java.util.List;

/**
 * Text wrapped at word boundaries to the width it is drawn in, in a fixed number of rows (so the
 * screen does not jump as the text changes), indented. Lanterna's {@code Label} would wrap a long
 * text too, but then show only its first line; and wrapping when drawn follows every resize.
 */
public final class WrappedText extends AbstractComponent<WrappedText> {
    private final int rows;
    private final int indent;
    private String text = "";

    /**
     * @param rows   how many rows it takes; lines beyond are not shown
     * @param indent cells left blank before each line
     */
    public WrappedText(int rows, int indent) {
        this.rows = rows;
        this.indent = indent;
        // In a vertical panel it takes the whole width; its preferred width says nothing.
        setLayoutData(com.googlecode.lanterna.gui2.LinearLayout.createLayoutData(
                com.googlecode.lanterna.gui2.LinearLayout.Alignment.Fill));
    }

    public WrappedText text(String value) {
        String next = value == null ? "" : value;
        if (!next.equals(text)) {
            text = next;
            invalidate();
        }
        return this;
    }

    public String text() {
        return text;
    }

    /** The lines drawn in {@code width} columns, at most {@code rows} of them. */
    static List<String> wrap(String text, int width, int rows) {
        if (text.isEmpty() || width <= 0) {
            return List.of();
        }
        List<String> lines = TerminalTextUtils.getWordWrappedText(width, text);
        return lines.size() <= rows ? lines : lines.subList(0, rows);
    }

    @Override
    protected ComponentRenderer<WrappedText> createDefaultRenderer() {
        return new ComponentRenderer<>() {
            @Override
            public TerminalSize getPreferredSize(WrappedText t) {
                // As wide as the text on one line: a layout gives it less and it wraps, but a
                // panel that sizes itself from its children must not squeeze it to nothing.
                return new TerminalSize(Math.max(1, t.indent + TerminalTextUtils.getColumnWidth(t.text)), t.rows);
            }

            @Override
            public void drawComponent(TextGUIGraphics g, WrappedText t) {
                g.applyThemeStyle(t.getThemeDefinition().getNormal());
                g.fill(' ');
                List<String> lines = wrap(t.text, g.getSize().getColumns() - t.indent, g.getSize().getRows());
                for (int i = 0; i < lines.size(); i++) {
                    g.putString(t.indent, i, lines.get(i));
                }
            }
        };
    }
}
