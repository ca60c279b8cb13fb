package dev.pryx.provider;

import dev.pryx.support.PlainText;
import dev.pryx.support.PryxException;
import java.util.regex.Pattern;

/** Provider instance ids ({@code [a-z0-9][a-z0-9._-]{0,63}}) and vault references ({@code vault:<name>}). */
final class ProviderIds {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final String VAULT_PREFIX = "vault:";

    private ProviderIds() {
    }

    /** The id, or a usage error naming what is wrong with it (printably, clipped). */
    static String check(String id) {
        if (id == null || !ID.matcher(id).matches() || id.equals(".") || id.contains("..")) {
            throw new PryxException(PryxException.Kind.USAGE, "'" + printable(id) + "' is not a valid provider id: use 1 to 64 "
                    + "lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        return id;
    }

    /** The credential name in a {@code vault:<name>} reference. */
    static String credentialName(String ref) {
        if (ref == null || !ref.startsWith(VAULT_PREFIX)) {
            throw new PryxException(PryxException.Kind.USAGE, "'" + printable(ref) + "' is not a vault reference: write vault:<name>.");
        }
        return check(ref.substring(VAULT_PREFIX.length()));
    }

    /** Text safe to echo in a one-line message: control characters shown as '?', at most 40 characters. */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(40).forEach(c -> b.appendCodePoint(PlainText.isUnprintable(c) ? '?' : c));
        return s.codePointCount(0, s.length()) > 40 ? b + "..." : b.toString();
    }
}
