package dev.pryx.provider;

import dev.pryx.catalog.CatalogProvider;
import dev.pryx.support.PryxException;
import dev.pryx.support.Secret;
import dev.pryx.vault.CredentialVersion;
import dev.pryx.vault.FileVault;
import dev.pryx.vault.VaultContents;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Provider keys in the vault: stored as credentials (kind {@code api_key}, secret part {@code key},
 * the fingerprint as a plain attribute), versioned for rotation and rollback, and read only
 * through the access policy.
 */
final class ProviderKeys {
    static final String KIND = "api_key";
    static final String SECRET_PART = "key";
    static final String FINGERPRINT = "fingerprint";
    /** Not a valid provider id (it has a '/'), so it can never clash with a provider's credential. */
    private static final String FINGERPRINT_KEY = "pryx/fingerprint-key";
    private static final String POLICY_COLLECTION = "policy";
    private static final String POLICY_ID = "default";

    private final SecureRandom random = new SecureRandom();
    private final SecretInput input;
    private final ProviderEvent.Listener events;

    ProviderKeys(SecretInput input, ProviderEvent.Listener events) {
        this.input = input;
        this.events = events;
    }

    /**
     * What can be said about a key while it is typed, before anything is stored: the same rules
     * {@link #prepare} applies, without side effects. Surrounding whitespace is ignored, as
     * {@code prepare} trims it.
     */
    static KeyCheck assess(char[] c, CatalogProvider catalog) {
        int from = trimmedStart(c);
        int to = trimmedEnd(c, from);
        if (from == to) {
            return new KeyCheck(KeyCheck.Level.ERROR, "The key is empty. Paste the whole key; nothing was stored.");
        }
        for (int i = from; i < to; i++) {
            if (Character.isISOControl(c[i]) || Character.isWhitespace(c[i])) {
                return new KeyCheck(KeyCheck.Level.ERROR,
                        "The key contains spaces or control characters inside it. Paste the key alone; nothing was stored.");
            }
        }
        if (catalog != null && catalog.keyFormat() != null && !formatAccepts(catalog, c, from, to)) {
            return new KeyCheck(KeyCheck.Level.WARNING,
                    "The key does not look like " + article(catalog.name()) + " " + catalog.name() + " key ("
                            + catalog.keyFormat().hint() + ").");
        }
        String name = catalog == null ? "the provider's" : catalog.name();
        return new KeyCheck(KeyCheck.Level.OK, catalog != null && catalog.keyFormat() != null
                ? "Looks like " + article(name) + " " + name + " key." : (to - from) + " characters.");
    }

    /** The first character that is not surrounding whitespace ({@code c.length} when all is). */
    private static int trimmedStart(char[] c) {
        int from = 0;
        while (from < c.length && Character.isWhitespace(c[from])) {
            from++;
        }
        return from;
    }

    /** One past the last character that is not surrounding whitespace, never before {@code from}. */
    private static int trimmedEnd(char[] c, int from) {
        int to = c.length;
        while (to > from && Character.isWhitespace(c[to - 1])) {
            to--;
        }
        return to;
    }

    private static boolean formatAccepts(CatalogProvider catalog, char[] c, int from, int to) {
        if (from == 0 && to == c.length) {
            return catalog.keyFormat().accepts(c);
        }
        char[] core = java.util.Arrays.copyOfRange(c, from, to);
        try {
            return catalog.keyFormat().accepts(core);
        } finally {
            java.util.Arrays.fill(core, '\0');
        }
    }

    private static String article(String name) {
        return !name.isEmpty() && "AEIOUaeiou".indexOf(name.charAt(0)) >= 0 ? "an" : "a";
    }

    /**
     * Checks a key before it is stored: surrounding whitespace trimmed (and said), empty refused,
     * a format that does not fit the provider warned about (refused with {@code strict}).
     * Takes ownership of {@code key}; returns the key to store.
     */
    Secret prepare(Secret key, CatalogProvider catalog, boolean strict) {
        char[] c = key.chars();
        KeyCheck check = assess(c, catalog);
        if (check.level() == KeyCheck.Level.ERROR) {
            key.close();
            throw new PryxException(PryxException.Kind.USAGE, check.message());
        }
        int from = trimmedStart(c);
        int to = trimmedEnd(c, from);
        Secret trimmed = key;
        if (from > 0 || to < c.length) {
            trimmed = Secret.copyOf(c, from, to);
            key.close();
            input.notice("Removed spaces or line breaks around the key.");
        }
        if (check.level() == KeyCheck.Level.WARNING) {
            if (strict) {
                trimmed.close();
                throw new PryxException(PryxException.Kind.USAGE, check.message() + " Nothing was stored (--strict).");
            }
            input.notice("Warning: " + check.message() + " Stored anyway; check that it is the right key.");
        }
        return trimmed;
    }

    /** Stores {@code key} as the new current version; takes ownership of it. */
    KeyStatus store(FileVault vault, String providerId, String credential, Secret key, Instant now, String event) {
        vault.update(c -> {
            String fingerprint = KeyFingerprints.of(fingerprintKey(c, now), key);
            c.putCredential(credential, KIND, now, Map.of(SECRET_PART, key), Map.of(FINGERPRINT, fingerprint),
                    VaultContents.DEFAULT_KEPT_VERSIONS);
            return null;
        });
        events.on(new ProviderEvent(event, providerId, null, "ok"));
        return status(vault, providerId, credential, null);
    }

    boolean rollback(FileVault vault, String providerId, String credential) {
        boolean done = vault.update(c -> c.rollbackCredential(credential));
        if (done) {
            events.on(new ProviderEvent("key.rollback", providerId, null, "ok"));
        }
        return done;
    }

    boolean delete(FileVault vault, String providerId, String credential) {
        boolean done = vault.update(c -> c.deleteCredential(credential));
        if (done) {
            events.on(new ProviderEvent("key.delete", providerId, null, "ok"));
        }
        return done;
    }

    boolean isSet(FileVault vault, String credential) {
        return vault.read(c -> c.credential(credential).isPresent());
    }

    KeyStatus status(FileVault vault, String providerId, String credential, String overriddenBy) {
        return vault.read(c -> {
            List<CredentialVersion> versions = c.credentialVersions(credential);
            if (versions.isEmpty()) {
                return new KeyStatus(providerId, false, ProviderIds.VAULT_PREFIX + credential, null, null, null, 0, overriddenBy);
            }
            CredentialVersion current = versions.get(versions.size() - 1);
            Instant rotated = versions.size() > 1 || current.version() > 1 ? current.createdAt() : null;
            return new KeyStatus(providerId, true, ProviderIds.VAULT_PREFIX + credential,
                    current.attributes().get(FINGERPRINT), versions.get(0).createdAt(), rotated, versions.size(), overriddenBy);
        });
    }

    /**
     * The key for {@code scope}, if the policy allows it; an event either way. The caller closes
     * the returned secret.
     */
    Secret read(FileVault vault, String providerId, String credential, Scope scope) {
        AccessPolicy policy = vault.read(c -> c.record(POLICY_COLLECTION, POLICY_ID, AccessPolicy.class))
                .orElse(AccessPolicy.defaults());
        if (!policy.allows(scope, credential)) {
            events.on(new ProviderEvent("scope.denied", providerId, scope.toString(), "denied"));
            throw new PryxException(PryxException.Kind.USAGE, "The scope " + scope + " may not read the key of "
                    + providerId + ". Grant it in the vault's access policy if it should.");
        }
        // Logged before the key is handed out: if recording fails, the key is not handed out.
        events.on(new ProviderEvent("key.read", providerId, scope.toString(), "ok"));
        Optional<Secret> key = vault.read(c -> c.credential(credential)
                .flatMap(v -> v.secret(SECRET_PART)).map(Secret::copy));
        return key.orElseThrow(() -> new PryxException(PryxException.Kind.USAGE, "No key is set for " + providerId
                + ". Set one with `pryx provider set-key " + providerId + "`."));
    }

    void storePolicy(FileVault vault, AccessPolicy policy) {
        vault.update(c -> {
            c.putRecord(POLICY_COLLECTION, POLICY_ID, policy);
            return null;
        });
    }

    /** The vault's fingerprint key, made on first need (inside the same change, so it is saved with it). */
    private byte[] fingerprintKey(VaultContents c, Instant now) {
        Optional<CredentialVersion> existing = c.credential(FINGERPRINT_KEY);
        if (existing.isEmpty()) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            c.putCredential(FINGERPRINT_KEY, "internal", now,
                    Map.of(SECRET_PART, Secret.adopt(HexFormat.of().formatHex(fresh).toCharArray())), Map.of(), 1);
            return fresh;
        }
        return HexFormat.of().parseHex(java.nio.CharBuffer.wrap(existing.get().secret(SECRET_PART).orElseThrow().chars()));
    }
}
