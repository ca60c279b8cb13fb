package dev.pryx.tui.shell;

/**
 * How a status line reads: plain, busy (a spinner in front, while work runs on a worker), or a
 * result. Results are coloured by the theme's custom categories {@code OK}, {@code WARNING} and
 * {@code ERROR} and carry a mark as well, so they still read without colour ({@code NO_COLOR}).
 */
public enum StatusTone {
    INFO(""),
    BUSY(""),
    OK("✓ "),
    WARNING("! "),
    ERROR("✗ ");

    private final String mark;

    StatusTone(String mark) {
        this.mark = mark;
    }

    /** The message with this tone's mark in front, unless it already starts with it. */
    String marked(String message) {
        return mark.isEmpty() || message.startsWith(mark) ? message : mark + message;
    }

    /** The theme category that colours it, or null for the component's normal style. */
    String themeCategory() {
        return this == INFO || this == BUSY ? null : name();
    }

    /** Braille spinner frames, one per {@link #SPINNER_FRAME_MS}. */
    static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
    static final long SPINNER_FRAME_MS = 100;

    static char spinnerFrame(long nanos) {
        return SPINNER.charAt((int) ((nanos / 1_000_000 / SPINNER_FRAME_MS) % SPINNER.length()));
    }
}
