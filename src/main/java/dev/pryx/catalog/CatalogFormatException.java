package dev.pryx.catalog;

import java.io.IOException;

/**
 * A catalog or overlay document that cannot be used. The message names what is wrong ("provider
 * 'acme' has no 'models' object") in words a person can check against the file; it never quotes
 * more of the document than an id.
 */
public final class CatalogFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    CatalogFormatException(String message) {
        super(message);
    }

    CatalogFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
