package dev.pryx.provider;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pryx.catalog.AuthType;
import dev.pryx.catalog.Catalog;
import dev.pryx.catalog.CatalogInfo;
import dev.pryx.catalog.CatalogModel;
import dev.pryx.catalog.CatalogProvider;
import dev.pryx.catalog.CatalogSource;
import dev.pryx.catalog.KeyFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A small fixed catalog for manager tests: no files, no network. */
final class FakeCatalog implements CatalogSource {
    int refreshes;

    static CatalogModel model(String id, long context) {
        return new CatalogModel(id, id.toUpperCase(java.util.Locale.ROOT), null, context, 8192L, 1.25, 10.0, true, false,
                false, null, "2025-06-01", JsonNodeFactory.instance.objectNode().put("id", id));
    }

    static CatalogProvider provider(String id, String name, List<AuthType> auth, String baseUrl, KeyFormat format,
                                    boolean live, List<String> env, CatalogModel... models) {
        Map<String, CatalogModel> byId = new LinkedHashMap<>();
        for (CatalogModel m : models) {
            byId.put(m.id(), m);
        }
        return new CatalogProvider(id, name, env, null, null, baseUrl, auth, format, "openai-models", live, byId,
                JsonNodeFactory.instance.objectNode().put("id", id));
    }

    private final Catalog catalog = new Catalog(List.of(
            provider("openai", "OpenAI", List.of(AuthType.API_KEY), "https://api.openai.com/v1",
                    new KeyFormat(Pattern.compile("sk-[A-Za-z0-9_-]{20,}"), "starts with sk-"), false,
                    List.of("OPENAI_API_KEY"), model("gpt-5", 400_000), model("gpt-5-mini", 400_000)),
            provider("anthropic", "Anthropic", List.of(AuthType.API_KEY), "https://api.anthropic.com/v1",
                    new KeyFormat(Pattern.compile("sk-ant-[A-Za-z0-9_-]{20,}"), "starts with sk-ant-"), false,
                    List.of("ANTHROPIC_API_KEY"), model("claude-sonnet-4-5", 200_000)),
            provider("openrouter", "OpenRouter", List.of(AuthType.API_KEY), "https://openrouter.ai/api/v1", null, true,
                    List.of("OPENROUTER_API_KEY"), model("openai/gpt-5", 400_000)),
            provider("ollama", "Ollama (local)", List.of(AuthType.NONE), "http://localhost:11434", null, true, List.of()),
            provider("custom", "Needs a URL", List.of(AuthType.API_KEY), null, null, true, List.of())),
            new CatalogInfo("built-in", null, null, 5, 5, null));

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public Refreshed refresh() {
        refreshes++;
        return new Refreshed(false, catalog.info());
    }
}
