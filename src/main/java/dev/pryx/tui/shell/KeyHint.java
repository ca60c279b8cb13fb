package dev.pryx.tui.shell;

/**
 * One key of a screen, for the help overlay and (when {@code inFooter}) the footer.
 *
 * @param keys        how the key is written, e.g. {@code "a"}, {@code "Enter / u"}, {@code "Ctrl+P"}
 * @param description what it does, a few words
 */
public record KeyHint(String keys, String description, boolean inFooter) {
    public static KeyHint footer(String keys, String description) {
        return new KeyHint(keys, description, true);
    }

    public static KeyHint help(String keys, String description) {
        return new KeyHint(keys, description, false);
    }
}
