package dev.pryx.net.models;

import dev.pryx.net.probe.BodyReader;
import dev.pryx.net.probe.ProbeKind;
import java.util.List;
import java.util.Optional;

/**
 * Where a provider lists its models and what the answer looks like (from each API's public docs).
 * The provider's connection-test kind says which applies, since both name the same API:
 *
 * <pre>
 * openrouter         GET {base}/models     Bearer KEY when one is set  {"data": [{"id", "name", "context_length",
 *                                          (the list is public)          "pricing": {"prompt", "completion"},
 *                                                                        "top_provider": {"max_completion_tokens"},
 *                                                                        "supported_parameters", "architecture":
 *                                                                        {"input_modalities"}}]}
 * ollama             GET {base}/api/tags   none (Bearer KEY when set)  {"models": [{"name", "size", "details":
 *                                                                        {"family", "parameter_size",
 *                                                                        "quantization_level"}}]}
 * openai-compatible  GET {base}/models     Bearer KEY when one is set  {"data": [{"id", "owned_by"}]}
 * </pre>
 */
public enum ModelListKind {
    OPENROUTER("openrouter", ProbeKind.OPENROUTER_KEY, "models", new OpenRouterList()),
    OLLAMA("ollama", ProbeKind.OLLAMA, "api/tags", new OllamaList()),
    OPENAI_COMPATIBLE("openai-compatible", ProbeKind.OPENAI_MODELS, "models", new OpenAiList());

    private final String wireName;
    private final ProbeKind probeKind;
    private final String path;
    private final BodyReader<List<LiveModel>> reader;

    ModelListKind(String wireName, ProbeKind probeKind, String path, BodyReader<List<LiveModel>> reader) {
        this.wireName = wireName;
        this.probeKind = probeKind;
        this.path = path;
        this.reader = reader;
    }

    /**
     * The list that goes with a connection-test kind as the catalog overlay names it
     * ({@code openrouter-key}, {@code ollama}, {@code openai-models} or {@code openai-compatible});
     * empty for the others (Anthropic's and Gemini's lists are not read yet) and for null.
     */
    public static Optional<ModelListKind> forTestKind(String testKind) {
        return ProbeKind.find(testKind).flatMap(kind -> switch (kind) {
            case OPENROUTER_KEY -> Optional.of(OPENROUTER);
            case OLLAMA -> Optional.of(OLLAMA);
            case OPENAI_MODELS -> Optional.of(OPENAI_COMPATIBLE);
            case ANTHROPIC_MODELS, GEMINI_MODELS -> Optional.<ModelListKind>empty();
        });
    }

    /** A stable name, e.g. {@code openrouter}, for files that record which list they hold. */
    public String wireName() {
        return wireName;
    }

    /** The probe kind whose key header, wording and base-URL hints the fetch uses. */
    ProbeKind probeKind() {
        return probeKind;
    }

    /** Path segments below the base URL. */
    String path() {
        return path;
    }

    BodyReader<List<LiveModel>> reader() {
        return reader;
    }
}
