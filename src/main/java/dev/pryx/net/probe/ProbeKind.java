package dev.pryx.net.probe;

import java.util.Locale;
import java.util.Optional;

/**
 * How a provider's connection is tested, named as the catalog overlay names it ({@code "test"}).
 * Each kind sends the cheapest documented request that needs the key and costs nothing:
 *
 * <pre>
 * openai-models     GET {base}/models                  Authorization: Bearer KEY        JSON "data" array
 * anthropic-models  GET {base}/models?limit=1000       x-api-key: KEY,                  JSON "data" array
 *                                                      anthropic-version: 2023-06-01
 * gemini-models     GET {base}/models?pageSize=1000    x-goog-api-key: KEY              JSON "models" array
 * openrouter-key    GET {base}/key                     Authorization: Bearer KEY        JSON "data" object
 * ollama            GET {base}/api/version, then       (Authorization: Bearer KEY only  JSON "version" string,
 *                   GET {base}/api/tags                 when a key is given)             then "models" array
 * </pre>
 */
public enum ProbeKind {
    /** OpenAI and every OpenAI-compatible API (xAI, DeepSeek, Groq, Mistral, LM Studio, ...). */
    OPENAI_MODELS("openai-models", "The provider", "https://api.openai.com/v1",
            "OpenAI-compatible APIs usually end in /v1"),
    ANTHROPIC_MODELS("anthropic-models", "Anthropic", "https://api.anthropic.com/v1", "it ends in /v1"),
    GEMINI_MODELS("gemini-models", "Google Gemini", "https://generativelanguage.googleapis.com/v1beta",
            "it ends in /v1beta"),
    OPENROUTER_KEY("openrouter-key", "OpenRouter", "https://openrouter.ai/api/v1", "it ends in /api/v1"),
    OLLAMA("ollama", "Ollama", "http://localhost:11434", "use the server's root, without /v1 or /api");

    private final String wireName;
    private final String defaultName;
    private final String exampleBaseUrl;
    private final String baseUrlTip;

    ProbeKind(String wireName, String defaultName, String exampleBaseUrl, String baseUrlTip) {
        this.wireName = wireName;
        this.defaultName = defaultName;
        this.exampleBaseUrl = exampleBaseUrl;
        this.baseUrlTip = baseUrlTip;
    }

    /** The overlay's name for this kind, e.g. {@code "openai-models"}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The kind an overlay names; {@code "openai-compatible"} is accepted as another name for
     * {@link #OPENAI_MODELS} (the request is the same).
     *
     * @throws IllegalArgumentException for an unknown or null name
     */
    public static ProbeKind fromWireName(String wireName) {
        return find(wireName).orElseThrow(() -> new IllegalArgumentException("Unknown connection test kind: "
                + (wireName == null ? "null" : '"' + wireName + '"')));
    }

    /** As {@link #fromWireName(String)}, empty for an unknown or null name. */
    public static Optional<ProbeKind> find(String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        String name = wireName.strip().toLowerCase(Locale.ROOT);
        if (name.equals("openai-compatible")) {
            return Optional.of(OPENAI_MODELS);
        }
        for (ProbeKind k : values()) {
            if (k.wireName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** How messages name the provider when the caller gives no name. */
    String defaultName() {
        return defaultName;
    }

    String exampleBaseUrl() {
        return exampleBaseUrl;
    }

    /** Half a sentence on what this kind's base URL looks like. */
    String baseUrlTip() {
        return baseUrlTip;
    }
}
