package dev.pryx.support;

import java.util.Map;
import java.util.Optional;

/**
 * The process environment, injectable so that tests never depend on (or leak into) the real one.
 */
@FunctionalInterface
public interface Environment {
    /** The variable's value, or {@code null} when unset. */
    String get(String name);

    /** The variable's value when set and not blank. */
    default Optional<String> value(String name) {
        String v = get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    static Environment system() {
        return System::getenv;
    }

    static Environment of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return copy::get;
    }
}
