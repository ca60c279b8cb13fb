package dev.pryx.provider;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pryx.support.Json;
import dev.pryx.support.PlainText;
import dev.pryx.support.PryxException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's own facts about models, in {@code models.json} in the config directory: what a
 * provider's list or the catalog gets wrong or leaves out. They win over both, and may name a
 * model neither lists (it is added). Keyed by provider instance id, then model id:
 *
 * <pre>
 * {"ollama": {"llama3.1:8b": {"name": "Llama 3.1 8B", "context": 131072, "output": 8192,
 *                             "input_price": 0, "output_price": 0,
 *                             "tools": true, "reasoning": false, "attachment": false}}}
 * </pre>
 *
 * Every field is optional (null counts as absent); an unknown field is an error, so a typo
 * ({@code "contxt"}) is not silently ignored. The file is read on every listing: it is small, and
 * an edit applies at once. A malformed file is a usage error naming the file (and the line and
 * column where the JSON itself is broken); nothing is written or lost because of it.
 */
final class ModelOverrides {
    static final String FILE_NAME = "models.json";
    /** Far more than any hand-written file; a larger one is a mistake (a wrong file copied here). */
    static final long MAX_BYTES = 1024 * 1024;
    private static final List<String> FIELDS = List.of("name", "context", "output", "input_price", "output_price", "tools",
            "reasoning", "attachment");
    private static final int MAX_MODEL_ID = 200;
    private static final int MAX_NAME = 200;

    /** One model's overrides; null fields leave the listed value alone. */
    record Override(String name, Long context, Long output, Double inputPrice, Double outputPrice, Boolean tools,
                    Boolean reasoning, Boolean attachment) {
    }

    private final Path file;

    /** @param configDir pryx's config directory ({@code PryxPaths.config()}) */
    ModelOverrides(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    Path file() {
        return file;
    }

    /**
     * One provider instance's overrides by model id, in the file's order; empty when there is no
     * file or it does not name the provider. The whole file is checked, so a mistake anywhere in it
     * is reported the first time any list is shown, not only when its provider's is.
     *
     * @throws PryxException (usage) when the file is not valid
     */
    Map<String, Override> forProvider(String providerId) {
        return read().getOrDefault(providerId, Map.of());
    }

    private Map<String, Map<String, Override>> read() {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw invalid("it is over 1 MiB, far more than a hand-written file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            String why = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : "a read error";
            throw new PryxException(PryxException.Kind.USAGE, "The model overrides file " + file + " cannot be read ("
                    + why + "). Check its permissions, or move it away.", e);
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw invalid("it is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw invalid("it is not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            return Map.of(); // an empty file overrides nothing
        }
        if (!root.isObject()) {
            throw invalid("the top level must be an object of provider ids");
        }
        Map<String, Map<String, Override>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> p : root.properties()) {
            String providerId = p.getKey();
            try {
                ProviderIds.check(providerId);
            } catch (PryxException e) {
                throw invalid("'" + ProviderIds.printable(providerId) + "' is not a valid provider id");
            }
            if (!p.getValue().isObject()) {
                throw invalid("at " + providerId + ": expected an object of model ids");
            }
            Map<String, Override> models = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> m : p.getValue().properties()) {
                String modelId = m.getKey().strip();
                if (modelId.isEmpty() || modelId.length() > MAX_MODEL_ID || PlainText.hasUnprintable(modelId)) {
                    throw invalid("at " + providerId + ": '" + ProviderIds.printable(m.getKey())
                            + "' is not a valid model id (1 to 200 printable characters)");
                }
                models.put(modelId, model(providerId + " > " + modelId, m.getValue()));
            }
            out.put(providerId, models);
        }
        return out;
    }

    private Override model(String at, JsonNode node) {
        if (!node.isObject()) {
            throw invalid("at " + at + ": expected an object of fields (" + String.join(", ", FIELDS) + ")");
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            if (!FIELDS.contains(name)) {
                throw invalid("at " + at + ": unknown field '" + ProviderIds.printable(name) + "' (known: "
                        + String.join(", ", FIELDS) + ")");
            }
        }
        return new Override(name(at, node.get("name")), tokens(at + " > context", node.get("context")),
                tokens(at + " > output", node.get("output")), price(at + " > input_price", node.get("input_price")),
                price(at + " > output_price", node.get("output_price")), flag(at + " > tools", node.get("tools")),
                flag(at + " > reasoning", node.get("reasoning")), flag(at + " > attachment", node.get("attachment")));
    }

    private String name(String at, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String n = node.isTextual() ? node.asText().strip() : "";
        if (n.isEmpty() || n.length() > MAX_NAME || PlainText.hasUnprintable(n)) {
            throw invalid("at " + at + " > name: expected text of 1 to 200 printable characters");
        }
        return n;
    }

    private Long tokens(String at, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() <= 0) {
            throw invalid("at " + at + ": expected a whole number of tokens above 0");
        }
        return node.asLong();
    }

    private Double price(String at, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble()) || node.asDouble() < 0) {
            throw invalid("at " + at + ": expected USD per million tokens, a number of 0 or more");
        }
        return node.asDouble();
    }

    private Boolean flag(String at, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw invalid("at " + at + ": expected true or false");
        }
        return node.asBoolean();
    }

    private PryxException invalid(String why) {
        return new PryxException(PryxException.Kind.USAGE, "The model overrides file " + file + " is not valid: " + why
                + ". Fix it or move it away (nothing was changed).");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }
}
