package dev.pryx.net.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pryx.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a provider's error body says, from the shapes their public docs show:
 *
 * <pre>
 * OpenAI and compatibles  {"error": {"message": "...", "type": "...", "code": "invalid_api_key"}}
 * Anthropic               {"type": "error", "error": {"type": "authentication_error", "message": "..."}}
 * Gemini (google.rpc)     {"error": {"code": 400, "message": "...", "status": "INVALID_ARGUMENT",
 *                          "details": [{"@type": ".../google.rpc.ErrorInfo", "reason": "API_KEY_INVALID"},
 *                                      {"@type": ".../google.rpc.RetryInfo", "retryDelay": "37s"}]}}
 * OpenRouter              {"error": {"message": "...", "code": 401}}
 * Ollama                  {"error": "..."}
 * others                  {"message": "..."}, {"detail": "..."}, a plain text or an HTML page
 * </pre>
 *
 * The text here is raw: it goes through {@link Redaction} before anyone sees it.
 */
final class ErrorBody {
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]*)</title>",
            Pattern.CASE_INSENSITIVE);

    private final JsonNode json;
    private final String text;

    private ErrorBody(JsonNode json, String text) {
        this.json = json;
        this.text = text;
    }

    static ErrorBody parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        JsonNode json = null;
        if (!text.isBlank()) {
            try {
                json = Json.mapper().readTree(body);
            } catch (IOException e) {
                json = null; // not JSON: the text (or an HTML page's title) is all there is
            }
        }
        return new ErrorBody(json, text);
    }

    /** The provider's own words, raw; null when the body says nothing usable. */
    String message() {
        if (json != null && (json.isObject() || json.isArray())) {
            return jsonMessage(json.isArray() && json.size() > 0 ? json.get(0) : json);
        }
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.startsWith("<")) {
            Matcher m = TITLE.matcher(t);
            return m.find() && !m.group(1).isBlank() ? "web page: " + m.group(1).strip() : "an HTML page";
        }
        return t;
    }

    private static String jsonMessage(JsonNode root) {
        JsonNode error = root.path("error");
        if (error.isObject()) {
            String m = textOf(error.path("message"));
            if (m != null) {
                return m;
            }
            for (String f : new String[] {"type", "status", "code"}) {
                String s = textOf(error.path(f));
                if (s != null) {
                    return s;
                }
            }
        }
        for (String f : new String[] {"error", "message", "detail", "error_description", "error_message"}) {
            String s = textOf(root.path(f));
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static String textOf(JsonNode node) {
        if (node.isTextual() && !node.asText().isBlank()) {
            return node.asText();
        }
        return node.isNumber() ? node.asText() : null;
    }

    /**
     * Whether a Gemini 400 means a bad key: Google answers an invalid or expired key with
     * {@code 400 INVALID_ARGUMENT}, reason {@code API_KEY_INVALID} (the message says "API key not
     * valid" / "API key expired"), not with 401.
     */
    boolean saysApiKeyInvalid() {
        if (json == null) {
            return false;
        }
        for (JsonNode d : json.path("error").path("details")) {
            String reason = d.path("reason").asText("");
            if (reason.equals("API_KEY_INVALID") || reason.equals("API_KEY_EXPIRED")) {
                return true;
            }
        }
        String m = json.path("error").path("message").asText("").toLowerCase(Locale.ROOT);
        return m.contains("api key not valid") || m.contains("api key expired");
    }

    /** Google's {@code RetryInfo.retryDelay}, when the body carries one. */
    Duration retryDelay() {
        if (json == null) {
            return null;
        }
        for (JsonNode d : json.path("error").path("details")) {
            if (d.path("@type").asText("").endsWith("google.rpc.RetryInfo")) {
                return RetryAfter.fromProtoDuration(d.path("retryDelay").asText(null));
            }
        }
        return null;
    }
}
