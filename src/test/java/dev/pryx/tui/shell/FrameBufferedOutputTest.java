package dev.pryx.tui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The frame-buffered terminal output")
class FrameBufferedOutputTest {
    /** Counts write calls reaching the real stream. */
    static final class CountingStream extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int writes;

        @Override
        public void write(int b) {
            writes++;
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes++;
            bytes.write(b, off, len);
        }
    }

    @Test
    @DisplayName("passes a whole frame on in one write when flushed, not one write per cell")
    void oneWritePerFrame() throws IOException {
        CountingStream sink = new CountingStream();
        TerminalBootstrap.FrameBufferedOutput out = new TerminalBootstrap.FrameBufferedOutput(sink);
        for (int cell = 0; cell < 4800; cell++) {
            out.write('x');
        }
        assertThat(sink.writes).isZero();
        out.flush();
        assertThat(sink.writes).isEqualTo(1);
        assertThat(sink.bytes.size()).isEqualTo(4800);
    }

    @Test
    @DisplayName("sends the size query at once, since Lanterna waits for its answer")
    void sizeQueryFlushed() throws IOException {
        CountingStream sink = new CountingStream();
        TerminalBootstrap.FrameBufferedOutput out = new TerminalBootstrap.FrameBufferedOutput(sink);
        out.write("\u001b[999;999H\u001b[6n".getBytes(StandardCharsets.US_ASCII));
        assertThat(sink.bytes.toString(StandardCharsets.US_ASCII)).endsWith("\u001b[6n");
    }

    @Test
    @DisplayName("never holds more than its 64 KiB buffer")
    void largeFrames() throws IOException {
        CountingStream sink = new CountingStream();
        TerminalBootstrap.FrameBufferedOutput out = new TerminalBootstrap.FrameBufferedOutput(sink);
        out.write(new byte[200_000]);
        assertThat(sink.bytes.size()).isEqualTo(3 * 65536);
        out.flush();
        assertThat(sink.bytes.size()).isEqualTo(200_000);
    }
}
