package dev.pryx.vault.v1;

/**
 * Why a vault file could not be read, in the format's own terms. The vault package turns it into
 * a message that names the file and says what to do.
 */
public final class VaultFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The kinds of failure a user must be able to tell apart. */
    public enum Problem {
        /** The bytes are not a well-formed, intact vault (truncated, flipped, garbage). */
        DAMAGED,
        /** A well-formed vault of a format version this build does not read. */
        UNSUPPORTED_VERSION,
        /** The passphrase does not open any slot. */
        WRONG_PASSPHRASE,
        /**
         * The file is intact but encrypted under a different data key than the one given: another
         * process changed the passphrase (which replaces the data key) since this one loaded it.
         */
        WRONG_DATA_KEY,
        /** The file's KDF memory cost exceeds what this JVM may allocate. */
        INSUFFICIENT_MEMORY
    }

    private final Problem problem;

    public VaultFormatException(Problem problem, String detail) {
        super(detail);
        this.problem = problem;
    }

    public VaultFormatException(Problem problem, String detail, Throwable cause) {
        super(detail, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** A short phrase naming what is wrong, e.g. "header checksum does not match". */
    public String detail() {
        return getMessage();
    }
}
