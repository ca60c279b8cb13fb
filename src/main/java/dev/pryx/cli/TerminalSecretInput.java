package dev.pryx.cli;

import dev.pryx.provider.SecretInput;
import dev.pryx.support.PryxException;
import dev.pryx.support.Secret;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;

/**
 * Secrets from the terminal (masked, through {@link Console#readPassword}) or, without one, from
 * the first line of standard input.
 */
public final class TerminalSecretInput implements SecretInput {
    /** Longer lines are refused: no passphrase or key is this long, and memory stays bounded. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final Console console;
    private final InputStream stdin;
    private final PrintWriter err;

    /** @param console the terminal, or null when there is none */
    public TerminalSecretInput(Console console, InputStream stdin, PrintWriter err) {
        this.console = console;
        this.stdin = stdin;
        this.err = err;
    }

    @Override
    public boolean interactive() {
        return console != null;
    }

    @Override
    public Secret prompt(String label) {
        if (console == null) {
            throw new IllegalStateException("no terminal to prompt on");
        }
        char[] typed = console.readPassword("%s: ", label);
        if (typed == null) {
            throw new PryxException(PryxException.Kind.USAGE, "Input ended before a passphrase was typed. Nothing was changed.");
        }
        return Secret.adopt(typed);
    }

    @Override
    public Secret firstLine() {
        byte[] buffer = new byte[256];
        int length = 0;
        try {
            int b;
            while ((b = stdin.read()) != -1 && b != '\n') {
                if (length == MAX_LINE_BYTES) {
                    throw new PryxException(PryxException.Kind.USAGE, "The first line of standard input is longer than "
                            + MAX_LINE_BYTES + " bytes. Give the secret alone on one line.");
                }
                if (length == buffer.length) {
                    byte[] bigger = Arrays.copyOf(buffer, buffer.length * 2);
                    Arrays.fill(buffer, (byte) 0);
                    buffer = bigger;
                }
                buffer[length++] = (byte) b;
            }
            if (length > 0 && buffer[length - 1] == '\r') {
                length--;
            }
            return Secret.fromUtf8(buffer, 0, length);
        } catch (IOException e) {
            throw new PryxException(PryxException.Kind.USAGE, "Standard input cannot be read (" + e.getMessage() + ").");
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }

    @Override
    public boolean confirm(String question) {
        if (console == null) {
            throw new IllegalStateException("no terminal to ask on");
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    @Override
    public void notice(String message) {
        err.println(message);
        err.flush();
    }
}
