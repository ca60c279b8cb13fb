package dev.pryx.net.models;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pryx.net.probe.BodyReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /models} of an OpenAI-compatible API (vLLM, LM Studio, Groq, Together, ...): ids and
 * {@code owned_by}, nothing more that all of them share. Servers that add fields of their own
 * (context lengths under one name or another) are not read for them: the catalog and the user's
 * overrides say what the plain list does not.
 */
final class OpenAiList implements BodyReader<List<LiveModel>> {
    @Override
    public List<LiveModel> read(byte[] body) throws IOException {
        JsonNode data = ListFields.list(ListFields.root(body), "data");
        List<LiveModel> out = new ArrayList<>();
        for (JsonNode m : data) {
            String id = ListFields.id(m.path("id"));
            if (id == null) {
                continue;
            }
            out.add(new LiveModel(id, null, null, null, null, null, null, null, null, null, null, null, null,
                    ListFields.text(m.path("owned_by"), ListFields.MAX_SHORT)));
        }
        return ListFields.unique(out, data.size(), "data");
    }
}
