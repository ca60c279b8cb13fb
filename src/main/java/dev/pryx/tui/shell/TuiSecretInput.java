package dev.pryx.tui.shell;

import dev.pryx.provider.SecretInput;
import dev.pryx.support.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The manager's channel to the person while the TUI runs: notices go to the status line (never
 * to stderr, which is the screen). Secrets are collected by the panes themselves and handed to
 * the manager, so the manager never prompts here; it is told no one can be prompted, and fails
 * with its usual "no passphrase available" sentence if a path forgot to unlock first.
 */
public final class TuiSecretInput implements SecretInput {
    private final List<String> pending = new ArrayList<>();
    private Consumer<String> sink;

    /** Where notices go from now on; those that came earlier are delivered first. */
    public synchronized void connect(Consumer<String> sink) {
        this.sink = sink;
        pending.forEach(sink);
        pending.clear();
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public Secret prompt(String label) {
        throw new IllegalStateException("the TUI collects secrets in its panes");
    }

    @Override
    public Secret firstLine() {
        throw new IllegalStateException("the TUI does not read standard input as text");
    }

    @Override
    public boolean confirm(String question) {
        return false;
    }

    @Override
    public synchronized void notice(String message) {
        if (sink == null) {
            pending.add(message);
        } else {
            sink.accept(message);
        }
    }
}
