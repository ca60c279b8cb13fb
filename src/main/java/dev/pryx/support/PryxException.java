package dev.pryx.support;

/**
 * The one unchecked base for failures a user can act on. The message is one or two plain
 * sentences (what failed, what to do) and never contains a secret. Faces map {@link #kind()} to
 * their own vocabulary: the CLI to exit codes, the API to problem+json, the TUI to a dialog.
 */
public class PryxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What sort of failure this is; the CLI's exit codes follow it. */
    public enum Kind {
        /** A check found a problem (exit 1). */
        CHECK_FAILED,
        /** Bad command, flag, argument or value (exit 2). */
        USAGE,
        /** The vault cannot be opened or saved (exit 3). */
        VAULT,
        /** A remote party failed (exit 4). */
        REMOTE
    }

    private final Kind kind;

    public PryxException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PryxException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
