package dev.pryx.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared models.dev snapshot, read in place (never copied into the project). */
final class BenchSnapshot {
    private BenchSnapshot() {
    }

    /** Its bytes; {@code -Dpryx.modelsDevSnapshot=PATH} when not run from the project root. */
    static byte[] read() {
        Path file = Path.of(System.getProperty("pryx.modelsDevSnapshot", "../shared/fixtures/models-dev/api.json"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The models.dev snapshot " + file.toAbsolutePath().normalize()
                    + " is missing; run from the project root or pass -Dpryx.modelsDevSnapshot=PATH.");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
