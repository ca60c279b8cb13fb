package dev.pryx.catalog;

import java.util.Locale;

/** How a provider authenticates. Serialised as its lower-case wire name ({@code api_key}, ...). */
public enum AuthType {
    API_KEY,
    OAUTH2,
    NONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type for a wire name, or null when unknown. */
    public static AuthType fromWireName(String name) {
        for (AuthType t : values()) {
            if (t.wireName().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
