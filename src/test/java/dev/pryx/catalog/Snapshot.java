package dev.pryx.catalog;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real models.dev snapshot beside the project ({@code ../shared/fixtures/models-dev/api.json}),
 * read in place and never copied. Tests that need it skip, saying why, where it is absent.
 */
final class Snapshot {
    static final Path PATH = Path.of(System.getProperty("pryx.modelsDevSnapshot",
            "../shared/fixtures/models-dev/api.json"));
    static final int PROVIDERS = 147;
    static final int MODELS = 5276;

    private static byte[] bytes;

    private Snapshot() {
    }

    /** The snapshot's bytes; skips the calling test when the file is not there. */
    static synchronized byte[] bytes() {
        assumeTrue(Files.isRegularFile(PATH), "the models.dev snapshot " + PATH.toAbsolutePath().normalize()
                + " is absent (a clone without ../shared); skipping the tests that read it");
        if (bytes == null) {
            try {
                bytes = Files.readAllBytes(PATH);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes.clone();
    }

    /** A test resource of this package. */
    static byte[] resource(String name) {
        try (InputStream in = Snapshot.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the build carries a class-path resource (the shipped overlay and built-in catalog). */
    static boolean shipped(String resource) {
        return Snapshot.class.getResource(resource) != null;
    }
}
