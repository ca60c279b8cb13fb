package dev.pryx.vault;

import dev.pryx.support.Secret;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a credential: an API key, or a set of OAuth tokens. Secret parts are
 * {@link Secret}s owned by this object and wiped when the vault contents are closed; plain
 * attributes (expiry, token type, scopes) sit beside them.
 *
 * @param version    1 for the first, one more for each rotation
 * @param kind       what it is, e.g. {@code api_key} or {@code oauth2}
 * @param secrets    named secret parts, e.g. {@code key}, or {@code access_token} and {@code refresh_token}
 * @param attributes named plain values; never secret
 */
public record CredentialVersion(int version, String kind, Instant createdAt, Map<String, Secret> secrets,
                                Map<String, String> attributes) implements AutoCloseable {

    public CredentialVersion {
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public Optional<Secret> secret(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    /** A deep copy whose secrets have their own lifetime. */
    public CredentialVersion copy() {
        Map<String, Secret> copies = new LinkedHashMap<>();
        secrets.forEach((k, v) -> copies.put(k, v.copy()));
        return new CredentialVersion(version, kind, createdAt, copies, attributes);
    }

    @Override
    public void close() {
        secrets.values().forEach(Secret::close);
    }

    @Override
    public String toString() {
        return "CredentialVersion[version=" + version + ", kind=" + kind + ", secrets=" + secrets.keySet() + "]";
    }
}
