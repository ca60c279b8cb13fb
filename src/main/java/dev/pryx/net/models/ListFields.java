package dev.pryx.net.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pryx.net.probe.UnexpectedBodyException;
import dev.pryx.support.PlainText;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading the fields of a provider's model list defensively: the server is not ours, so every
 * field may be missing, of another type, absurdly long, or hold characters that would drive a
 * terminal. A field that is not what it should be counts as not stated (null), never as an error;
 * only a list that is missing altogether, or holds no usable entry, is one.
 */
final class ListFields {
    /** The longest model id kept; the manager takes no longer one as a default model either. */
    static final int MAX_ID = 200;
    static final int MAX_NAME = 200;
    static final int MAX_SHORT = 64;
    /** Prices are short decimal strings; a long one is refused before BigDecimal parses it. */
    private static final int MAX_NUMBER_TEXT = 40;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /**
     * A plain mapper, not the project's strict one: a provider's answer with a duplicate key is
     * still its answer (the last value wins), and trailing whitespace or unknown fields are fine.
     */
    private static final ObjectMapper TREE = new ObjectMapper();

    private ListFields() {
    }

    static JsonNode root(byte[] body) throws IOException {
        return TREE.readTree(body);
    }

    /** The array in {@code root.field}, or the shape problem. */
    static JsonNode list(JsonNode root, String field) throws UnexpectedBodyException {
        if (root == null || !root.isObject()) {
            throw new UnexpectedBodyException("the JSON is not an object with a \"" + field + "\" list");
        }
        JsonNode list = root.get(field);
        if (list == null || !list.isArray()) {
            throw new UnexpectedBodyException("the JSON has no \"" + field + "\" list");
        }
        return list;
    }

    /** A usable model id: text of 1 to {@value #MAX_ID} characters with no control or invisible ones; else null. */
    static String id(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String id = node.asText().strip();
        if (id.isEmpty() || id.length() > MAX_ID) {
            return null;
        }
        return PlainText.hasUnprintable(id) ? null : id;
    }

    /** Text for showing: unprintable characters as spaces, runs of spaces as one, capped; null when blank or not text. */
    static String text(JsonNode node, int max) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String out = PlainText.oneLine(node.asText(), max);
        return out.isEmpty() ? null : out;
    }

    /** A whole number above zero; else null. */
    static Long positive(JsonNode node) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            return null;
        }
        long n = node.asLong();
        return n > 0 ? n : null;
    }

    /**
     * USD per token (OpenRouter writes {@code "0.0000025"}, a string, to keep decimals exact) as
     * USD per million tokens ({@code 2.5}). Negative values (OpenRouter's {@code "-1"} for "varies",
     * on its auto router) and anything unreadable are null.
     */
    static Double perMillion(JsonNode node) {
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return null;
        }
        String text = node.asText().strip();
        if (text.isEmpty() || text.length() > MAX_NUMBER_TEXT) {
            return null;
        }
        BigDecimal perToken;
        try {
            perToken = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
        if (perToken.signum() < 0) {
            return null;
        }
        double perMillion = perToken.multiply(MILLION).doubleValue();
        return Double.isFinite(perMillion) ? perMillion : null;
    }

    /** Whether the array holds any of {@code values}; null when the node is not an array (the list does not say). */
    static Boolean containsAny(JsonNode array, String... values) {
        if (array == null || !array.isArray()) {
            return null;
        }
        for (JsonNode item : array) {
            for (String v : values) {
                if (item.isTextual() && item.asText().equals(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The models with the first of each id kept; a list whose entries all lack a usable id is a
     * shape problem (a list of something else), while an empty list is fine.
     */
    static List<LiveModel> unique(List<LiveModel> models, int entries, String field) throws UnexpectedBodyException {
        if (models.isEmpty() && entries > 0) {
            throw new UnexpectedBodyException("none of the " + entries + " entries of the \"" + field
                    + "\" list names a model");
        }
        Map<String, LiveModel> byId = new LinkedHashMap<>();
        for (LiveModel m : models) {
            byId.putIfAbsent(m.id(), m);
        }
        return new ArrayList<>(byId.values());
    }
}
