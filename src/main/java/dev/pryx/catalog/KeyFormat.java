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
}
