package dev.pryx.net.probe;

import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * The sentences for {@link ProbeResult#message(String)} and {@link ProbeResult#hint(String)}: what
 * was found (naming the provider, the host or the proxy, and the status), and what to do about it
 * (a command with the provider's id where pryx can fix it, else where to look).
 */
final class Wording {
    private Wording() {
    }

    static String message(ProbeResult r, String name) {
        String status = r.httpStatus() > 0 ? " (" + r.httpStatus() + ")" : "";
        String detail = r.detail();
        String at = authority(r.endpoint());
        return switch (r.verdict()) {
            case OK -> okMessage(r, name, at);
            case INVALID_KEY -> r.httpStatus() == 0
                    ? sentence("The key cannot be sent: "
                            + (detail == null ? "it holds characters an HTTP header cannot carry" : clause(detail)))
                    : sentence(name + " rejected the key" + status + withDetail(detail));
            case KEY_REQUIRED -> sentence(name + " at " + at + " asks for a key" + status + ", and none is set" + withDetail(detail));
            case NO_PERMISSION -> sentence(name + " refused access with this key" + status + withDetail(detail));
            case WRONG_BASE_URL -> r.httpStatus() / 100 == 3
                    ? name + " redirects " + r.endpoint() + (detail == null ? " elsewhere" : " to " + clause(detail)) + status
                            + ", so the base URL looks outdated (pryx does not follow redirects with a key)."
                    : name + " has nothing at " + r.endpoint() + status + ", so the base URL looks wrong.";
            case RATE_LIMITED -> sentence(name + " is rate-limiting " + (r.keySent() ? "this key" : "requests") + status
                    + (r.retryAfter() == null ? "" : " and asks to wait " + humanize(r.retryAfter())) + withDetail(detail));
            case PROVIDER_ERROR -> sentence(name + " failed on its side with a server error" + status + withDetail(detail));
            case DNS_FAILURE -> "The host name " + host(r.endpoint()) + " could not be found (the DNS lookup failed).";
            case CONNECTION_REFUSED -> sentence("Could not connect to " + at + ": "
                    + (detail == null ? "the connection was refused" : clause(detail)));
            case TLS_FAILURE -> sentence("The secure connection (TLS) to " + at + " failed: "
                    + (detail == null ? "the handshake did not complete" : clause(detail)));
            case TIMEOUT -> sentence("The test of " + at + " timed out: " + (detail == null ? "no answer in time" : clause(detail)));
            case PROXY_FAILURE -> sentence("The connection failed at the proxy: "
                    + (detail == null ? "it could not be used" : clause(detail)));
            case CONNECTION_FAILED -> sentence("The connection to " + at + " broke before a complete answer arrived"
                    + withDetail(detail));
            case UNEXPECTED_RESPONSE -> r.httpStatus() / 100 == 2
                    ? sentence(name + " answered" + status + ", but not with the JSON pryx expects: "
                            + (detail == null ? "its shape is wrong" : clause(detail)))
                    : sentence(name + " answered with an unexpected status" + status + withDetail(detail));
        };
    }

    static String hint(ProbeResult r, String id) {
        ProbeKind kind = r.kind();
        String setBaseUrl = "`pryx provider set-config " + id + " --base-url URL`";
        return switch (r.verdict()) {
            case OK -> "Nothing to do: it is ready to use.";
            case INVALID_KEY -> r.httpStatus() == 0
                    ? "Set the key again with `pryx provider set-key " + id + "`, pasting only the key itself."
                    : "Check that the key was copied whole and belongs to this provider, or create a new key in the "
                            + "provider's console and run `pryx provider set-key " + id + "`.";
            case KEY_REQUIRED -> "Create a key (at the provider, or in the server's own settings) and store it with "
                    + "`pryx provider set-key " + id + "`.";
            case NO_PERMISSION -> switch (kind) {
                case GEMINI_MODELS -> "In the Google Cloud console, check that the Generative Language API is enabled for "
                        + "the key's project and that the key's API and IP restrictions allow it.";
                case OLLAMA -> "Check the access rules of whatever guards this Ollama server (a reverse proxy, or its "
                        + "OLLAMA_ORIGINS setting).";
                default -> "Check the key's permissions in the provider's console (a restricted key needs read access "
                        + "to models; some providers also limit regions or IP addresses), or use a key with full access.";
            };
            case WRONG_BASE_URL -> r.httpStatus() / 100 == 3
                    ? "Set the address it redirects to with " + setBaseUrl + " (often https:// instead of http://)."
                    : "Set the API's base URL with " + setBaseUrl + " (for example " + kind.exampleBaseUrl() + "; "
                            + kind.baseUrlTip() + ").";
            case RATE_LIMITED -> "Wait " + (r.retryAfter() == null ? "a minute" : humanize(r.retryAfter()))
                    + " and test again; if it keeps happening, check the account's rate limits, quota and billing.";
            case PROVIDER_ERROR -> kind == ProbeKind.OLLAMA
                    ? "Check the Ollama server's log (the output of `ollama serve`), then test again."
                    : "Try again in a few minutes; if it persists, check the provider's status page.";
            case DNS_FAILURE -> "Check the base URL for a typo, and that this machine is online and can resolve names "
                    + "(a VPN or a DNS filter may block it).";
            case CONNECTION_REFUSED -> kind == ProbeKind.OLLAMA
                    ? "Start Ollama (`ollama serve`, or the desktop app), or fix the port in the base URL "
                            + "(Ollama listens on 11434 by default)."
                    : "Check the host and port in the base URL; a local server must be running, and a firewall may "
                            + "block the port.";
            case TLS_FAILURE -> "If the server speaks plain HTTP, use http:// in the base URL; otherwise check this machine's "
                    + "clock and, behind a company proxy or antivirus that inspects HTTPS, add its CA certificate with "
                    + "`pryx network set --ca-bundle FILE`.";
            case TIMEOUT -> "Check the network (VPN, firewall, proxy settings) and test again; if the provider is only "
                    + "slow, try again later.";
            case PROXY_FAILURE -> "Check the proxy in force (`pryx network show`: pryx's own setting, else HTTPS_PROXY or "
                    + "HTTP_PROXY) and NO_PROXY, or remove it if this network needs none; pryx does not send proxy "
                    + "credentials yet.";
            case CONNECTION_FAILED -> "Test again; if it keeps failing, check the base URL's scheme and port (http or "
                    + "https) and whether a VPN or firewall cuts the connection.";
            case UNEXPECTED_RESPONSE -> r.httpStatus() / 100 == 2
                    ? "Check with " + setBaseUrl + " that the base URL points at the API itself (for example "
                            + kind.exampleBaseUrl() + "), not a web page; a captive portal (hotel or airport Wi-Fi) "
                            + "can answer like this too."
                    : "Check the base URL with " + setBaseUrl + " and test again; the detail says what the server "
                            + "objected to.";
        };
    }

    private static String okMessage(ProbeResult r, String name, String at) {
        StringBuilder s = new StringBuilder(name);
        s.append(r.keySent() ? " accepted the key" : " answers at " + at);
        if (r.modelCount() != null) {
            s.append(" and lists ").append(r.modelCount()).append(r.modelCount() == 1 ? " model" : " models");
        }
        if (r.detail() != null) {
            s.append(" (").append(clause(r.detail())).append(')');
        }
        return s.append('.').toString();
    }

    private static String withDetail(String detail) {
        return detail == null ? "" : ": " + clause(detail);
    }

    /**
     * Our sentence, ended: a full stop, unless the detail it ends with already ends a sentence
     * ("Sorry about that!", "Is the key right?", "Loading...") and another stop would read as
     * "that!." or "....".
     */
    private static String sentence(String text) {
        return endsSentence(text) ? text : text + ".";
    }

    private static boolean endsSentence(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '\u2026';
    }

    /**
     * A detail inside our sentence: without its own final full stop (an ellipsis is kept, being
     * part of what was said). A "!" or "?" stays, and {@link #sentence} then adds no stop.
     */
    private static String clause(String detail) {
        String d = detail.strip();
        while (d.endsWith(".") && !d.endsWith("...")) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    /** {@code host:port} of the endpoint (brackets around IPv6), which never carries user info. */
    static String authority(String endpoint) {
        HttpUrl url = endpoint == null ? null : HttpUrl.parse(endpoint);
        if (url == null) {
            return "the server";
        }
        return (url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host()) + ":" + url.port();
    }

    private static String host(String endpoint) {
        HttpUrl url = endpoint == null ? null : HttpUrl.parse(endpoint);
        return url == null ? "of the server" : url.host();
    }

    /** "1 second", "45 seconds", "3 minutes" (rounded up), "2 hours". */
    static String humanize(Duration d) {
        long s = Math.max(1, d.getSeconds() + (d.getNano() > 0 ? 1 : 0));
        if (s < 120) {
            return s + (s == 1 ? " second" : " seconds");
        }
        long m = (s + 59) / 60;
        if (m < 120) {
            return m + " minutes";
        }
        return (m + 59) / 60 + " hours";
    }
}
