package dev.pryx.net.probe;

import java.io.IOException;

/**
 * Reads the body of a 2xx answer for {@link ConnectionProbe#fetch}. It runs inside the fetch,
 * while the key is still at hand, so whatever its failure says is redacted like every other
 * detail.
 *
 * @param <T> what the body is read into
 */
@FunctionalInterface
public interface BodyReader<T> {
    /**
     * @param body the whole body, never empty or blank (those are refused before the reader runs)
     * @return what the body says; never null
     * @throws UnexpectedBodyException when the body is JSON but not the shape expected; its
     *                                 message becomes the result's detail
     * @throws IOException             when the body is not JSON at all (any parser exception)
     */
    T read(byte[] body) throws IOException;
}
