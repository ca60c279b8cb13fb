package dev.pryx.net.models;

/**
 * Model lists as each API's public documentation shows them, trimmed to a few entries but with
 * the fields (and the kind of noise) real answers carry.
 */
final class ModelListFixtures {
    /** OpenRouter's {@code GET /api/v1/models}: prices as USD-per-token strings, capabilities as parameter names. */
    static final String OPENROUTER = """
            {"data": [
              {"id": "openai/gpt-4o", "canonical_slug": "openai/gpt-4o", "hugging_face_id": null,
               "name": "OpenAI: GPT-4o", "created": 1715367049,
               "description": "GPT-4o (\\"o\\" for \\"omni\\") is OpenAI's flagship model.\\n\\nIt takes text and images.",
               "context_length": 128000,
               "architecture": {"modality": "text+image->text", "input_modalities": ["text", "image", "file"],
                                "output_modalities": ["text"], "tokenizer": "GPT", "instruct_type": null},
               "pricing": {"prompt": "0.0000025", "completion": "0.00001", "request": "0", "image": "0.003613",
                           "web_search": "0", "internal_reasoning": "0", "input_cache_read": "0.00000125"},
               "top_provider": {"context_length": 128000, "max_completion_tokens": 16384, "is_moderated": true},
               "per_request_limits": null,
               "supported_parameters": ["frequency_penalty", "logit_bias", "max_tokens", "response_format", "seed",
                                        "stop", "structured_outputs", "temperature", "tool_choice", "tools", "top_p"],
               "default_parameters": {}},
              {"id": "deepseek/deepseek-r1:free", "canonical_slug": "deepseek/deepseek-r1", "name": "DeepSeek: R1 (free)",
               "created": 1737381095, "description": "DeepSeek R1.", "context_length": 163840,
               "architecture": {"modality": "text->text", "input_modalities": ["text"], "output_modalities": ["text"],
                                "tokenizer": "DeepSeek", "instruct_type": "deepseek-r1"},
               "pricing": {"prompt": "0", "completion": "0"},
               "top_provider": {"context_length": 163840, "max_completion_tokens": null, "is_moderated": false},
               "per_request_limits": null,
               "supported_parameters": ["include_reasoning", "max_tokens", "reasoning", "temperature"]},
              {"id": "openrouter/auto", "canonical_slug": "openrouter/auto", "name": "Auto Router", "created": 1699401600,
               "description": "Picks a model for each prompt.", "context_length": 2000000,
               "architecture": {"modality": "text+image->text", "input_modalities": ["text", "image"],
                                "output_modalities": ["text"], "tokenizer": "Router", "instruct_type": null},
               "pricing": {"prompt": "-1", "completion": "-1"},
               "top_provider": {"context_length": null, "max_completion_tokens": null, "is_moderated": false},
               "per_request_limits": null}]}
            """;

    /** Ollama's {@code GET /api/tags}: installed models with size and build, nothing about limits. */
    static final String OLLAMA = """
            {"models": [
              {"name": "llama3.2:latest", "model": "llama3.2:latest", "modified_at": "2025-05-04T17:37:44.706015396-07:00",
               "size": 2019393189, "digest": "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72",
               "details": {"parent_model": "", "format": "gguf", "family": "llama", "families": ["llama"],
                           "parameter_size": "3.2B", "quantization_level": "Q4_K_M"}},
              {"name": "qwen3:8b", "model": "qwen3:8b", "modified_at": "2025-04-30T09:12:01.1202-07:00",
               "size": 5225388164, "digest": "500a1f067a9f782620b40bee6f7b0c89e17ae61f686b92c24933e4ca4b2b8b41",
               "details": {"parent_model": "", "format": "gguf", "family": "qwen3", "families": ["qwen3"],
                           "parameter_size": "8.2B", "quantization_level": "Q4_K_M"}}]}
            """;

    /** An OpenAI-compatible server's {@code GET /v1/models} (vLLM's, with its own extra fields). */
    static final String OPENAI = """
            {"object": "list", "data": [
              {"id": "meta-llama/Llama-3.1-8B-Instruct", "object": "model", "created": 1727000000, "owned_by": "vllm",
               "root": "meta-llama/Llama-3.1-8B-Instruct", "parent": null, "max_model_len": 131072,
               "permission": [{"id": "modelperm-1", "object": "model_permission", "allow_sampling": true}]},
              {"id": "text-embedding-3-small", "object": "model", "created": 1705948997, "owned_by": "system"}]}
            """;

    private ModelListFixtures() {
    }
}
