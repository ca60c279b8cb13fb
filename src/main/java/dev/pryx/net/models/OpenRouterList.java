package dev.pryx.net.models;

import static dev.pryx.net.models.ListFields.containsAny;
import static dev.pryx.net.models.ListFields.perMillion;
import static dev.pryx.net.models.ListFields.positive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pryx.net.probe.BodyReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenRouter's {@code GET /api/v1/models}: the richest list, with prices, limits and what each
 * model supports. Capabilities come from {@code supported_parameters} ({@code tools};
 * {@code reasoning} or the older {@code include_reasoning}) and
 * {@code architecture.input_modalities} ({@code image} or {@code file}); when either is missing,
 * the list does not say, and the catalog may.
 */
final class OpenRouterList implements BodyReader<List<LiveModel>> {
    @Override
    public List<LiveModel> read(byte[] body) throws IOException {
        JsonNode data = ListFields.list(ListFields.root(body), "data");
        List<LiveModel> out = new ArrayList<>();
        for (JsonNode m : data) {
            String id = ListFields.id(m.path("id"));
            if (id == null) {
                continue;
            }
            JsonNode top = m.path("top_provider");
            JsonNode pricing = m.path("pricing");
            JsonNode parameters = m.path("supported_parameters");
            Long context = positive(m.path("context_length"));
            out.add(new LiveModel(id, ListFields.text(m.path("name"), ListFields.MAX_NAME),
                    context != null ? context : positive(top.path("context_length")),
                    positive(top.path("max_completion_tokens")),
                    perMillion(pricing.path("prompt")), perMillion(pricing.path("completion")),
                    containsAny(parameters, "tools"), containsAny(parameters, "reasoning", "include_reasoning"),
                    containsAny(m.path("architecture").path("input_modalities"), "image", "file"),
                    null, null, null, null, null));
        }
        return ListFields.unique(out, data.size(), "data");
    }
}
