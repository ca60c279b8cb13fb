package dev.pryx.tui.shell;

import com.googlecode.lanterna.gui2.TextGUIThread;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Work that must not freeze the screen (the vault's key derivation, network calls) runs on a
 * worker; its result comes back on the GUI thread with {@code invokeLater}, because Lanterna
 * state may only change there. A {@link Ticket} drops results that arrive after the pane moved
 * on (closed, or started a newer request).
 */
public final class Async implements AutoCloseable {
    private final Executor workers;
    private final ExecutorService owned;
    private final TextGUIThread gui;
    private final AtomicInteger running = new AtomicInteger();

    /** A generation counter: {@link #next()} makes every earlier result stale. */
    public static final class Ticket {
        private final AtomicInteger generation = new AtomicInteger();

        public int next() {
            return generation.incrementAndGet();
        }

        public boolean current(int value) {
            return generation.get() == value;
        }
    }

    Async(TextGUIThread gui, Executor workers) {
        this.gui = gui;
        if (workers == null) {
            this.owned = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "pryx-tui-worker");
                t.setDaemon(true);
                return t;
            });
            this.workers = owned;
        } else {
            this.owned = null;
            this.workers = workers;
        }
    }

    /**
     * Runs {@code work} off the GUI thread; then, on the GUI thread and only if {@code ticket}
     * has not moved on, {@code done} with the result or {@code failed} with what it threw.
     */
    public <T> void run(Ticket ticket, Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
        int generation = ticket.next();
        running.incrementAndGet();
        workers.execute(() -> {
            T result = null;
            RuntimeException error = null;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                error = e;
            } catch (Error e) {
                error = new IllegalStateException(e.getClass().getSimpleName(), e);
            }
            T r = result;
            RuntimeException x = error;
            gui.invokeLater(() -> {
                running.decrementAndGet();
                if (!ticket.current(generation)) {
                    return;
                }
                if (x == null) {
                    done.accept(r);
                } else {
                    failed.accept(x);
                }
            });
        });
    }

    /** Whether work is in flight (tests pump the GUI until this is false). */
    public boolean busy() {
        return running.get() > 0;
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
