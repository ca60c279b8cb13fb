package dev.pryx.tui.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pryx.support.Json;
import dev.pryx.support.PrivateFiles;
import dev.pryx.support.PryxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The TUI's own preferences ({@code tui.json} in the config directory). They are not secret and
 * are needed before the vault is unlocked (the unlock screen is drawn in the chosen theme), so
 * they live outside the vault. Written to a temporary file and renamed, so a crash leaves either
 * the old or the new file; fields this version does not know are kept.
 */
public final class TuiSettings {
    static final String FILE_NAME = "tui.json";
    private final Path file;

    public TuiSettings(Path configDirectory) {
        this.file = configDirectory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The saved theme name; empty when none is saved or the file cannot be read (then the default applies). */
    public Optional<String> theme() {
        JsonNode theme = read().get("theme");
        return theme != null && theme.isTextual() ? Optional.of(theme.asText()) : Optional.empty();
    }

    public void saveTheme(String name) {
        ObjectNode root = read();
        root.put("theme", name);
        write(root);
    }

    private ObjectNode read() {
        try {
            JsonNode node = Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            return node instanceof ObjectNode o ? o : Json.mapper().createObjectNode();
        } catch (NoSuchFileException e) {
            return Json.mapper().createObjectNode();
        } catch (IOException | RuntimeException e) {
            // A damaged preferences file must not stop the app; the next save replaces it.
            return Json.mapper().createObjectNode();
        }
    }

    private void write(ObjectNode root) {
        try {
            PrivateFiles.writeAtomically(file, (Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // writeAtomically leaves the old file as it was.
            throw new PryxException(PryxException.Kind.USAGE, "the choice could not be saved in " + file + " ("
                    + e.getClass().getSimpleName() + ").", e);
        }
    }
}
