package dev.pryx.provider;

/**
 * The provider, model and key reference in force for this process, each with where it came from.
 */
public record ActiveSelection(Value provider, Value model, Value keyRef) {
    /**
     * @param value  the value, or null when nothing is chosen
     * @param source {@code flag}, {@code env PRYX_...}, {@code config}, or {@code none}
     */
    public record Value(String value, String source) {
    }
}
