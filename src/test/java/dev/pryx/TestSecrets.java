package dev.pryx;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The fake secrets tests use, in one place, so that {@code SecretLeakIT} can look for each of them
 * in clear in everything the suite wrote (state directories, temp dirs, logs).
 */
public final class TestSecrets {
    public static final String PASSPHRASE = "test-passphrase-LEAKCHECK-7f3a";
    public static final String OTHER_PASSPHRASE = "test-other-passphrase-LEAKCHECK-91c2";
    public static final String API_KEY = "sk-test-LEAKCHECK-4b9e2d7a0c1f";
    public static final String OTHER_API_KEY = "sk-test-LEAKCHECK-second-8d1c";

    /** Every secret-looking value a test may store: these patterns must never appear in clear on disk. */
    public static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("LEAKCHECK"),
            Pattern.compile("sk-test-[A-Za-z0-9_-]{4,}"),
            Pattern.compile("sk-golden-[A-Za-z0-9_-]{4,}"),
            Pattern.compile("golden-vault-passphrase"));

    private TestSecrets() {
    }
}
