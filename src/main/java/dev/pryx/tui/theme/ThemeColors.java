package dev.pryx.tui.theme;

import dev.pryx.tui.theme.ThemeStyles.Attribute;
import dev.pryx.tui.theme.ThemeStyles.Slot;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites a theme's colours for the terminal's {@link ColorMode} before Lanterna parses the
 * theme. Lanterna sends whatever the theme says, 24-bit colour included, whatever the terminal
 * can show; a terminal without 24-bit colour then shows garbage or nothing.
 *
 * <ul>
 *   <li>{@link ColorMode#TRUE_COLOR}: nothing changes.
 *   <li>{@link ColorMode#PALETTE_256}: every {@code #rrggbb} becomes the nearest colour of the
 *       xterm cube or grey ramp (16-255), written {@code #n}, which Lanterna reads as an indexed
 *       colour. The 16 ANSI colours are not candidates: users re-colour them, so an exact match
 *       there may show as anything. Indexed and ANSI values stay as written.
 *   <li>{@link ColorMode#ANSI_16}: every {@code #rrggbb} and every index from 16 up becomes the
 *       nearest ANSI colour (indexes 0-15 are the ANSI colours themselves), written as Lanterna's
 *       constant name ({@code BLUE}, {@code WHITE_BRIGHT}). "Nearest" is {@link TerminalPalette}'s
 *       CIE76 distance in both modes.
 *   <li>{@link ColorMode#NONE}: every colour becomes {@code DEFAULT}, the terminal's own, and
 *       styles that colour alone told apart get {@code reverse} added to their SGR (see below).
 * </ul>
 *
 * <p><b>Colours the theme tells apart stay apart.</b> Mapping down can collapse two near colours
 * into one, and text would vanish into its background. So, in the 256 and 16 colour modes, for
 * every component style (class and category) whose colours differed in the theme but show the
 * same after mapping, the next-nearest colour that differs is taken, in this order:
 *
 * <ol>
 *   <li>the background of a state that draws attention (every state but the normal one and
 *       {@code INSENSITIVE}: selected, active, hover, custom ones such as a table's
 *       {@code HEADER}) against the component's normal background, so that a selection bar
 *       stays visible;
 *   <li>the foreground against the background of the same style.
 * </ol>
 *
 * Colours that were equal in the theme (a backdrop drawn invisible on purpose) are left equal. A
 * disabled ({@code INSENSITIVE}) background is left to collapse: it is meant to recede, and the
 * next-nearest colour would make it stand out instead.
 *
 * <p><b>Without colour</b>, a style gets {@code reverse} (on top of its own SGR, such as bold)
 * when it is the {@code SELECTED} or {@code ACTIVE} state, which mark the selection and focus, or
 * another state that draws attention (as above) whose background differed from its component's
 * normal background. Normal and disabled styles are never reversed: a component's background
 * against the window's is decoration, and reversing a field would hide the difference between it
 * and the same field focused.
 *
 * <p>Values that are not colours Lanterna knows are left as written, as are all keys other than
 * foreground, background and SGR, so that Lanterna rejects a broken theme alike in every mode.
 */
final class ThemeColors {
    private static final Pattern RGB = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern INDEXED = Pattern.compile("#[0-9]{1,3}");
    private static final String DEFAULT = "DEFAULT";
    private static final String REVERSE = "REVERSE";
    private static final Set<String> ALWAYS_REVERSED = Set.of("SELECTED", "ACTIVE");
    private static final String INSENSITIVE = "INSENSITIVE";

    private final ColorMode mode;

    private ThemeColors(ColorMode mode) {
        this.mode = mode;
    }

    /** The theme's properties rewritten for {@code mode}; a new object, {@code theme} is left alone. */
    static Properties forMode(Properties theme, ColorMode mode) {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(mode, "mode");
        ThemeStyles original = new ThemeStyles(theme);
        if (mode == ColorMode.TRUE_COLOR) {
            return original.properties();
        }
        ThemeStyles result = new ThemeStyles(theme);
        ThemeColors colors = new ThemeColors(mode);
        if (mode == ColorMode.NONE) {
            colors.dropColors(original, result);
        } else {
            colors.mapColors(original, result);
        }
        return result.properties();
    }

    // ---- 256 and 16 colours

    private void mapColors(ThemeStyles original, ThemeStyles result) {
        for (Slot slot : original.slots()) {
            if (slot.attribute() != Attribute.SGR) {
                String value = original.declared(slot);
                String mapped = map(value);
                if (!mapped.equals(value)) {
                    result.set(slot, mapped);
                }
            }
        }
        for (String definition : result.definitions()) {
            for (String category : result.categories(definition)) {
                Slot foreground = new Slot(definition, Attribute.FOREGROUND, category);
                Slot background = new Slot(definition, Attribute.BACKGROUND, category);
                if (drawsAttention(category)) {
                    keepApart(original, result, background, new Slot(definition, Attribute.BACKGROUND, ThemeStyles.NORMAL));
                }
                keepApart(original, result, foreground, background);
            }
        }
    }

    private String map(String value) {
        if (RGB.matcher(value).matches()) {
            return format(ranked(Integer.parseInt(value.substring(1), 16))[0]);
        }
        if (mode == ColorMode.ANSI_16 && INDEXED.matcher(value).matches()) {
            int index = Integer.parseInt(value.substring(1));
            if (index < TerminalPalette.ANSI_SIZE) {
                return TerminalPalette.ansiName(index);
            }
            if (index < TerminalPalette.SIZE) {
                return TerminalPalette.ansiName(TerminalPalette.nearestAnsi(TerminalPalette.rgbOf(index)));
            }
        }
        return value;
    }

    /**
     * If {@code slot} and {@code other} had different colours in the theme but show the same now,
     * declares for {@code slot} the next-nearest colour to its own that differs from {@code other}.
     */
    private void keepApart(ThemeStyles original, ThemeStyles result, Slot slot, Slot other) {
        int wanted = rgbOf(original.resolve(slot));
        int otherWanted = rgbOf(original.resolve(other));
        if (wanted < 0 || otherWanted < 0 || wanted == otherWanted) {
            return;
        }
        int shown = shownIndex(result.resolve(slot));
        int otherShown = shownIndex(result.resolve(other));
        if (shown < 0 || shown != otherShown) {
            return;
        }
        for (int index : ranked(wanted)) {
            if (index != otherShown) {
                result.set(slot, format(index));
                return;
            }
        }
    }

    private int[] ranked(int rgb) {
        return mode == ColorMode.PALETTE_256 ? TerminalPalette.ranked256(rgb) : TerminalPalette.rankedAnsi(rgb);
    }

    private String format(int index) {
        return mode == ColorMode.PALETTE_256 ? "#" + index : TerminalPalette.ansiName(index);
    }

    /** The palette index a mapped value shows as, or -1 for the terminal's default and non-colours. */
    private static int shownIndex(String value) {
        if (INDEXED.matcher(value).matches()) {
            int index = Integer.parseInt(value.substring(1));
            return index < TerminalPalette.SIZE ? index : -1;
        }
        return TerminalPalette.ansiIndex(value);
    }

    /** The colour a value stands for as {@code 0xrrggbb}, or -1 for the terminal's default and non-colours. */
    static int rgbOf(String value) {
        if (RGB.matcher(value).matches()) {
            return Integer.parseInt(value.substring(1), 16);
        }
        int index = shownIndex(value);
        return index < 0 ? -1 : TerminalPalette.rgbOf(index);
    }

    // ---- no colour

    private void dropColors(ThemeStyles original, ThemeStyles result) {
        for (Slot slot : original.slots()) {
            if (slot.attribute() != Attribute.SGR && isColor(original.declared(slot))) {
                result.set(slot, DEFAULT);
            }
        }
        for (String definition : original.definitions()) {
            for (String category : original.categories(definition)) {
                String sgr = original.resolve(definition, Attribute.SGR, category);
                String wanted = reversed(original, definition, category) ? withReverse(sgr) : sgr;
                // Written only where inheritance does not already give it, ancestors first.
                if (!flags(result.resolve(definition, Attribute.SGR, category)).equals(flags(wanted))) {
                    result.set(new Slot(definition, Attribute.SGR, category), wanted);
                }
            }
        }
    }

    private static boolean reversed(ThemeStyles original, String definition, String category) {
        if (ALWAYS_REVERSED.contains(category)) {
            return true;
        }
        if (!drawsAttention(category)) {
            return false;
        }
        String background = original.resolve(definition, Attribute.BACKGROUND, category);
        String normal = original.resolve(definition, Attribute.BACKGROUND, ThemeStyles.NORMAL);
        int a = rgbOf(background);
        int b = rgbOf(normal);
        return a >= 0 && b >= 0 ? a != b : !background.equalsIgnoreCase(normal);
    }

    /** Whether a category marks a state that should stand out from the component's normal style. */
    private static boolean drawsAttention(String category) {
        return !category.equals(ThemeStyles.NORMAL) && !category.equals(INSENSITIVE);
    }

    private static boolean isColor(String value) {
        return rgbOf(value) >= 0 || value.equalsIgnoreCase(DEFAULT);
    }

    private static String withReverse(String sgr) {
        if (flags(sgr).contains(REVERSE)) {
            return sgr;
        }
        return sgr.isBlank() ? "reverse" : sgr + ",reverse";
    }

    /** SGR names as Lanterna reads them: comma-separated, trimmed, any case, blanks skipped. */
    private static Set<String> flags(String sgr) {
        return Arrays.stream(sgr.split(","))
                .map(s -> s.trim().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }
}
