package dev.pryx.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pryx.support.Json;
import dev.pryx.support.Secret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The typed store inside the vault: credentials with their versions, and plain records grouped in
 * named collections (provider configs, the access policy, settings, the audit anchor). The vault
 * knows nothing about what the records mean; callers map them to their own types.
 *
 * <p>An instance is a working copy: {@link FileVault#update} reloads what other processes saved,
 * then hands a copy to the change, so a change must work from the contents it is given rather
 * than from values read before (which may be out of date).
 */
public final class VaultContents implements AutoCloseable {
    /** Versions kept per credential: the current one plus previous ones for rollback. */
    public static final int DEFAULT_KEPT_VERSIONS = 3;

    private final Map<String, List<CredentialVersion>> credentials = new TreeMap<>();
    private final Map<String, Map<String, JsonNode>> records = new TreeMap<>();

    public VaultContents() {
    }

    // ---- credentials -------------------------------------------------------------------------

    public Set<String> credentialNames() {
        return Collections.unmodifiableSet(credentials.keySet());
    }

    /** The newest version, which is the one in use. */
    public Optional<CredentialVersion> credential(String name) {
        List<CredentialVersion> versions = credentials.get(name);
        return versions == null || versions.isEmpty() ? Optional.empty()
                : Optional.of(versions.get(versions.size() - 1));
    }

    /** Every kept version, oldest first. */
    public List<CredentialVersion> credentialVersions(String name) {
        return Collections.unmodifiableList(credentials.getOrDefault(name, List.of()));
    }

    /**
     * Stores a new current version of a credential, keeping up to {@code keep} versions (older
     * ones are wiped). Takes ownership of the secrets.
     */
    public CredentialVersion putCredential(String name, String kind, Instant now, Map<String, Secret> secrets,
                                           Map<String, String> attributes, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one version");
        }
        List<CredentialVersion> versions = credentials.computeIfAbsent(name, n -> new ArrayList<>());
        int number = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        CredentialVersion added = new CredentialVersion(number, kind, now, secrets, attributes);
        versions.add(added);
        while (versions.size() > keep) {
            versions.remove(0).close();
        }
        return added;
    }

    /**
     * Drops the current version so the previous one is in use again.
     *
     * @return false when there is no previous version to go back to (nothing changes)
     */
    public boolean rollbackCredential(String name) {
        List<CredentialVersion> versions = credentials.get(name);
        if (versions == null || versions.size() < 2) {
            return false;
        }
        versions.remove(versions.size() - 1).close();
        return true;
    }

    /** Removes every version of a credential. */
    public boolean deleteCredential(String name) {
        List<CredentialVersion> versions = credentials.remove(name);
        if (versions == null) {
            return false;
        }
        versions.forEach(CredentialVersion::close);
        return true;
    }

    // ---- records -----------------------------------------------------------------------------

    public Set<String> collections() {
        return Collections.unmodifiableSet(records.keySet());
    }

    public <T> Optional<T> record(String collection, String id, Class<T> type) {
        JsonNode node = records.getOrDefault(collection, Map.of()).get(id);
        return node == null ? Optional.empty() : Optional.of(convert(node, type));
    }

    /** Every record of a collection, by id, in id order. */
    public <T> Map<String, T> records(String collection, Class<T> type) {
        Map<String, T> out = new LinkedHashMap<>();
        records.getOrDefault(collection, Map.of()).forEach((id, node) -> out.put(id, convert(node, type)));
        return out;
    }

    /** Stores {@code value} (any Jackson-mappable object; never a secret) under collection/id. */
    public void putRecord(String collection, String id, Object value) {
        JsonNode node = mapper().valueToTree(value);
        records.computeIfAbsent(collection, c -> new TreeMap<>()).put(id, node);
    }

    public boolean removeRecord(String collection, String id) {
        Map<String, JsonNode> c = records.get(collection);
        if (c == null || c.remove(id) == null) {
            return false;
        }
        if (c.isEmpty()) {
            records.remove(collection);
        }
        return true;
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    /** A deep copy with secrets of its own. */
    public VaultContents copy() {
        VaultContents copy = new VaultContents();
        credentials.forEach((name, versions) -> {
            List<CredentialVersion> vs = new ArrayList<>();
            versions.forEach(v -> vs.add(v.copy()));
            copy.credentials.put(name, vs);
        });
        records.forEach((c, byId) -> {
            Map<String, JsonNode> m = new TreeMap<>();
            byId.forEach((id, node) -> m.put(id, node.deepCopy()));
            copy.records.put(c, m);
        });
        return copy;
    }

    @Override
    public void close() {
        credentials.values().forEach(vs -> vs.forEach(CredentialVersion::close));
        credentials.clear();
        records.clear();
    }

    // Package-private raw access for the payload codec.

    Map<String, List<CredentialVersion>> rawCredentials() {
        return credentials;
    }

    Map<String, Map<String, JsonNode>> rawRecords() {
        return records;
    }

    private static ObjectMapper mapper() {
        return Json.mapper();
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return mapper().treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new VaultException("A stored " + type.getSimpleName()
                    + " record cannot be read by this pryx (" + e.getOriginalMessage() + ").", e);
        }
    }
}
