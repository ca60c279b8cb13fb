package dev.pryx.tui.shell;

import com.googlecode.lanterna.gui2.TextGUIThread;
import java.io.IOException;

/**
 * The GUI loop on the calling thread: handle input and queued tasks, redraw when something
 * changed, otherwise sleep 10 ms. Lanterna's own loop sleeps 1 ms and costs 7-9 % of a core
 * while idle; 10 ms costs about 1.5 % and is still below what a person notices.
 */
public final class MainLoop {
    static final long IDLE_SLEEP_MS = 10;

    private MainLoop() {
    }

    public static void run(Shell shell) throws IOException {
        TextGUIThread thread = shell.gui().getGUIThread();
        while (!shell.quitRequested()) {
            shell.animate(System.nanoTime());
            boolean worked = thread.processEventsAndUpdate();
            if (!worked) {
                try {
                    Thread.sleep(IDLE_SLEEP_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
