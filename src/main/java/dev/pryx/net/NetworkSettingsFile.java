package dev.pryx.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pryx.support.Json;
import dev.pryx.support.PrivateFiles;
import dev.pryx.support.PryxException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code network.json} in the config directory: the {@link NetworkSettings}, outside the vault
 * because they are needed before it is unlocked (the catalog refresh) and hold nothing secret.
 *
 * <pre>{"proxy": "http://proxy.corp:3128", "ca_bundle": "/etc/corp/ca.pem", "no_proxy": ["internal.corp"]}</pre>
 *
 * <p>Written whole to a temporary file and renamed ({@link PrivateFiles#writeAtomically}), 0600
 * like every file pryx writes; fields this version does not know are kept. Values are checked when
 * they are set and again when they are used, not when the file is read, so that
 * {@code pryx network unset} can always repair a hand-edited value. A file that is not the JSON
 * pryx writes is an error naming it and nothing overwrites it.
 */
public final class NetworkSettingsFile {
    public static final String FILE_NAME = "network.json";
    private static final String PROXY = "proxy";
    private static final String CA_BUNDLE = "ca_bundle";
    private static final String NO_PROXY = "no_proxy";

    private final Path file;

    public NetworkSettingsFile(Path configDirectory) {
        this.file = configDirectory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The saved settings; {@link NetworkSettings#NONE} when there is no file. */
    public NetworkSettings load() {
        return settings(read());
    }

    /**
     * Reads the settings, applies {@code change} and writes the result, keeping the fields this
     * version does not know. Returns what was saved.
     */
    public NetworkSettings update(UnaryOperator<NetworkSettings> change) {
        ObjectNode root = read();
        NetworkSettings next = change.apply(settings(root));
        put(root, PROXY, next.proxy());
        put(root, CA_BUNDLE, next.caBundle() == null ? null : next.caBundle().toString());
        if (next.noProxy().isEmpty()) {
            root.remove(NO_PROXY);
        } else {
            ArrayNode list = root.putArray(NO_PROXY);
            next.noProxy().forEach(list::add);
        }
        try {
            byte[] bytes = (Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            PrivateFiles.writeAtomically(file, bytes);
        } catch (IOException | RuntimeException e) {
            throw new PryxException(PryxException.Kind.USAGE, "The network settings could not be saved in " + file + " ("
                    + e.getClass().getSimpleName() + "); nothing was changed. Check that the directory is writable.", e);
        }
        return next;
    }

    private ObjectNode read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Json.mapper().createObjectNode();
        } catch (AccessDeniedException e) {
            throw new PryxException(PryxException.Kind.USAGE, "The network settings file " + file
                    + " cannot be read (permission denied); fix its permissions.", e);
        } catch (CharacterCodingException e) {
            throw damaged(e);
        } catch (IOException e) {
            String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
            throw new PryxException(PryxException.Kind.USAGE, "The network settings file " + file + " cannot be read ("
                    + (reason == null ? e.getClass().getSimpleName() : reason) + ").", e);
        }
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (node instanceof ObjectNode root && textOrNull(root, PROXY) && textOrNull(root, CA_BUNDLE)
                    && listOfText(root.get(NO_PROXY))) {
                return root;
            }
            throw damaged(null);
        } catch (JsonProcessingException e) {
            throw damaged(e);
        }
    }

    private NetworkSettings settings(ObjectNode root) {
        String proxy = text(root, PROXY);
        String bundle = text(root, CA_BUNDLE);
        Path caBundle;
        try {
            // Stored absolute; a relative path typed into the file by hand is read from the config directory.
            caBundle = bundle == null ? null : file.getParent().resolve(bundle).normalize();
        } catch (InvalidPathException e) {
            throw damaged(e);
        }
        List<String> noProxy = new ArrayList<>();
        JsonNode list = root.get(NO_PROXY);
        if (list != null) {
            list.forEach(n -> noProxy.add(n.asText()));
        }
        return new NetworkSettings(proxy, caBundle, noProxy);
    }

    private PryxException damaged(Exception cause) {
        return new PryxException(PryxException.Kind.USAGE, "The network settings file " + file + " is damaged "
                + "(not the JSON pryx writes); nothing was changed. Fix it, or delete it and set the values again "
                + "with 'pryx network set'.", cause);
    }

    private static boolean textOrNull(ObjectNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() || n.isTextual();
    }

    private static boolean listOfText(JsonNode n) {
        if (n == null || n.isNull()) {
            return true;
        }
        if (!n.isArray()) {
            return false;
        }
        for (JsonNode item : n) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static String text(ObjectNode root, String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
    }

    private static void put(ObjectNode root, String field, String value) {
        if (value == null) {
            root.remove(field);
        } else {
            root.put(field, value);
        }
    }
}
