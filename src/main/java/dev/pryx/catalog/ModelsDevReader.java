package dev.pryx.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pryx.support.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the models.dev {@code api.json} format: an object keyed by provider id, each provider an
 * object with {@code id}, {@code name}, {@code env}, {@code npm}, {@code api}, {@code doc} and
 * {@code models} (keyed by model id; ids may contain '/').
 *
 * <p>Strict about what pryx needs (a provider's {@code id}, {@code name} and {@code models}, a
 * model's {@code id}, each matching its key; no duplicate keys; nothing after the document), and
 * tolerant of everything else: unknown fields, and known optional fields of an unexpected type,
 * stay in the records' {@code raw} JSON and read as "unknown". Nothing valid is dropped.
 *
 * <p>The result is models.dev's word alone: {@code authTypes} are empty and the overlay fields
 * unset until {@link Overlay#apply} merges pryx's own knowledge in.
 */
public final class ModelsDevReader {
    private ModelsDevReader() {
    }

    /** The providers of a models.dev document, in document order. */
    public static List<CatalogProvider> read(byte[] json) throws CatalogFormatException {
        JsonNode root = parse(json, "catalog");
        if (!root.isObject()) {
            throw new CatalogFormatException("it is not a JSON object keyed by provider id");
        }
        List<CatalogProvider> providers = new ArrayList<>(root.size());
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            providers.add(provider(field.getKey(), field.getValue()));
        }
        return providers;
    }

    /** Parses a whole JSON document with the project's rules (duplicate keys and trailing data refused). */
    static JsonNode parse(byte[] json, String what) throws CatalogFormatException {
        if (json.length == 0) {
            throw new CatalogFormatException("the " + what + " is empty");
        }
        try {
            JsonNode root = Json.mapper().readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new CatalogFormatException("the " + what + " holds no JSON value");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new CatalogFormatException(describe(e), e);
        } catch (IOException e) {
            throw new CatalogFormatException("the " + what + " could not be read", e);
        }
    }

    private static CatalogProvider provider(String key, JsonNode node) throws CatalogFormatException {
        if (!node.isObject()) {
            throw new CatalogFormatException("provider '" + key + "' is not a JSON object");
        }
        String id = requiredText(node, "id", "provider '" + key + "'");
        if (!id.equals(key)) {
            throw new CatalogFormatException("provider '" + key + "' has the id '" + id + "'; they must be the same");
        }
        String name = requiredText(node, "name", "provider '" + id + "'");
        JsonNode modelsNode = node.get("models");
        if (modelsNode == null || !modelsNode.isObject()) {
            throw new CatalogFormatException("provider '" + id + "' has no 'models' object");
        }
        Map<String, CatalogModel> models = models(id, modelsNode);

        ObjectNode raw = withoutModels(node);
        String api = text(node, "api");
        return new CatalogProvider(id, name, strings(node.get("env")), text(node, "npm"), text(node, "doc"),
                usableUrl(api), List.of(), null, null, false, models, raw);
    }

    /** The models of one provider (a models.dev {@code models} object), in document order. */
    static Map<String, CatalogModel> models(String providerId, JsonNode modelsNode) throws CatalogFormatException {
        Map<String, CatalogModel> models = new LinkedHashMap<>(Math.max(4, modelsNode.size() * 4 / 3 + 1));
        for (Map.Entry<String, JsonNode> field : modelsNode.properties()) {
            models.put(field.getKey(), model(providerId, field.getKey(), field.getValue()));
        }
        return Collections.unmodifiableMap(models);
    }

    private static CatalogModel model(String providerId, String key, JsonNode node) throws CatalogFormatException {
        String where = "model '" + providerId + "/" + key + "'";
        if (!node.isObject()) {
            throw new CatalogFormatException(where + " is not a JSON object");
        }
        String id = requiredText(node, "id", where);
        if (!id.equals(key)) {
            throw new CatalogFormatException(where + " has the id '" + id + "'; they must be the same");
        }
        String name = text(node, "name");
        JsonNode limit = node.path("limit");
        JsonNode cost = node.path("cost");
        return new CatalogModel(id, name == null ? id : name, text(node, "family"),
                tokens(limit.get("context")), tokens(limit.get("output")),
                price(cost.get("input")), price(cost.get("output")),
                flag(node, "tool_call"), flag(node, "reasoning"), flag(node, "attachment"),
                text(node, "status"), text(node, "release_date"), node);
    }

    /** A shallow copy of a provider object without its models (those live on in each model's raw). */
    static ObjectNode withoutModels(JsonNode provider) {
        ObjectNode raw = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : provider.properties()) {
            if (!field.getKey().equals("models")) {
                raw.set(field.getKey(), field.getValue());
            }
        }
        return raw;
    }

    private static String requiredText(JsonNode node, String field, String where) throws CatalogFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new CatalogFormatException(where + " has no '" + field + "' text");
        }
        return value.textValue();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** The text elements of an array; anything else reads as none. */
    static List<String> strings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            if (element.isTextual()) {
                out.add(element.textValue());
            }
        }
        return List.copyOf(out);
    }

    /**
     * models.dev's {@code api} when it is a URL one can call. Some are templates that need the
     * user's account ({@code https://${DATABRICKS_HOST}/...}): those are no default at all, and the
     * template stays readable in {@code raw}.
     */
    static String usableUrl(String api) {
        return api == null || api.isBlank() || api.contains("${") ? null : api;
    }

    private static boolean flag(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isBoolean() && value.booleanValue();
    }

    /** A token limit; models.dev writes 0 for "unknown". */
    private static Long tokens(JsonNode value) {
        if (value == null || !value.isNumber()) {
            return null;
        }
        long n = value.longValue();
        return n > 0 ? n : null;
    }

    private static Double price(JsonNode value) {
        if (value == null || !value.isNumber()) {
            return null;
        }
        double d = value.doubleValue();
        return d >= 0 && Double.isFinite(d) ? d : null;
    }

    /** Jackson's message, cut to what a person needs: what is wrong and where. */
    private static String describe(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        if (original.startsWith("Duplicate field")) {
            int start = original.indexOf('\'');
            int end = original.lastIndexOf('\'');
            what = start >= 0 && end > start ? "the key " + original.substring(start, end + 1) + " appears twice"
                    : "a key appears twice";
        } else if (e instanceof JsonEOFException) {
            what = "it ends in the middle of the document";
        } else if (original.startsWith("Trailing token")) {
            what = "there is more data after the end of the document";
        } else {
            what = "it is not well-formed JSON";
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? what
                : what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
