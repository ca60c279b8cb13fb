package dev.pryx.cli;

import dev.pryx.provider.SecretInput;
import dev.pryx.support.Secret;

/** Reads a key the way the contract says: a masked prompt on a terminal, else the first line of stdin. */
final class KeyInput {
    private KeyInput() {
    }

    static Secret read(SecretInput input, String label) {
        return input.interactive() ? input.prompt(label) : input.firstLine();
    }
}
