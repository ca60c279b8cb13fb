package dev.pryx.tui.theme;

import dev.pryx.support.Environment;
import java.util.Locale;

/**
 * How many colours the terminal can show, detected from the environment because Lanterna does
 * not look: it sends 24-bit colour even with {@code TERM=dumb NO_COLOR=1}. The TUI maps theme
 * colours down to the detected mode before drawing.
 *
 * <p>Rules, first match wins:
 *
 * <ol>
 *   <li>{@code NO_COLOR} present and not empty, whatever its value: {@link #NONE} (no-color.org;
 *       an empty value counts as unset, as that page asks).
 *   <li>{@code TERM=dumb}: {@link #NONE}; such a terminal cannot show colour at all.
 *   <li>{@code COLORTERM} is {@code truecolor} or {@code 24bit} (any case): {@link #TRUE_COLOR};
 *       the de-facto signal set by terminals that support 24-bit colour.
 *   <li>{@code TERM} ends in {@code -direct} (terminfo's name for direct colour, e.g.
 *       {@code xterm-direct}): {@link #TRUE_COLOR}.
 *   <li>{@code TERM} contains {@code 256color}: {@link #PALETTE_256}.
 *   <li>Anything else, including an unset {@code TERM}: {@link #ANSI_16}, which every colour
 *       terminal understands.
 * </ol>
 *
 * {@code NO_COLOR} is checked before everything else because it is the user's explicit choice.
 */
public enum ColorMode {
    /** 24-bit RGB colours. */
    TRUE_COLOR,
    /** The xterm 256-colour palette. */
    PALETTE_256,
    /** The 8 ANSI colours and their bright variants. */
    ANSI_16,
    /** No colour at all: draw with attributes (bold, reverse, underline) only. */
    NONE;

    public static ColorMode detect(Environment env) {
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return NONE;
        }
        String term = env.get("TERM");
        term = term == null ? "" : term.trim().toLowerCase(Locale.ROOT);
        if (term.equals("dumb")) {
            return NONE;
        }
        String colorTerm = env.get("COLORTERM");
        colorTerm = colorTerm == null ? "" : colorTerm.trim().toLowerCase(Locale.ROOT);
        if (colorTerm.equals("truecolor") || colorTerm.equals("24bit") || term.endsWith("-direct")) {
            return TRUE_COLOR;
        }
        if (term.contains("256color")) {
            return PALETTE_256;
        }
        return ANSI_16;
    }
}
