package dev.pryx.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What pryx knows about providers that models.dev does not say: how they authenticate, a default
 * base URL where models.dev gives none, what their keys look like, how to test a key, whether the
 * model list is live, and whole providers models.dev lacks (a local Ollama).
 *
 * <pre>
 * {"schema": 1,
 *  "providers": {
 *    "openai": {"auth": ["api_key"], "base_url": "https://api.openai.com/v1",
 *               "key_format": {"pattern": "sk-[A-Za-z0-9_-]{20,}", "hint": "starts with sk-"},
 *               "test": "openai-models", "live_models": false},
 *    "ollama": {"name": "Ollama (local)", "env": [], "doc": "https://...", "auth": ["none"],
 *               "base_url": "http://localhost:11434", "test": "ollama", "live_models": true, "models": {}}}}
 * </pre>
 *
 * <p>Merge rule: models.dev wins for what it says (name, env, npm, doc, api, models); the overlay
 * fills in the rest. An entry with a {@code name} defines the provider whole when the catalog lacks
 * it; an entry without one only decorates, so a catalog that drops a provider is not contradicted
 * by a half-made one. The file is pryx's own, so it is checked strictly (known fields must have the
 * right type, patterns must compile); fields it does not know are left alone for later versions.
 */
final class Overlay {
    static final String RESOURCE = "/dev/pryx/catalog/overlay.json";
    static final int SCHEMA = 1;

    private static final List<AuthType> DEFAULT_AUTH = List.of(AuthType.API_KEY);

    /** One provider's entry; null fields say nothing. */
    record Entry(String id, String name, List<String> env, String npm, String doc, String baseUrl,
                 List<AuthType> auth, KeyFormat keyFormat, String test, Boolean liveModels,
                 Map<String, CatalogModel> models, ObjectNode raw) {
    }

    private final Map<String, Entry> entries;

    private Overlay(Map<String, Entry> entries) {
        this.entries = entries;
    }

    static Overlay empty() {
        return new Overlay(Map.of());
    }

    /** The overlay in a class-path resource; a missing or broken one is a packaging bug. */
    static Overlay load(String resource) {
        try (InputStream in = Overlay.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The catalog overlay " + resource + " is missing from the build.");
            }
            return read(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("The catalog overlay " + resource + " is unusable: " + e.getMessage(), e);
        }
    }

    static Overlay read(byte[] json) throws CatalogFormatException {
        JsonNode root = ModelsDevReader.parse(json, "overlay");
        if (!root.isObject()) {
            throw new CatalogFormatException("the overlay is not a JSON object");
        }
        JsonNode schema = root.get("schema");
        if (schema == null || !schema.isInt()) {
            throw new CatalogFormatException("the overlay has no 'schema' number");
        }
        if (schema.intValue() != SCHEMA) {
            throw new CatalogFormatException("the overlay has schema " + schema.intValue() + "; this pryx reads "
                    + SCHEMA);
        }
        JsonNode providers = root.get("providers");
        if (providers == null || !providers.isObject()) {
            throw new CatalogFormatException("the overlay has no 'providers' object");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : providers.properties()) {
            entries.put(field.getKey(), entry(field.getKey(), field.getValue()));
        }
        return new Overlay(Map.copyOf(entries));
    }

    Entry entry(String id) {
        return entries.get(id);
    }

    /**
     * The catalog's providers with the overlay merged in, in catalog order, followed by the
     * providers only the overlay defines. Every result has at least one auth type.
     */
    List<CatalogProvider> apply(List<CatalogProvider> catalog) {
        List<CatalogProvider> out = new ArrayList<>(catalog.size() + entries.size());
        Set<String> seen = new HashSet<>();
        for (CatalogProvider p : catalog) {
            seen.add(p.id());
            out.add(merge(p, entries.get(p.id())));
        }
        entries.values().stream()
                .filter(e -> e.name() != null && !seen.contains(e.id()))
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .forEach(e -> out.add(standalone(e)));
        return out;
    }

    private static CatalogProvider merge(CatalogProvider p, Entry e) {
        List<AuthType> auth = p.authTypes().isEmpty() ? DEFAULT_AUTH : p.authTypes();
        if (e == null) {
            return new CatalogProvider(p.id(), p.name(), p.envVars(), p.npm(), p.docUrl(), p.baseUrl(), auth,
                    p.keyFormat(), p.testKind(), p.liveModels(), p.models(), p.raw());
        }
        return new CatalogProvider(p.id(), p.name(), p.envVars(),
                p.npm() != null ? p.npm() : e.npm(),
                p.docUrl() != null ? p.docUrl() : e.doc(),
                p.baseUrl() != null ? p.baseUrl() : e.baseUrl(),
                e.auth() != null ? e.auth() : auth,
                e.keyFormat() != null ? e.keyFormat() : p.keyFormat(),
                e.test() != null ? e.test() : p.testKind(),
                e.liveModels() != null ? e.liveModels() : p.liveModels(),
                p.models(), p.raw());
    }

    private static CatalogProvider standalone(Entry e) {
        return new CatalogProvider(e.id(), e.name(), e.env() == null ? List.of() : e.env(), e.npm(), e.doc(),
                e.baseUrl(), e.auth() == null ? DEFAULT_AUTH : e.auth(), e.keyFormat(), e.test(),
                e.liveModels() != null && e.liveModels(), e.models() == null ? Map.of() : e.models(), e.raw());
    }

    private static Entry entry(String id, JsonNode node) throws CatalogFormatException {
        String where = "overlay provider '" + id + "'";
        if (!node.isObject()) {
            throw new CatalogFormatException(where + " is not a JSON object");
        }
        String name = optionalText(node, "name", where);
        if (name != null && name.isBlank()) {
            throw new CatalogFormatException(where + " has a blank 'name'");
        }
        List<String> env = null;
        JsonNode envNode = node.get("env");
        if (envNode != null) {
            if (!envNode.isArray()) {
                throw new CatalogFormatException(where + ": 'env' must be a list of variable names");
            }
            env = new ArrayList<>();
            for (JsonNode v : envNode) {
                if (!v.isTextual() || v.textValue().isBlank()) {
                    throw new CatalogFormatException(where + ": 'env' must be a list of variable names");
                }
                env.add(v.textValue());
            }
            env = List.copyOf(env);
        }
        String baseUrl = optionalText(node, "base_url", where);
        if (baseUrl != null) {
            checkUrl(baseUrl, where);
        }
        Boolean live = null;
        JsonNode liveNode = node.get("live_models");
        if (liveNode != null) {
            if (!liveNode.isBoolean()) {
                throw new CatalogFormatException(where + ": 'live_models' must be true or false");
            }
            live = liveNode.booleanValue();
        }
        Map<String, CatalogModel> models = null;
        JsonNode modelsNode = node.get("models");
        if (modelsNode != null) {
            if (!modelsNode.isObject()) {
                throw new CatalogFormatException(where + ": 'models' must be an object keyed by model id");
            }
            models = ModelsDevReader.models(id, modelsNode);
        }
        return new Entry(id, name, env, optionalText(node, "npm", where), optionalText(node, "doc", where), baseUrl,
                auth(node.get("auth"), where), keyFormat(node.get("key_format"), where),
                optionalText(node, "test", where), live, models, ModelsDevReader.withoutModels(node));
    }

    private static List<AuthType> auth(JsonNode node, String where) throws CatalogFormatException {
        if (node == null) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new CatalogFormatException(where + ": 'auth' must be a non-empty list such as [\"api_key\"]");
        }
        List<AuthType> out = new ArrayList<>();
        for (JsonNode v : node) {
            AuthType t = v.isTextual() ? AuthType.fromWireName(v.textValue()) : null;
            if (t == null) {
                throw new CatalogFormatException(where + ": unknown auth type " + v + " (known: api_key, oauth2, none)");
            }
            if (out.contains(t)) {
                throw new CatalogFormatException(where + ": auth type " + v + " is listed twice");
            }
            out.add(t);
        }
        return List.copyOf(out);
    }

    private static KeyFormat keyFormat(JsonNode node, String where) throws CatalogFormatException {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw new CatalogFormatException(where + ": 'key_format' must be an object with 'pattern' and 'hint'");
        }
        String pattern = optionalText(node, "pattern", where);
        String hint = optionalText(node, "hint", where);
        if (pattern == null || pattern.isEmpty() || hint == null || hint.isBlank()) {
            throw new CatalogFormatException(where + ": 'key_format' must have a 'pattern' and a 'hint'");
        }
        try {
            return new KeyFormat(Pattern.compile(pattern), hint);
        } catch (PatternSyntaxException e) {
            throw new CatalogFormatException(where + ": the key pattern does not compile (" + e.getDescription()
                    + " at index " + e.getIndex() + ")", e);
        }
    }

    private static String optionalText(JsonNode node, String field, String where) throws CatalogFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new CatalogFormatException(where + ": '" + field + "' must be text");
        }
        return value.textValue();
    }

    private static void checkUrl(String url, String where) throws CatalogFormatException {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new CatalogFormatException(where + ": 'base_url' must be an http(s) URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new CatalogFormatException(where + ": 'base_url' is not a URL", e);
        }
    }
}
