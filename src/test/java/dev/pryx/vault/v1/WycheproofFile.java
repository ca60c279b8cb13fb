package dev.pryx.vault.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads a Wycheproof test-vector file (a subset kept in test resources) into its cases. */
final class WycheproofFile {
    private WycheproofFile() {
    }

    /** One case: the fields every Wycheproof case has, and the case's own JSON for the rest. */
    record Case(int tcId, String comment, List<String> flags, boolean valid, JsonNode fields) {
        byte[] hex(String field) {
            return HexFormat.of().parseHex(fields.get(field).asText());
        }

        String displayName() {
            return "tcId " + tcId + " " + flags + (comment.isEmpty() ? "" : " " + comment) + ": "
                    + (valid ? "valid" : "invalid");
        }
    }

    static JsonNode document(String resource) {
        try (InputStream in = WycheproofFile.class.getResourceAsStream(resource)) {
            assertThat(in).as("test resource %s", resource).isNotNull();
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> cases(String resource) {
        List<Case> out = new ArrayList<>();
        for (JsonNode group : document(resource).get("testGroups")) {
            for (JsonNode t : group.get("tests")) {
                List<String> flags = new ArrayList<>();
                t.get("flags").forEach(f -> flags.add(f.asText()));
                String result = t.get("result").asText();
                assertThat(result).as("tcId %s result", t.get("tcId")).isIn("valid", "invalid");
                out.add(new Case(t.get("tcId").asInt(), t.get("comment").asText(), List.copyOf(flags),
                        result.equals("valid"), t));
            }
        }
        return out;
    }
}
