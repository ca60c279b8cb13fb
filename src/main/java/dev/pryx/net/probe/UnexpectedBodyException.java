package dev.pryx.net.probe;

import java.io.IOException;

/**
 * A body that is JSON, but not the shape a {@link BodyReader} expects. The message is a phrase
 * for a detail ("the JSON has no \"data\" list"); it goes through redaction before anyone sees it.
 */
public final class UnexpectedBodyException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnexpectedBodyException(String problem) {
        super(problem);
    }
}
