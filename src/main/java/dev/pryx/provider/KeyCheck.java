package dev.pryx.provider;

/**
 * A verdict on a key as it is being typed or pasted, for live validation in a face.
 *
 * @param level   {@code ERROR}: it would be refused; {@code WARNING}: it would be stored with a
 *                warning (refused with {@code --strict}); {@code OK}: nothing to say against it
 * @param message one sentence for the person; never contains the key
 */
public record KeyCheck(Level level, String message) {
    public enum Level {
        OK, WARNING, ERROR
    }
}
