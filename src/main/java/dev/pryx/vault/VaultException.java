package dev.pryx.vault;

import dev.pryx.support.PryxException;

/** The vault cannot be opened or saved (exit code 3). Subtypes name the cases users must tell apart. */
public class VaultException extends PryxException {
    private static final long serialVersionUID = 1L;

    public VaultException(String message) {
        super(Kind.VAULT, message);
    }

    public VaultException(String message, Throwable cause) {
        super(Kind.VAULT, message, cause);
    }

    /** The passphrase opens no key slot; the file itself is intact. */
    public static final class WrongPassphrase extends VaultException {
        private static final long serialVersionUID = 1L;

        public WrongPassphrase(String message) {
            super(message);
        }
    }

    /** The file is not an intact vault: truncated, altered, or not a vault at all. */
    public static final class Damaged extends VaultException {
        private static final long serialVersionUID = 1L;
        private final boolean backupOpens;

        public Damaged(String message, boolean backupOpens) {
            super(message);
            this.backupOpens = backupOpens;
        }

        /** Whether a backup opened with the same passphrase, so {@code pryx vault restore} would help. */
        public boolean backupOpens() {
            return backupOpens;
        }
    }

    /** A well-formed vault of a version this build cannot read. */
    public static final class Unsupported extends VaultException {
        private static final long serialVersionUID = 1L;

        public Unsupported(String message) {
            super(message);
        }
    }

    /** Another process holds the vault lock for longer than we wait. */
    public static final class Busy extends VaultException {
        private static final long serialVersionUID = 1L;

        public Busy(String message) {
            super(message);
        }
    }

    /** The file or directory mode lets other users in, or the OS refuses us access. */
    public static final class Permissions extends VaultException {
        private static final long serialVersionUID = 1L;

        public Permissions(String message) {
            super(message);
        }
    }

    /** No vault exists where one is needed, or one exists where a new one would be created. */
    public static final class Missing extends VaultException {
        private static final long serialVersionUID = 1L;

        public Missing(String message) {
            super(message);
        }
    }
}
