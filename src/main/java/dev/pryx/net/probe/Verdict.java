package dev.pryx.net.probe;

/**
 * What a connection test found: one constant per cause a user can act on, so that a face can
 * show {@link ProbeResult#message(String)} and {@link ProbeResult#hint(String)} (or pick its own
 * words per constant) without reading exceptions or status codes.
 */
public enum Verdict {
    /** The provider answered with what the kind expects (and accepted the key, when one was sent). */
    OK,
    /**
     * The key was refused: 401 (or Gemini's 400 {@code API_KEY_INVALID}), or, with HTTP status 0,
     * the key could not even be sent (empty, or characters an HTTP header cannot carry).
     */
    INVALID_KEY,
    /** No key was sent and the server asks for one (401 or 403). */
    KEY_REQUIRED,
    /** The key was sent but lacks a permission (403). */
    NO_PERMISSION,
    /** Nothing at the tested path (404, 410) or a redirect elsewhere (3xx, never followed). */
    WRONG_BASE_URL,
    /** 429; {@link ProbeResult#retryAfter()} says how long to wait when the provider said so. */
    RATE_LIMITED,
    /** The provider failed on its side (5xx, including Anthropic's 529 "overloaded"). */
    PROVIDER_ERROR,
    /** The base URL's host name does not resolve. */
    DNS_FAILURE,
    /** Nothing accepts connections at the host and port (refused, no route, port unreachable). */
    CONNECTION_REFUSED,
    /** The TLS handshake failed: untrusted or mismatched certificate, or no TLS on that port. */
    TLS_FAILURE,
    /** No connection or no complete answer within the probe's timeouts (or the server sent 408). */
    TIMEOUT,
    /**
     * The configured proxy is the problem: it could not be resolved or reached, did not answer,
     * asked for credentials (407), or refused to open a tunnel. Told apart from
     * {@link #CONNECTION_REFUSED} by where the failure happened, not by the exception's type: see
     * {@link ConnectionProbe}.
     */
    PROXY_FAILURE,
    /** The connection broke before a complete answer arrived (reset, closed mid-answer). */
    CONNECTION_FAILED,
    /** A 2xx whose body is not the expected JSON, or a status code none of the above covers. */
    UNEXPECTED_RESPONSE
}
