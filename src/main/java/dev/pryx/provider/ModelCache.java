package dev.pryx.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pryx.net.models.LiveModel;
import dev.pryx.support.Json;
import dev.pryx.support.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last live model list of each provider instance, one file each under the cache directory
 * ({@code models/<id>.json}, 0600). It holds what the provider said (not the merged view), so that
 * a refreshed catalog or an edited overrides file applies at once, without a fetch. It holds no
 * secret: no key, and not even the base URL (whose path or query could carry a token), only its
 * SHA-256, to tell a list of another server from this one's.
 *
 * <p>A cache is a convenience: a file that cannot be read, is damaged, or belongs to another
 * server or list kind is ignored (and logged), and one that cannot be written costs the next call
 * a fetch. Neither is ever an error.
 */
final class ModelCache {
    static final String DIRECTORY = "models";
    static final int FORMAT = 1;
    /**
     * Larger is damaged: a list is at most 16 MiB before it is read, and the cache keeps far less
     * of each model than the provider sends.
     */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    /** Looked up when first needed: initialising logging is too slow for start-up to pay up front. */
    private static Logger log() {
        return LoggerFactory.getLogger(ModelCache.class);
    }

    /**
     * One provider's last live list.
     *
     * @param format        {@link #FORMAT}; another number is ignored as damaged
     * @param provider      the provider instance id (checked against the file name)
     * @param kind          which list it is ({@code openrouter}, {@code ollama}, {@code openai-compatible})
     * @param baseUrlSha256 the SHA-256 of the base URL it was fetched from, lower-case hex
     * @param fetchedAt     when it was fetched
     * @param models        what the provider listed, in its order
     */
    record Entry(int format, String provider, String kind, String baseUrlSha256, Instant fetchedAt,
                 List<LiveModel> models) {
        /** Whether it is this provider's list, of this kind, from this base URL. */
        boolean matches(String id, String listKind, String baseUrl) {
            return id.equals(provider) && listKind.equals(kind) && fingerprint(baseUrl).equals(baseUrlSha256);
        }
    }

    private final Path directory;

    /** @param cacheRoot pryx's cache directory ({@code PryxPaths.cache()}) */
    ModelCache(Path cacheRoot) {
        this.directory = cacheRoot.resolve(DIRECTORY);
    }

    Path file(String providerId) {
        return directory.resolve(providerId + ".json");
    }

    /** The cached list, or empty when there is none or it cannot be used (logged). */
    Optional<Entry> read(String providerId) {
        Path file = file(providerId);
        try {
            if (Files.size(file) > MAX_BYTES) {
                return damaged(file, "it is over " + MAX_BYTES / (1024 * 1024) + " MiB");
            }
            Entry e = Json.mapper().readValue(Files.readAllBytes(file), Entry.class);
            if (e == null || e.format() != FORMAT || e.provider() == null || e.kind() == null || e.baseUrlSha256() == null
                    || e.fetchedAt() == null || e.models() == null) {
                return damaged(file, "a field is missing or of another format version");
            }
            for (LiveModel m : e.models()) {
                if (m == null || m.id() == null || m.id().isBlank()) {
                    return damaged(file, "a model has no id");
                }
            }
            return Optional.of(e);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return damaged(file, "it is not the JSON pryx writes (" + e.getOriginalMessage() + ")");
        } catch (IOException | UncheckedIOException e) {
            log().warn("Could not read the model list cache {}: {}; fetching the list again.", file, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Stores the list in place of the previous one, atomically and 0600 (a reader sees the old
     * list or the new one, never half of one); a failure is logged, never thrown.
     */
    void write(Entry entry) {
        Path file = file(entry.provider());
        try {
            PrivateFiles.writeAtomically(file, Json.mapper().writeValueAsBytes(entry));
        } catch (IOException | UncheckedIOException e) {
            log().warn("Could not write the model list cache {}: {}; the next listing fetches again.", file, e.toString());
        }
    }

    /**
     * Deletes the provider's cached list, when there is one. Called when the provider is removed:
     * a provider added later under the same id (and perhaps the same server) must fetch its own
     * list, not inherit this one. A failure is logged, never thrown; the stale file then costs at
     * most a list shown until the next fetch replaces it.
     */
    void delete(String providerId) {
        Path file = file(providerId);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log().warn("Could not delete the model list cache {} of a removed provider: {}; delete it by hand.", file,
                    e.toString());
        }
    }

    /** The SHA-256 of a base URL, lower-case hex. */
    static String fingerprint(String baseUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(baseUrl).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Optional<Entry> damaged(Path file, String why) {
        log().warn("Ignoring the model list cache {}: {}; fetching the list again.", file, why);
        return Optional.empty();
    }
}
