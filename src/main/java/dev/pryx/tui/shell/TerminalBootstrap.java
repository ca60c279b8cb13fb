package dev.pryx.tui.shell;

import com.googlecode.lanterna.input.CharacterPattern;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.StreamBasedTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Opens the real terminal the way pryx needs it: UTF-8 whatever the locale says (with
 * {@code LANG=C} JDK 17 would draw borders as {@code lqqk}), a text terminal even when a display
 * is around, Ctrl+C delivered as a key instead of Lanterna calling {@code System.exit}, output
 * gathered into whole frames, and bracketed paste understood.
 */
public final class TerminalBootstrap {
    private TerminalBootstrap() {
    }

    /** The terminal, and the stream under it for the few sequences Lanterna cannot send. */
    public record Opened(Terminal terminal, OutputStream output) {
        /** Turns bracketed paste on (after the screen started) or off (before it stops). */
        public void bracketedPaste(boolean on) throws IOException {
            output.write((on ? BracketedPaste.ENABLE : BracketedPaste.DISABLE).getBytes(StandardCharsets.US_ASCII));
            output.flush();
        }
    }

    /**
     * Turns the terminal's suspend character off while the app runs. Lanterna leaves signals on
     * except Ctrl+C, so Ctrl+Z would stop the JVM, and after {@code fg} the shell has put the
     * terminal back into line mode: the app would look frozen. Lanterna restores the terminal's
     * saved settings (suspend included) when the screen stops. Best effort: without {@code stty}
     * or {@code /dev/tty}, Ctrl+Z keeps its usual meaning.
     */
    public static void disableSuspend() {
        try {
            Process stty = new ProcessBuilder("stty", "susp", "undef")
                    .redirectInput(new java.io.File("/dev/tty"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            stty.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException e) {
            // No stty or no controlling terminal: nothing to turn off.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static Opened open(InputStream in, OutputStream out) throws IOException {
        FrameBufferedOutput frames = new FrameBufferedOutput(out);
        Terminal terminal = new DefaultTerminalFactory(frames, in, StandardCharsets.UTF_8)
                .setForceTextTerminal(true)
                .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                .createTerminal();
        if (terminal instanceof StreamBasedTerminal stream) {
            List<CharacterPattern> paste = List.of(new BracketedPaste());
            stream.getInputDecoder().addProfile(() -> paste);
        }
        return new Opened(terminal, frames);
    }

    /**
     * Lanterna writes every cell with its own {@code write}; unbuffered, a 120x40 frame is about
     * 4,800 system calls and arrives half-drawn. This gathers output until Lanterna flushes (at
     * the end of each frame), and flushes at once after the cursor-position query that Lanterna
     * uses to learn the size, which it waits on.
     */
    static final class FrameBufferedOutput extends FilterOutputStream {
        private static final byte[] SIZE_QUERY = "\u001b[6n".getBytes(StandardCharsets.US_ASCII);
        private final byte[] buffer = new byte[64 * 1024];
        private int count;

        FrameBufferedOutput(OutputStream out) {
            super(out);
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (count == buffer.length) {
                drain();
            }
            buffer[count++] = (byte) b;
            if (endsWithSizeQuery()) {
                flush();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }

        private boolean endsWithSizeQuery() {
            if (count < SIZE_QUERY.length) {
                return false;
            }
            for (int i = 0; i < SIZE_QUERY.length; i++) {
                if (buffer[count - SIZE_QUERY.length + i] != SIZE_QUERY[i]) {
                    return false;
                }
            }
            return true;
        }

        private void drain() throws IOException {
            if (count > 0) {
                out.write(buffer, 0, count);
                count = 0;
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            drain();
            out.flush();
        }
    }
}
