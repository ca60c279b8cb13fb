package dev.pryx.cli;

import dev.pryx.support.PryxException;

/** The exit codes of the outside contract (docs/cli.md). */
public final class ExitCode {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    public static final int VAULT = 3;
    public static final int REMOTE = 4;

    private ExitCode() {
    }

    static int of(PryxException.Kind kind) {
        return switch (kind) {
            case CHECK_FAILED -> CHECK_FAILED;
            case USAGE -> USAGE;
            case VAULT -> VAULT;
            case REMOTE -> REMOTE;
        };
    }
}
