package dev.pryx.net.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pryx.net.probe.UnexpectedBodyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Jazzer fuzz targets for the readers of live model lists (OpenRouter's {@code /models},
 * Ollama's {@code /api/tags}, an OpenAI-compatible {@code /models}). They read whatever a server
 * sends, and what they return is cached, merged and drawn on a terminal, so the oracle is the
 * {@link dev.pryx.net.probe.BodyReader} contract plus {@link LiveModel}'s promises:
 *
 * <ul>
 *   <li>the only failure is an {@link IOException}: an {@link UnexpectedBodyException} with a
 *       message for a body that is JSON of the wrong shape, another one only for a body the JSON
 *       parser itself refuses; anything else (a runtime exception, a stack overflow) is a finding;</li>
 *   <li>a list holds unique ids of 1 to {@value ListFields#MAX_ID} characters, stripped, with no
 *       control or invisible character; its text fields hold no such character either and stay
 *       within their caps; counts are above zero and prices finite and not negative; a field the
 *       list kind never states stays null;</li>
 *   <li>no more entries than the body could hold: every model needs an object with its id field
 *       and a non-empty string ({@code {"id":"x"}} is 10 bytes), so a list of {@code n} models
 *       comes from at least {@code n} times that many bytes;</li>
 *   <li>the input is not modified.</li>
 * </ul>
 *
 * <p>"Control or invisible" is judged per UTF-16 unit, as {@code ListFields} judges it, so a
 * supplementary invisible character (a tag character, U+E0000 to U+E007F, is two surrogates) is
 * caught by neither yet.
 *
 * <p>Without {@code JAZZER_FUZZ} these run as regression tests over the seeds in
 * {@code src/test/resources/dev/pryx/net/models/LiveListFuzzTestInputs/} (files directly there
 * are shared by the three targets, each target's own are in the folder of its name) plus an empty
 * input; see {@code docs/fuzzing.md}.
 */
@DisplayName("live model list readers under fuzzing")
class LiveListFuzzTest {
    /** Far above any seed and any body worth mutating; the fetch itself reads up to 16 MiB. */
    private static final int MAX_INPUT_BYTES = 256 * 1024;
    /** The longest a text field can come out: its cap plus the "..." that says it was cut. */
    private static final int ELLIPSIS = 3;

    @FuzzTest(maxDuration = "5m")
    void readOpenRouterList(byte[] body) {
        check(ModelListKind.OPENROUTER, body);
    }

    @FuzzTest(maxDuration = "5m")
    void readOllamaList(byte[] body) {
        check(ModelListKind.OLLAMA, body);
    }

    @FuzzTest(maxDuration = "5m")
    void readOpenAiList(byte[] body) {
        check(ModelListKind.OPENAI_COMPATIBLE, body);
    }

    // ---- the harness checks itself -------------------------------------------------------------

    @Test
    @DisplayName("the oracle accepts each kind's documented answer and sees every model in it")
    void documentedAnswersPass() {
        assertThat(check(ModelListKind.OPENROUTER, utf8(ModelListFixtures.OPENROUTER))).hasSize(3);
        assertThat(check(ModelListKind.OLLAMA, utf8(ModelListFixtures.OLLAMA))).hasSize(2);
        assertThat(check(ModelListKind.OPENAI_COMPATIBLE, utf8(ModelListFixtures.OPENAI))).hasSize(2);
    }

    @Test
    @DisplayName("the entry bound counts the smallest object that names a model; a list of something else is refused")
    void boundsAreTight() {
        assertThat(check(ModelListKind.OPENAI_COMPATIBLE, utf8("{\"data\":[{\"id\":\"x\"},{\"id\":\"y\"}]}"))).hasSize(2);
        assertThat(minEntryBytes(ModelListKind.OPENAI_COMPATIBLE)).isEqualTo("{\"id\":\"x\"}".length());
        assertThat(minEntryBytes(ModelListKind.OLLAMA)).isEqualTo("{\"name\":\"x\"}".length());
        assertThat(check(ModelListKind.OLLAMA, utf8("{\"data\":[{\"id\":\"x\"}]}"))).as("refused").isNull();
        assertThat(check(ModelListKind.OPENROUTER, utf8("{\"data\": [1, null, {\"id\": \" \"}]}"))).as("refused").isNull();
    }

    @Test
    @DisplayName("whether a body is JSON is decided by its bytes alone: an invalid UTF-8 name is not, whatever was read before")
    void invalidNameIsNotJson() {
        byte[] invalid = {'{', '"', 'o', 'b', 'j', 'e', (byte) 0xFF, 't', '"', ':', '1', '}'};
        assertThat(isJson(utf8("{\"objet\": 1}"))).isTrue();
        assertThat(isJson(invalid)).isFalse();
        assertThat(isJson(utf8("{\"data\": []} trailing words"))).as("what follows the first value is not read").isTrue();
        assertThat(isJson(utf8("{\"data\": [\"\\ud800\", 1e999]}"))).as("a lone surrogate escape and a huge number parse").isTrue();
    }

    // ---- harness -----------------------------------------------------------------------------

    /** Reads {@code body} as {@code kind}'s list and checks the outcome; the models, or null when refused. */
    private static List<LiveModel> check(ModelListKind kind, byte[] body) {
        if (body.length > MAX_INPUT_BYTES) {
            return null;
        }
        byte[] before = body.clone();
        List<LiveModel> models;
        try {
            models = kind.reader().read(body);
        } catch (UnexpectedBodyException e) {
            assertThat(e.getMessage()).as("a shape problem says what it is").isNotBlank();
            assertThat(e.getMessage().codePoints()).as("a shape problem is our own plain phrase").noneMatch(LiveListFuzzTest::unprintable);
            assertThat(body).as("read must not modify its input").isEqualTo(before);
            return null;
        } catch (IOException e) {
            assertThat(isJson(body)).as("a failure other than the shape's only for a body that is not JSON: %s", e).isFalse();
            assertThat(body).as("read must not modify its input").isEqualTo(before);
            return null;
        }
        assertThat(body).as("read must not modify its input").isEqualTo(before);
        assertThat(models).isNotNull().doesNotContainNull();
        assertThat((long) models.size() * minEntryBytes(kind)).as("more models than the body could hold")
                .isLessThanOrEqualTo(body.length);
        Set<String> ids = new HashSet<>();
        for (LiveModel m : models) {
            checkModel(kind, m);
            assertThat(ids.add(m.id())).as("ids are unique: %s", m.id()).isTrue();
        }
        return models;
    }

    private static void checkModel(ModelListKind kind, LiveModel m) {
        assertThat(m.id()).isNotBlank().isEqualTo(m.id().strip()).hasSizeLessThanOrEqualTo(ListFields.MAX_ID);
        assertThat(m.id().codePoints()).as("id %s", m.id()).noneMatch(LiveListFuzzTest::unprintable);
        checkText(m.name(), ListFields.MAX_NAME);
        checkText(m.family(), ListFields.MAX_SHORT);
        checkText(m.parameterSize(), ListFields.MAX_SHORT);
        checkText(m.quantization(), ListFields.MAX_SHORT);
        checkText(m.owner(), ListFields.MAX_SHORT);
        for (Long count : new Long[] {m.contextTokens(), m.outputTokens(), m.sizeBytes()}) {
            assertThat(count == null || count > 0).as("a count above zero, or none: %s", count).isTrue();
        }
        for (Double price : new Double[] {m.inputCostPerMillion(), m.outputCostPerMillion()}) {
            assertThat(price == null || Double.isFinite(price) && price >= 0).as("a price of 0 or more, or none: %s", price)
                    .isTrue();
        }
        switch (kind) {
            case OPENROUTER -> assertThat(new Object[] {m.sizeBytes(), m.family(), m.parameterSize(), m.quantization(),
                    m.owner()}).as("OpenRouter states no size, build or owner").containsOnlyNulls();
            case OLLAMA -> assertThat(new Object[] {m.name(), m.contextTokens(), m.outputTokens(), m.inputCostPerMillion(),
                    m.outputCostPerMillion(), m.toolCall(), m.reasoning(), m.attachment(), m.owner()})
                    .as("Ollama states no name, limits, prices, capabilities or owner").containsOnlyNulls();
            case OPENAI_COMPATIBLE -> assertThat(new Object[] {m.name(), m.contextTokens(), m.outputTokens(),
                    m.inputCostPerMillion(), m.outputCostPerMillion(), m.toolCall(), m.reasoning(), m.attachment(),
                    m.sizeBytes(), m.family(), m.parameterSize(), m.quantization()})
                    .as("a plain OpenAI-compatible list states only ids and owners").containsOnlyNulls();
        }
    }

    /** Null, or printable text without spaces at either end, within its cap (plus the ellipsis of a cut). */
    private static void checkText(String text, int max) {
        if (text == null) {
            return;
        }
        assertThat(text).isNotBlank().isEqualTo(text.strip()).hasSizeLessThanOrEqualTo(max + ELLIPSIS);
        assertThat(text.codePoints()).as("text %s", text).noneMatch(LiveListFuzzTest::unprintable);
        assertThat(text).as("whitespace runs collapse to one space").doesNotContain("  ");
    }

    /**
     * The bytes of the smallest JSON object that names a model in {@code kind}'s list: the shortest
     * id field it reads ({@code id}; Ollama's {@code name}, else {@code model}) with a one-byte
     * value, as in {@code {"id":"x"}}. Escapes only make it longer, and the parser takes no
     * unquoted names or comments.
     */
    private static int minEntryBytes(ModelListKind kind) {
        String field = kind == ModelListKind.OLLAMA ? "name" : "id";
        return ("{\"" + field + "\":\"x\"}").length();
    }

    /** What the readers count out of shown text, by code point: control, format, separator, unassigned, private-use, lone surrogates. */
    private static boolean unprintable(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
                || type == Character.SURROGATE;
    }

    /**
     * Whether the body's first JSON value reads whole, as the readers' {@code readTree} reads it
     * (what follows that value is ignored there too), decoding every name, string and number.
     *
     * <p>A new factory for every body, because the answer must come from the bytes alone. Jackson
     * canonicalizes field names by their bytes, the last 4-byte quad padded with 0xFF, so an
     * invalid UTF-8 name such as {@code "obje\xFFt"} can match a valid one a factory has seen
     * before ({@code "objet"}) and be taken as it, unchecked: how a shared factory answers depends
     * on what it read before. (A factory without canonicalization is no help: it decodes such a
     * name leniently, to U+FFFD.) A fresh one has seen no more names than the readers' shared one,
     * so whatever the readers refuse as not JSON, it refuses too. Found by this target's first
     * fuzzing run.
     */
    private static boolean isJson(byte[] body) {
        try (JsonParser p = new JsonFactory().createParser(body)) {
            int depth = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                } else if (t == JsonToken.FIELD_NAME || t == JsonToken.VALUE_STRING) {
                    p.getText();
                } else if (t.isNumeric()) {
                    p.getNumberValue();
                }
                if (depth == 0) {
                    break;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
