package dev.pryx.net.models;

/**
 * One model as a provider's own list states it. Every field but the id is null when the list does
 * not say: OpenRouter states most of them, Ollama its size and build, a plain OpenAI-compatible
 * server little more than the id. Text fields hold printable text only (control characters
 * become spaces) and are capped in length, since they come from a server pryx does not control.
 *
 * @param id                   the model id the API takes, e.g. {@code openai/gpt-4o} or {@code llama3.1:8b}
 * @param name                 a display name (OpenRouter)
 * @param contextTokens        context window in tokens
 * @param outputTokens         the most tokens one answer may hold
 * @param inputCostPerMillion  USD per million input tokens
 * @param outputCostPerMillion USD per million output tokens
 * @param toolCall             whether it takes tools
 * @param reasoning            whether it reasons
 * @param attachment           whether it takes images or files
 * @param sizeBytes            the size on disk (Ollama)
 * @param family               the model family, e.g. {@code llama} (Ollama)
 * @param parameterSize        e.g. {@code 8.0B} (Ollama)
 * @param quantization         e.g. {@code Q4_K_M} (Ollama)
 * @param owner                who publishes it, as an OpenAI-compatible server's {@code owned_by} says
 */
public record LiveModel(String id, String name, Long contextTokens, Long outputTokens, Double inputCostPerMillion,
                        Double outputCostPerMillion, Boolean toolCall, Boolean reasoning, Boolean attachment,
                        Long sizeBytes, String family, String parameterSize, String quantization, String owner) {
}
