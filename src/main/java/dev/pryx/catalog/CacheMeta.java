package dev.pryx.catalog;

import dev.pryx.support.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What is known about the cached catalog file beside it ({@code models-dev.meta.json}): where it
 * came from, its ETag for the next conditional fetch, when it was fetched, what that refresh
 * changed, and the file's size and SHA-256, so that a catalog file that does not belong to its
 * metadata (a write cut short, a hand edit) is noticed rather than trusted.
 */
record CacheMeta(int schema, String url, String etag, Instant fetchedAt, long size, String sha256,
                 CatalogInfo.Change lastChange) {
    static final int SCHEMA = 1;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    byte[] toJson() throws IOException {
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    }

    static CacheMeta fromJson(byte[] json) throws IOException {
        CacheMeta m = Json.mapper().readValue(json, CacheMeta.class);
        if (m == null) {
            throw new CatalogFormatException("the metadata is empty");
        }
        if (m.schema() != SCHEMA) {
            throw new CatalogFormatException("the metadata has schema " + m.schema() + "; this pryx reads " + SCHEMA);
        }
        if (m.url() == null || m.fetchedAt() == null || m.size() < 0 || m.sha256() == null
                || !SHA256.matcher(m.sha256()).matches()) {
            throw new CatalogFormatException("the metadata lacks the url, fetch time, size or checksum");
        }
        CatalogInfo.Change c = m.lastChange();
        if (c != null) {
            c = new CatalogInfo.Change(orEmpty(c.addedProviders()), orEmpty(c.removedProviders()),
                    orEmpty(c.addedModels()), orEmpty(c.removedModels()));
        }
        return new CacheMeta(m.schema(), m.url(), m.etag(), m.fetchedAt(), m.size(), m.sha256(), c);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
