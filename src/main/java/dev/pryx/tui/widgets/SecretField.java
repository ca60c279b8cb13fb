package dev.pryx.tui.widgets;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.AbstractInteractableComponent;
import com.googlecode.lanterna.gui2.InteractableRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.pryx.support.Secret;
import java.util.Arrays;

/**
 * A one-line field for a secret. Lanterna's {@code TextBox} keeps its text in Strings (and
 * draws it unless masked); this keeps the characters in one {@code char[]} that is wiped on
 * every growth and on {@link #clear()}, and draws only a mask of at most the field's width
 * followed by the count, so neither the key nor its exact shape reaches the screen.
 *
 * <pre>
 * [••••••••••••••••••••  51 characters]
 * </pre>
 *
 * Enter is not consumed (the pane decides what it means); Backspace deletes the last character;
 * Ctrl+U clears. Characters typed with Ctrl or Alt are ignored rather than inserted.
 */
public final class SecretField extends AbstractInteractableComponent<SecretField> {
    /** What is drawn for each character, up to the field's width. */
    public static final char MASK = '•';

    private char[] buffer = new char[64];
    private int length;
    private Runnable onChange = () -> { };

    public SecretField onChange(Runnable listener) {
        this.onChange = listener;
        return this;
    }

    /** Appends text, e.g. a bracketed paste; line breaks are dropped. */
    public synchronized void append(char c) {
        if (c == '\n' || c == '\r' || Character.isISOControl(c)) {
            return;
        }
        if (length == buffer.length) {
            char[] bigger = Arrays.copyOf(buffer, buffer.length * 2);
            Arrays.fill(buffer, '\0');
            buffer = bigger;
        }
        buffer[length++] = c;
        invalidate();
        onChange.run();
    }

    public synchronized int length() {
        return length;
    }

    /** A copy of the characters typed, for the caller to close. */
    public synchronized Secret value() {
        return Secret.copyOf(buffer, 0, length);
    }

    public synchronized void clear() {
        Arrays.fill(buffer, '\0');
        length = 0;
        invalidate();
        onChange.run();
    }

    @Override
    protected synchronized Result handleKeyStroke(KeyStroke key) {
        KeyType type = key.getKeyType();
        if (type == KeyType.Character) {
            if (key.isAltDown()) {
                return Result.HANDLED;
            }
            if (key.isCtrlDown()) {
                if (Character.toLowerCase(key.getCharacter()) == 'u') {
                    clear();
                }
                return Result.HANDLED;
            }
            append(key.getCharacter());
            return Result.HANDLED;
        }
        if (type == KeyType.Backspace) {
            if (length > 0) {
                buffer[--length] = '\0';
                invalidate();
                onChange.run();
            }
            return Result.HANDLED;
        }
        return super.handleKeyStroke(key);
    }

    /** The text drawn for {@code count} characters in {@code width} cells; never the characters. */
    static String masked(int count, int width) {
        String suffix = count == 0 ? "" : "  " + count + (count == 1 ? " character" : " characters");
        if (suffix.length() >= width) {
            suffix = "";
        }
        int dots = Math.max(0, Math.min(count, width - suffix.length()));
        StringBuilder out = new StringBuilder(width);
        out.append(String.valueOf(MASK).repeat(dots)).append(suffix);
        while (out.length() < width) {
            out.append(' ');
        }
        return out.substring(0, Math.max(0, width));
    }

    @Override
    protected InteractableRenderer<SecretField> createDefaultRenderer() {
        return new InteractableRenderer<>() {
            @Override
            public TerminalPosition getCursorLocation(SecretField field) {
                return new TerminalPosition(Math.min(field.length(), Math.max(0, field.getSize().getColumns() - 1)), 0);
            }

            @Override
            public TerminalSize getPreferredSize(SecretField field) {
                return new TerminalSize(40, 1);
            }

            @Override
            public void drawComponent(TextGUIGraphics g, SecretField field) {
                g.applyThemeStyle(field.isFocused()
                        ? field.getThemeDefinition().getActive() : field.getThemeDefinition().getNormal());
                g.putString(0, 0, masked(field.length(), g.getSize().getColumns()));
            }
        };
    }
}
