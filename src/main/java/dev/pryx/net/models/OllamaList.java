package dev.pryx.net.models;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pryx.net.probe.BodyReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Ollama's {@code GET /api/tags}: the models installed on that server, with their size on disk
 * and build ({@code details.family}, {@code parameter_size}, {@code quantization_level}). It
 * states no limits, prices or capabilities; the catalog fills those where it knows the model.
 */
final class OllamaList implements BodyReader<List<LiveModel>> {
    @Override
    public List<LiveModel> read(byte[] body) throws IOException {
        JsonNode models = ListFields.list(ListFields.root(body), "models");
        List<LiveModel> out = new ArrayList<>();
        for (JsonNode m : models) {
            String id = ListFields.id(m.path("name"));
            if (id == null) {
                id = ListFields.id(m.path("model"));
            }
            if (id == null) {
                continue;
            }
            JsonNode details = m.path("details");
            out.add(new LiveModel(id, null, null, null, null, null, null, null, null,
                    ListFields.positive(m.path("size")),
                    ListFields.text(details.path("family"), ListFields.MAX_SHORT),
                    ListFields.text(details.path("parameter_size"), ListFields.MAX_SHORT),
                    ListFields.text(details.path("quantization_level"), ListFields.MAX_SHORT),
                    null));
        }
        return ListFields.unique(out, models.size(), "models");
    }
}
