package dev.pryx.catalog;

import java.nio.CharBuffer;
import java.util.regex.Pattern;

/**
 * What a provider's API keys look like, to warn about a key pasted for the wrong provider. Checked
 * on the key's characters directly: the key never becomes a String.
 *
 * @param pattern a regular expression the whole key must match
 * @param hint    how to describe it to a person, e.g. "starts with sk-ant-"
 */
public record KeyFormat(Pattern pattern, String hint) {
    public boolean accepts(char[] key) {
        return pattern.matcher(CharBuffer.wrap(key)).matches();
    }

    // Pattern has identity equality; two formats are the same when their expressions are.
    @Override
    public boolean equals(Object o) {
        return o instanceof KeyFormat k && k.pattern.pattern().equals(pattern.pattern()) && k.hint.equals(hint);
    }

    @Override
    public int hashCode() {
        return 31 * pattern.pattern().hashCode() + hint.hashCode();
    }
}
