package dev.pryx.tui.shell;

import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;

/**
 * Bracketed paste (xterm's mode 2004): with it on, the terminal wraps pasted text in
 * {@code ESC[200~} ... {@code ESC[201~}. Lanterna 3.1.5 does not know the markers, so this
 * pattern turns each into a {@link Marker} key; between them the shell treats keys as text, so a
 * pasted line break does not submit and a pasted {@code /} opens nothing.
 */
public final class BracketedPaste implements CharacterPattern {
    /** Sent to the terminal to turn the mode on / off. */
    public static final String ENABLE = "\u001b[?2004h";
    public static final String DISABLE = "\u001b[?2004l";

    private static final String START = "\u001b[200~";
    private static final String END = "\u001b[201~";

    /** The start or end of a paste, as a key. */
    public static final class Marker extends KeyStroke {
        private final boolean start;

        public Marker(boolean start) {
            super(KeyType.Unknown);
            this.start = start;
        }

        public boolean start() {
            return start;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Marker m && m.start == start;
        }

        @Override
        public int hashCode() {
            return start ? 1 : 2;
        }
    }

    @Override
    public Matching match(List<Character> seq) {
        int n = seq.size();
        boolean maybeStart = n <= START.length();
        boolean maybeEnd = n <= END.length();
        for (int i = 0; i < n && (maybeStart || maybeEnd); i++) {
            char c = seq.get(i);
            maybeStart &= START.charAt(i) == c;
            maybeEnd &= END.charAt(i) == c;
        }
        if (maybeStart && n == START.length()) {
            return new Matching(new Marker(true));
        }
        if (maybeEnd && n == END.length()) {
            return new Matching(new Marker(false));
        }
        return maybeStart || maybeEnd ? Matching.NOT_YET : null;
    }
}
