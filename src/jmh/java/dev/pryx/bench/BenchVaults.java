package dev.pryx.bench;

import dev.pryx.support.Secret;
import dev.pryx.vault.VaultContents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * What the benchmarks share: a vault's worth of realistic, fake provider configs and API keys
 * (always the same, from a fixed seed), a throw-away directory, and the passphrase.
 */
public final class BenchVaults {
    /** The record collection that provider configs live in. */
    public static final String PROVIDERS = "providers";
    /** The size the issue asks about: 200 providers, each with one API key. */
    public static final int PROVIDER_COUNT = 200;
    public static final long SEED = 20_250_101L;

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final String[][] KNOWN = {
        {"openai", "OpenAI", "https://api.openai.com/v1", "gpt-4o-mini"},
        {"anthropic", "Anthropic", "https://api.anthropic.com/v1", "claude-sonnet-4-5"},
        {"google", "Google", "https://generativelanguage.googleapis.com/v1beta", "gemini-2.5-flash"},
        {"mistral", "Mistral", "https://api.mistral.ai/v1", "mistral-large-latest"},
        {"groq", "Groq", "https://api.groq.com/openai/v1", "llama-3.3-70b-versatile"},
        {"deepseek", "DeepSeek", "https://api.deepseek.com", "deepseek-chat"},
        {"openrouter", "OpenRouter", "https://openrouter.ai/api/v1", "openai/gpt-4o"},
        {"xai", "xAI", "https://api.x.ai/v1", "grok-3"},
        {"togetherai", "Together AI", "https://api.together.xyz/v1", "meta-llama/Llama-3.3-70B-Instruct-Turbo"},
        {"fireworks-ai", "Fireworks AI", "https://api.fireworks.ai/inference/v1", "accounts/fireworks/models/llama-v3p1-8b-instruct"},
    };
    private static final char[] KEY_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-".toCharArray();

    private BenchVaults() {
    }

    /**
     * A provider config as the provider manager stores it (snake_case on disk through the
     * project's JSON mapper). Holds a reference to its key, never the key.
     */
    public record ProviderRecord(String id, String name, boolean enabled, String apiKeyRef, String model,
                                 String baseUrl, Instant createdAt, Instant updatedAt) {
    }

    /** The id of provider {@code i}: a real-looking one for the first few, then numbered custom ones. */
    public static String providerId(int i) {
        return i < KNOWN.length ? KNOWN[i][0] : String.format("custom-%03d", i);
    }

    public static List<String> providerIds() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PROVIDER_COUNT; i++) {
            ids.add(providerId(i));
        }
        return ids;
    }

    /** Adds {@link #PROVIDER_COUNT} provider records and as many API keys (one version each). */
    public static void fill(VaultContents contents) {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < PROVIDER_COUNT; i++) {
            String id = providerId(i);
            Instant created = START.plusSeconds(3_600L * i);
            String keyName = "api_key/" + id;
            ProviderRecord record = i < KNOWN.length
                    ? new ProviderRecord(id, KNOWN[i][1], true, keyName, KNOWN[i][3], KNOWN[i][2], created, created)
                    : new ProviderRecord(id, "Custom endpoint " + i, random.nextInt(4) != 0, keyName,
                    "model-" + random.nextInt(1_000), "https://llm-" + i + ".example.com/v1", created, created);
            contents.putRecord(PROVIDERS, id, record);
            contents.putCredential(keyName, "api_key", created, Map.of("key", fakeKey(random)),
                    Map.of("provider", id, "source", "paste"), VaultContents.DEFAULT_KEPT_VERSIONS);
        }
    }

    /** The record with a new model and update time: the kind of edit a user makes most. */
    public static ProviderRecord edited(ProviderRecord p, long n) {
        return new ProviderRecord(p.id(), p.name(), p.enabled(), p.apiKeyRef(), p.model().endsWith("-b")
                ? p.model().substring(0, p.model().length() - 2) : p.model() + "-b",
                p.baseUrl(), p.createdAt(), START.plusSeconds(1_000_000L + n));
    }

    /** A fake key between 40 and 164 characters, the range of real providers' key lengths. */
    private static Secret fakeKey(SplittableRandom random) {
        char[] prefix = "sk-test-".toCharArray();
        char[] key = new char[prefix.length + 32 + random.nextInt(125)];
        System.arraycopy(prefix, 0, key, 0, prefix.length);
        for (int i = prefix.length; i < key.length; i++) {
            key[i] = KEY_ALPHABET[random.nextInt(KEY_ALPHABET.length)];
        }
        return Secret.adopt(key);
    }

    /** The benchmarks' passphrase (fake); the caller closes it. */
    public static Secret passphrase() {
        return Secret.adopt("bench passphrase: correct horse battery staple".toCharArray());
    }

    /** A fresh private directory under {@code java.io.tmpdir} (0700, as createTempDirectory makes it). */
    public static Path newDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes {@code dir} and everything in it. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
