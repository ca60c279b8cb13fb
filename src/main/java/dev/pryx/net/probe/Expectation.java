package dev.pryx.net.probe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * What a 2xx body must hold for a kind to call it OK: one top-level field of one JSON type.
 * Reading streams over the (size-capped) bytes, so a long model list is counted without building a
 * tree, and a list cut off by the size cap still counts as found (uncounted).
 */
enum Expectation {
    DATA_LIST("data", JsonToken.START_ARRAY, "\"data\" list"),
    MODELS_LIST("models", JsonToken.START_ARRAY, "\"models\" list"),
    DATA_OBJECT("data", JsonToken.START_OBJECT, "\"data\" object"),
    VERSION_TEXT("version", JsonToken.VALUE_STRING, "\"version\" text");

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_VALUE = 100;

    /** What reading found: ok with what it could count, or the problem, in a phrase for a detail. */
    record Reading(boolean ok, Integer count, String value, String problem) {
        static Reading problem(String problem) {
            return new Reading(false, null, null, problem);
        }
    }

    private final String field;
    private final JsonToken type;
    private final String description;

    Expectation(String field, JsonToken type, String description) {
        this.field = field;
        this.type = type;
        this.description = description;
    }

    /**
     * Reads {@code body[0, length)}; {@code truncated} says the body went on past the size cap.
     * Pagination markers ({@code has_more: true} from Anthropic, a {@code nextPageToken} from
     * Google) make the count unknown: only the first page was seen.
     */
    Reading read(byte[] body, int length, boolean truncated, int cap) {
        boolean found = false;
        boolean morePages = false;
        Integer count = null;
        String value = null;
        try (JsonParser p = JSON.createParser(body, 0, length)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return Reading.problem("the body is empty");
            }
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                return Reading.problem("the JSON is not an object with a " + description);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals(field) && v == type) {
                    found = true;
                    if (type == JsonToken.START_ARRAY) {
                        int n = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            n++;
                            p.skipChildren();
                        }
                        count = n;
                    } else if (type == JsonToken.VALUE_STRING) {
                        value = Redaction.truncate(p.getText(), MAX_VALUE);
                    } else {
                        p.skipChildren();
                    }
                } else if (name.equals("has_more") && v == JsonToken.VALUE_TRUE
                        || name.equals("nextPageToken") && v == JsonToken.VALUE_STRING && !p.getText().isEmpty()) {
                    morePages = true;
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // Only the parser can fail here (the bytes are in memory): the body is cut off or not JSON.
            if (truncated && found) {
                return new Reading(true, null, value, "the answer is over " + size(cap) + ", so the models were not counted");
            }
            if (truncated) {
                return Reading.problem("the body is over " + size(cap) + " and was not read to the end");
            }
            String page = webPage(body, length);
            return Reading.problem(page != null ? "the server sent " + page + " instead of JSON" : "the body is not JSON");
        }
        if (!found) {
            return Reading.problem("the JSON has no " + description);
        }
        return new Reading(true, morePages ? null : count, value, null);
    }

    /** "a web page (\"title\")" when the body is an HTML page, else null. */
    static String webPage(byte[] body, int length) {
        String m = ErrorBody.parse(Arrays.copyOf(body, Math.min(length, 64 * 1024))).message();
        if (m == null) {
            return null;
        }
        if (m.startsWith("web page: ")) {
            return "a web page (\"" + m.substring("web page: ".length()) + "\")";
        }
        return m.equals("an HTML page") ? "a web page" : null;
    }

    /** "1 MiB", "64 KiB", "100 bytes". */
    static String size(int bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }
}
