package dev.pryx.provider;

import dev.pryx.support.Environment;
import dev.pryx.support.PryxException;
import dev.pryx.support.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds the vault passphrase: {@code PRYX_VAULT_PASSPHRASE}, then the first line of the file
 * named by {@code PRYX_VAULT_PASSPHRASE_FILE}, then a masked prompt (typed twice when it will
 * protect a new vault). Without any of these the vault cannot be opened (exit 3).
 */
public final class PassphraseSource {
    public static final String PASSPHRASE_VARIABLE = "PRYX_VAULT_PASSPHRASE";
    public static final String PASSPHRASE_FILE_VARIABLE = "PRYX_VAULT_PASSPHRASE_FILE";
    static final int WEAK_BELOW = 10;
    private static final int PROMPT_ATTEMPTS = 3;

    private final Environment env;
    private final SecretInput input;

    public PassphraseSource(Environment env, SecretInput input) {
        this.env = env;
        this.input = input;
    }

    /** The passphrase of an existing vault. */
    public Secret current() {
        Optional<Secret> configured = configured();
        if (configured.isPresent()) {
            return configured.get();
        }
        if (input.interactive()) {
            return input.prompt("Vault passphrase");
        }
        throw noSource();
    }

    /** The passphrase for a vault about to be created: typed twice when prompted. */
    public Secret forNewVault() {
        Optional<Secret> configured = configured();
        if (configured.isPresent()) {
            return checked(configured.get());
        }
        if (input.interactive()) {
            return promptTwice("New vault passphrase");
        }
        throw noSource();
    }

    /** A replacement passphrase: typed twice on a terminal, else the first line of stdin. */
    public Secret replacement() {
        if (input.interactive()) {
            return promptTwice("New vault passphrase");
        }
        return checked(input.firstLine());
    }

    /** Whether the environment supplies the passphrase, so no one needs to be asked. */
    public boolean isConfigured() {
        String direct = env.get(PASSPHRASE_VARIABLE);
        return direct != null && !direct.isEmpty() || env.value(PASSPHRASE_FILE_VARIABLE).isPresent();
    }

    /** A new vault's passphrase collected by a face (typed twice there): checked like a prompted one. */
    Secret checkedNew(Secret passphrase) {
        return checked(passphrase);
    }

    /**
     * A one-line strength hint for a new passphrase while it is typed. Length is what counts
     * against guessing; Argon2id slows each guess but cannot make a short passphrase long.
     */
    public static String strengthHint(Secret passphrase) {
        int length = passphrase.length();
        if (length == 0) {
            return "Type a passphrase: a few random words are easy to remember and hard to guess.";
        }
        if (length < WEAK_BELOW) {
            return "Weak: under " + WEAK_BELOW + " characters. A few random words are stronger.";
        }
        if (length < 2 * WEAK_BELOW) {
            return "Fair: " + length + " characters. Longer is stronger.";
        }
        return "Strong: " + length + " characters.";
    }

    private Optional<Secret> configured() {
        String direct = env.get(PASSPHRASE_VARIABLE);
        if (direct != null && !direct.isEmpty()) {
            return Optional.of(Secret.adopt(direct.toCharArray()));
        }
        Optional<String> file = env.value(PASSPHRASE_FILE_VARIABLE);
        if (file.isPresent()) {
            return Optional.of(readFirstLine(Path.of(file.get())));
        }
        return Optional.empty();
    }

    private Secret promptTwice(String label) {
        for (int attempt = 1; attempt <= PROMPT_ATTEMPTS; attempt++) {
            Secret first = input.prompt(label);
            if (first.isEmpty()) {
                first.close();
                input.notice("The passphrase cannot be empty.");
                continue;
            }
            try (Secret second = input.prompt("Repeat the passphrase")) {
                if (first.sameAs(second)) {
                    return checked(first);
                }
            }
            first.close();
            input.notice("The two passphrases differ; try again.");
        }
        throw new PryxException(PryxException.Kind.USAGE, "The passphrases did not match. Nothing was changed.");
    }

    private Secret checked(Secret passphrase) {
        if (passphrase.isEmpty()) {
            passphrase.close();
            throw new PryxException(PryxException.Kind.USAGE,
                    "The new passphrase is empty. Give a passphrase of at least a few words.");
        }
        if (passphrase.length() < WEAK_BELOW) {
            input.notice("Note: a passphrase under " + WEAK_BELOW
                    + " characters is weak; a few random words are stronger.");
        }
        return passphrase;
    }

    private static Secret readFirstLine(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PryxException(PryxException.Kind.VAULT, "The passphrase file " + file
                    + " (from " + PASSPHRASE_FILE_VARIABLE + ") does not exist. Fix the path and try again.");
        } catch (IOException e) {
            throw new PryxException(PryxException.Kind.VAULT, "The passphrase file " + file
                    + " cannot be read (" + e.getClass().getSimpleName() + "). Check its permissions.");
        }
        try {
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
            return Secret.fromUtf8(bytes, 0, end);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static PryxException noSource() {
        return new PryxException(PryxException.Kind.VAULT, "No vault passphrase is available: set "
                + PASSPHRASE_VARIABLE + " or " + PASSPHRASE_FILE_VARIABLE + ", or run pryx on a terminal to be asked.");
    }
}
