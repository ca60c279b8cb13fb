package dev.pryx.vault;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pryx.support.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The decrypted payload as JSON:
 *
 * <pre>
 * {"schema":1,
 *  "credentials":{"openai":[{"version":1,"kind":"api_key","created_at":"...","attributes":{},"secrets":{"key":"..."}}]},
 *  "records":{"providers":{"openai":{...}}},
 *  "padding":"000..."}
 * </pre>
 *
 * Streamed by hand so that secret values go from the plaintext bytes straight into
 * {@code char[]} holders and never become {@code String}s. The padding rounds the plaintext up to
 * a multiple of {@value #PAD_TO} bytes so the file size says little about how many keys it holds.
 */
final class PayloadCodec {
    static final int SCHEMA = 1;
    static final int PAD_TO = 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private PayloadCodec() {
    }

    /** Thrown for a payload that authenticated but does not parse: a bug or a newer schema. */
    static final class PayloadException extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean newerSchema;

        PayloadException(String message, boolean newerSchema) {
            super(message);
            this.newerSchema = newerSchema;
        }
    }

    /** An output buffer for plaintext that wipes every array it lets go of, and itself on request. */
    static final class WipeableBuffer extends OutputStream {
        private byte[] buf;
        private int count;

        WipeableBuffer(int size) {
            buf = new byte[size];
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        private void ensure(int more) {
            if (count + more > buf.length) {
                byte[] bigger = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
                Arrays.fill(buf, (byte) 0);
                buf = bigger;
            }
        }

        int size() {
            return count;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, count);
        }

        void wipe() {
            Arrays.fill(buf, (byte) 0);
            count = 0;
        }
    }

    static byte[] write(VaultContents contents) {
        WipeableBuffer out = new WipeableBuffer(4096);
        try {
            try (JsonGenerator g = FACTORY.createGenerator(out)) {
                g.writeStartObject();
                g.writeNumberField("schema", SCHEMA);
                g.writeObjectFieldStart("credentials");
                for (var entry : contents.rawCredentials().entrySet()) {
                    g.writeArrayFieldStart(entry.getKey());
                    for (CredentialVersion v : entry.getValue()) {
                        writeVersion(g, v);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeObjectFieldStart("records");
                for (var collection : contents.rawRecords().entrySet()) {
                    g.writeObjectFieldStart(collection.getKey());
                    for (var record : collection.getValue().entrySet()) {
                        g.writeFieldName(record.getKey());
                        MAPPER.writeTree(g, record.getValue());
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
                g.flush();
                // ,"padding":"" plus the closing brace is 14 bytes.
                int unpadded = out.size() + 14;
                int padding = (PAD_TO - unpadded % PAD_TO) % PAD_TO;
                char[] zeros = new char[padding];
                Arrays.fill(zeros, '0');
                g.writeFieldName("padding");
                g.writeString(zeros, 0, zeros.length);
                g.writeEndObject();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory cannot fail", e);
        } finally {
            out.wipe();
        }
    }

    private static void writeVersion(JsonGenerator g, CredentialVersion v) throws IOException {
        g.writeStartObject();
        g.writeNumberField("version", v.version());
        g.writeStringField("kind", v.kind());
        g.writeStringField("created_at", v.createdAt().toString());
        g.writeObjectFieldStart("attributes");
        for (var a : v.attributes().entrySet()) {
            g.writeStringField(a.getKey(), a.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("secrets");
        for (var s : v.secrets().entrySet()) {
            g.writeFieldName(s.getKey());
            char[] chars = s.getValue().chars();
            g.writeString(chars, 0, chars.length);
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    static VaultContents read(byte[] plaintext) throws PayloadException {
        VaultContents contents = new VaultContents();
        boolean ok = false;
        try (JsonParser p = FACTORY.createParser(plaintext)) {
            expect(p.nextToken(), JsonToken.START_OBJECT, "payload");
            boolean sawSchema = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "schema" -> {
                        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getIntValue() < 1) {
                            throw new PayloadException("schema is not a positive integer", false);
                        }
                        if (p.getIntValue() > SCHEMA) {
                            throw new PayloadException("payload schema " + p.getIntValue()
                                    + " was written by a newer pryx", true);
                        }
                        sawSchema = true;
                    }
                    case "credentials" -> readCredentials(p, contents);
                    case "records" -> readRecords(p, contents);
                    case "padding" -> expect(p.currentToken(), JsonToken.VALUE_STRING, "padding");
                    default -> throw new PayloadException("unknown payload field '" + field + "'", false);
                }
            }
            if (!sawSchema) {
                throw new PayloadException("payload has no schema number", false);
            }
            if (p.nextToken() != null) {
                throw new PayloadException("payload has data after its JSON object", false);
            }
            ok = true;
            return contents;
        } catch (IOException e) {
            throw new PayloadException("payload is not valid JSON", false);
        } finally {
            if (!ok) {
                contents.close();
            }
        }
    }

    private static void readCredentials(JsonParser p, VaultContents contents) throws IOException, PayloadException {
        expect(p.currentToken(), JsonToken.START_OBJECT, "credentials");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            expect(p.nextToken(), JsonToken.START_ARRAY, "credential " + name);
            List<CredentialVersion> versions = new ArrayList<>();
            contents.rawCredentials().put(name, versions);
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                versions.add(readVersion(p));
            }
            expect(t, JsonToken.END_ARRAY, "credential " + name);
        }
    }

    private static CredentialVersion readVersion(JsonParser p) throws IOException, PayloadException {
        Integer version = null;
        String kind = null;
        Instant created = null;
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        try {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "version" -> {
                        expect(value, JsonToken.VALUE_NUMBER_INT, "version");
                        version = p.getIntValue();
                        if (version < 1) {
                            throw new PayloadException("credential version is below 1", false);
                        }
                    }
                    case "kind" -> {
                        expect(value, JsonToken.VALUE_STRING, "kind");
                        kind = p.getText();
                        if (kind.isEmpty()) {
                            throw new PayloadException("credential kind is empty", false);
                        }
                    }
                    case "created_at" -> {
                        expect(value, JsonToken.VALUE_STRING, "created_at");
                        created = Instant.parse(p.getText());
                    }
                    case "attributes" -> {
                        expect(value, JsonToken.START_OBJECT, "attributes");
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            expect(p.nextToken(), JsonToken.VALUE_STRING, "attribute " + k);
                            attributes.put(k, p.getText());
                        }
                    }
                    case "secrets" -> {
                        expect(value, JsonToken.START_OBJECT, "secrets");
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            expect(p.nextToken(), JsonToken.VALUE_STRING, "secret " + k);
                            // Straight from the parser's buffer into a holder: no String is made.
                            char[] buffer = p.getTextCharacters();
                            int offset = p.getTextOffset();
                            secrets.put(k, Secret.copyOf(buffer, offset, offset + p.getTextLength()));
                        }
                    }
                    default -> throw new PayloadException("unknown credential field '" + field + "'", false);
                }
            }
        } catch (DateTimeParseException e) {
            secrets.values().forEach(Secret::close);
            throw new PayloadException("credential time is malformed", false);
        } catch (IOException | PayloadException e) {
            secrets.values().forEach(Secret::close);
            throw e;
        }
        if (version == null || kind == null || created == null) {
            secrets.values().forEach(Secret::close);
            throw new PayloadException("credential version lacks a field", false);
        }
        return new CredentialVersion(version, kind, created, secrets, attributes);
    }

    private static void readRecords(JsonParser p, VaultContents contents) throws IOException, PayloadException {
        expect(p.currentToken(), JsonToken.START_OBJECT, "records");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String collection = p.currentName();
            expect(p.nextToken(), JsonToken.START_OBJECT, "collection " + collection);
            Map<String, JsonNode> byId = new TreeMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String id = p.currentName();
                p.nextToken();
                byId.put(id, MAPPER.readTree(p));
            }
            contents.rawRecords().put(collection, byId);
        }
    }

    private static void expect(JsonToken actual, JsonToken wanted, String what) throws PayloadException {
        if (actual != wanted) {
            throw new PayloadException(what + " is malformed", false);
        }
    }
}
