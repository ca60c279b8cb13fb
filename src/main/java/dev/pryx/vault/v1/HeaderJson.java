package dev.pryx.vault.v1;

import static dev.pryx.vault.v1.VaultFormatException.Problem.DAMAGED;
import static dev.pryx.vault.v1.VaultFormatException.Problem.UNSUPPORTED_VERSION;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The header's JSON, read strictly: exactly the known fields (none missing, none unknown, none
 * twice), canonical base64 of the right lengths, integers where integers belong, nothing after the
 * object. A header either means exactly one thing or is refused.
 */
final class HeaderJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
    private static final Pattern SLOT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern VAULT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String CIPHER = "AES-256-GCM";
    private static final String PAYLOAD_KDF = "HKDF-SHA256";
    private static final String ARGON2ID = "argon2id";

    private HeaderJson() {
    }

    record Parsed(VaultHeader header, byte[] payloadSalt, byte[] payloadCommitment) {
    }

    static Parsed parse(byte[] file, int offset, int length) throws VaultFormatException {
        JsonNode root;
        try (JsonParser parser = MAPPER.createParser(file, offset, length)) {
            root = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw new VaultFormatException(DAMAGED, "the header has bytes after its JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new VaultFormatException(DAMAGED, "the header is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new VaultFormatException(DAMAGED, "the header cannot be read", e);
        }
        ObjectNode top = object(root, "top level");
        fields(top, "top level", "vault_id", "generation", "created_at", "saved_at", "payload", "slots");
        String vaultId = text(top, "vault_id");
        if (!VAULT_ID.matcher(vaultId).matches()) {
            throw damaged("vault_id is not a lower-case UUID");
        }
        long generation = integer(top, "generation", 1, Long.MAX_VALUE);
        Instant created = instant(top, "created_at");
        Instant saved = instant(top, "saved_at");

        ObjectNode payload = object(top.get("payload"), "payload");
        fields(payload, "payload", "cipher", "kdf", "salt", "commitment");
        expect(payload, "cipher", CIPHER);
        expect(payload, "kdf", PAYLOAD_KDF);
        byte[] salt = base64(payload, "salt", V1Codec.SALT_BYTES);
        byte[] commitment = base64(payload, "commitment", V1Codec.KEY_BYTES);

        JsonNode slotsNode = top.get("slots");
        if (!(slotsNode instanceof ArrayNode slotArray) || slotArray.isEmpty()) {
            throw damaged("slots must be a non-empty array");
        }
        List<PassphraseSlot> slots = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode s : slotArray) {
            ObjectNode slot = object(s, "slot");
            String type = text(slot, "type");
            if (!PassphraseSlot.TYPE.equals(type)) {
                // Keychain and recovery slots are reserved for a later minor version.
                throw new VaultFormatException(UNSUPPORTED_VERSION, "key slot type '" + clip(type)
                        + "' needs a newer pryx");
            }
            fields(slot, "slot", "type", "id", "created_at", "kdf", "check", "nonce", "wrapped_key");
            String id = text(slot, "id");
            if (!SLOT_ID.matcher(id).matches() || !ids.add(id)) {
                throw damaged("slot id '" + clip(id) + "' is malformed or repeated");
            }
            ObjectNode kdf = object(slot.get("kdf"), "kdf");
            fields(kdf, "kdf", "algorithm", "version", "memory_kib", "iterations", "parallelism", "salt");
            expect(kdf, "algorithm", ARGON2ID);
            if (integer(kdf, "version", 0, 255) != KdfParameters.ARGON2_VERSION) {
                throw damaged("Argon2 version must be 19 (0x13)");
            }
            KdfParameters params = new KdfParameters(
                    (int) integer(kdf, "memory_kib", 1, Integer.MAX_VALUE),
                    (int) integer(kdf, "iterations", 1, Integer.MAX_VALUE),
                    (int) integer(kdf, "parallelism", 1, Integer.MAX_VALUE),
                    base64(kdf, "salt", -1));
            slots.add(new PassphraseSlot(id, instant(slot, "created_at"), params,
                    base64(slot, "check", V1Codec.KEY_BYTES),
                    base64(slot, "nonce", AesGcm.NONCE_BYTES),
                    base64(slot, "wrapped_key", V1Codec.KEY_BYTES + AesGcm.TAG_BYTES)));
        }
        return new Parsed(new VaultHeader(vaultId, generation, created, saved, slots), salt, commitment);
    }

    static byte[] write(VaultHeader header, byte[] payloadSalt, byte[] commitment) {
        ObjectNode top = MAPPER.createObjectNode();
        top.put("vault_id", header.vaultId());
        top.put("generation", header.generation());
        top.put("created_at", header.createdAt().toString());
        top.put("saved_at", header.savedAt().toString());
        ObjectNode payload = top.putObject("payload");
        payload.put("cipher", CIPHER);
        payload.put("kdf", PAYLOAD_KDF);
        payload.put("salt", encode(payloadSalt));
        payload.put("commitment", encode(commitment));
        ArrayNode slots = top.putArray("slots");
        for (PassphraseSlot s : header.slots()) {
            ObjectNode slot = slots.addObject();
            slot.put("type", PassphraseSlot.TYPE);
            slot.put("id", s.id());
            slot.put("created_at", s.createdAt().toString());
            ObjectNode kdf = slot.putObject("kdf");
            kdf.put("algorithm", ARGON2ID);
            kdf.put("version", KdfParameters.ARGON2_VERSION);
            kdf.put("memory_kib", s.kdf().memoryKib());
            kdf.put("iterations", s.kdf().iterations());
            kdf.put("parallelism", s.kdf().parallelism());
            kdf.put("salt", encode(s.kdf().salt()));
            slot.put("check", encode(s.check()));
            slot.put("nonce", encode(s.nonce()));
            slot.put("wrapped_key", encode(s.wrappedKey()));
        }
        try {
            return MAPPER.writeValueAsBytes(top);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static ObjectNode object(JsonNode node, String what) throws VaultFormatException {
        if (!(node instanceof ObjectNode o)) {
            throw damaged(what + " is not a JSON object");
        }
        return o;
    }

    private static void fields(ObjectNode node, String what, String... expected) throws VaultFormatException {
        Set<String> want = Set.of(expected);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!want.contains(name)) {
                throw damaged(what + " has an unknown field '" + clip(name) + "'");
            }
        }
        for (String name : expected) {
            if (!node.has(name)) {
                throw damaged(what + " lacks the field '" + name + "'");
            }
        }
    }

    private static String text(ObjectNode node, String field) throws VaultFormatException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw damaged(field + " is not a string");
        }
        return v.textValue();
    }

    private static void expect(ObjectNode node, String field, String value) throws VaultFormatException {
        String actual = text(node, field);
        if (!value.equals(actual)) {
            throw damaged(field + " is '" + clip(actual) + "', expected '" + value + "'");
        }
    }

    private static long integer(ObjectNode node, String field, long min, long max) throws VaultFormatException {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw damaged(field + " is not an integer");
        }
        long n = v.longValue();
        if (n < min || n > max) {
            throw damaged(field + " is out of range");
        }
        return n;
    }

    private static Instant instant(ObjectNode node, String field) throws VaultFormatException {
        try {
            return Instant.parse(text(node, field));
        } catch (DateTimeParseException e) {
            throw damaged(field + " is not an ISO-8601 UTC time");
        }
    }

    /** Canonical standard base64 only (re-encoding must give the same text); -1 = any length. */
    private static byte[] base64(ObjectNode node, String field, int expectedLength) throws VaultFormatException {
        String s = text(node, field);
        byte[] b;
        try {
            b = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw damaged(field + " is not base64");
        }
        if (!encode(b).equals(s)) {
            throw damaged(field + " is not canonical base64");
        }
        if (expectedLength >= 0 && b.length != expectedLength) {
            throw damaged(field + " has " + b.length + " bytes, expected " + expectedLength);
        }
        return b;
    }

    private static String encode(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static String clip(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }

    private static VaultFormatException damaged(String detail) {
        return new VaultFormatException(DAMAGED, "the header's " + detail);
    }
}
