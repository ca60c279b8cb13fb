package dev.pryx.provider;

import dev.pryx.support.Secret;

/**
 * Where a face reads secrets from the person using it: a masked prompt on a terminal, or the
 * first line of standard input in scripts. Secrets never come from argv.
 */
public interface SecretInput {
    /** Whether a person can be prompted (a terminal, or the TUI). */
    boolean interactive();

    /** Asks with a masked prompt; only when {@link #interactive()}. */
    Secret prompt(String label);

    /** The first line of standard input, without its line ending. */
    Secret firstLine();

    /** Asks a yes/no question; only when {@link #interactive()}. No answer means no. */
    boolean confirm(String question);

    /** One line of information for the person (stderr in the CLI, the status line in the TUI). */
    void notice(String message);
}
