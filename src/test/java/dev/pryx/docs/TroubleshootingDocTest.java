package dev.pryx.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.net.probe.ProbeKind;
import dev.pryx.net.probe.ProbeResult;
import dev.pryx.net.probe.Verdict;
import dev.pryx.provider.ConnectionReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/troubleshooting.md} cannot drift from the code: every verdict has its section (by
 * the wire name {@code --json} shows) with the right exit code, and every hint and example
 * message it quotes is what the probe's wording produces today. A verdict added, renamed, moved
 * to another exit code, or a hint reworded, fails here until the page says so.
 */
@DisplayName("docs/troubleshooting.md")
class TroubleshootingDocTest {
    static final Path DOC = Path.of("docs", "troubleshooting.md");
    private static final Pattern VERDICT_HEADING = Pattern.compile("^### `([a-z_]+)`[ \\t]*$", Pattern.MULTILINE);
    /** The ids the page's examples use; elsewhere it writes {@code <id>}. */
    private static final List<String> EXAMPLE_IDS = List.of("openai", "anthropic", "ollama", "my-llm");

    static String doc;
    static Map<String, String> sections;

    @BeforeAll
    static void read() throws IOException {
        doc = Files.readString(DOC);
        sections = verdictSections(doc);
    }

    static String wireName(Verdict v) {
        return v.name().toLowerCase(Locale.ROOT);
    }

    /** The exit code {@code pryx provider test} gives a verdict, from the code that decides it. */
    static int exitCode(Verdict v) {
        if (v == Verdict.OK) {
            return 0;
        }
        ConnectionReport r = new ConnectionReport("x", "x", wireName(v), false, 0, null, null, 0, false, null, "", "",
                Instant.EPOCH);
        return r.remoteFailure() ? 4 : 1;
    }

    @Test
    @DisplayName("has a section for every verdict, headed by its wire name")
    void everyVerdictHasASection() {
        List<String> missing = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            if (!sections.containsKey(wireName(v))) {
                missing.add(wireName(v));
            }
        }
        assertThat(missing).as("verdicts without a '### `wire_name`' section").isEmpty();
    }

    @Test
    @DisplayName("has no section for a verdict that does not exist (renamed or removed)")
    void noStaleSection() {
        Set<String> known = new LinkedHashSet<>();
        for (Verdict v : Verdict.values()) {
            known.add(wireName(v));
        }
        assertThat(sections.keySet()).isSubsetOf(known);
    }

    @Test
    @DisplayName("gives each verdict the exit code pryx gives it, in its section and in the summary table")
    void exitCodes() {
        for (Verdict v : Verdict.values()) {
            String section = sections.get(wireName(v));
            assertThat(section).as(wireName(v)).isNotNull();
            assertThat(section.strip()).as("the section of " + wireName(v)).startsWith("Exit " + exitCode(v) + ".");
            String row = doc.lines().filter(l -> l.startsWith("| " + exitCode(v) + " |")).findFirst().orElse("");
            assertThat(row).as("the summary table's row for exit " + exitCode(v)).contains("`" + wireName(v) + "`");
        }
    }

    @Test
    @DisplayName("quotes every hint pryx can give, word for word")
    void everyHintIsQuoted() {
        List<String> missing = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            for (ProbeKind kind : ProbeKind.values()) {
                // The statuses the wording tells apart: none, 2xx, 3xx, 4xx (401 and 404), 5xx.
                for (int status : new int[] {0, 200, 301, 401, 404, 500}) {
                    ProbeResult r = new ProbeResult(kind, v, Duration.ZERO, null, null, status, true,
                            "http://localhost:8000/v1/models", null);
                    boolean quoted = doc.contains(r.hint("<id>"))
                            || EXAMPLE_IDS.stream().anyMatch(id -> doc.contains(r.hint(id)));
                    if (!quoted && !missing.contains(r.hint("<id>"))) {
                        missing.add(r.hint("<id>"));
                    }
                }
            }
        }
        assertThat(missing).as("hints the page does not quote (or quotes in older words)").isEmpty();
    }

    /** One of the page's console examples: the probe's result it shows. */
    record Example(String id, String name, ProbeKind kind, Verdict verdict, int status, boolean keySent, String endpoint,
                   String detail, Integer models, Duration retryAfter) {
        ProbeResult result() {
            return new ProbeResult(kind, verdict, Duration.ofMillis(231), models, retryAfter, status, keySent, endpoint, detail);
        }
    }

    static final List<Example> EXAMPLES = List.of(
            new Example("openai", "OpenAI", ProbeKind.OPENAI_MODELS, Verdict.INVALID_KEY, 401, true,
                    "https://api.openai.com/v1/models", "Incorrect API key provided: sk-proj-****abcd. You can find your API key "
                    + "at https://platform.openai.com/account/api-keys.", null, null),
            new Example("openai", "OpenAI", ProbeKind.OPENAI_MODELS, Verdict.INVALID_KEY, 0, false,
                    "https://api.openai.com/v1/models", "it contains a space, a line break or a character outside visible ASCII",
                    null, null),
            new Example("my-llm", "my-llm", ProbeKind.OPENAI_MODELS, Verdict.KEY_REQUIRED, 401, false,
                    "http://localhost:8000/v1/models", null, null, null),
            new Example("openai", "OpenAI", ProbeKind.OPENAI_MODELS, Verdict.NO_PERMISSION, 403, true,
                    "https://api.openai.com/v1/models",
                    "You have insufficient permissions for this operation. Missing scopes: api.model.read.", null, null),
            new Example("my-llm", "my-llm", ProbeKind.OPENAI_MODELS, Verdict.WRONG_BASE_URL, 404, false,
                    "http://localhost:8000/models", null, null, null),
            new Example("openai", "OpenAI", ProbeKind.OPENAI_MODELS, Verdict.WRONG_BASE_URL, 301, true,
                    "http://api.openai.com/v1/models", "https://api.openai.com/v1/models", null, null),
            new Example("openai", "OpenAI", ProbeKind.OPENAI_MODELS, Verdict.RATE_LIMITED, 429, true,
                    "https://api.openai.com/v1/models", "Rate limit reached for requests", null, Duration.ofSeconds(20)),
            new Example("anthropic", "Anthropic", ProbeKind.ANTHROPIC_MODELS, Verdict.PROVIDER_ERROR, 529, true,
                    "https://api.anthropic.com/v1/models", "Overloaded", null, null),
            new Example("openai", "OpenAI", ProbeKind.OPENAI_MODELS, Verdict.DNS_FAILURE, 0, true,
                    "https://api.opeanai.com/v1/models", null, null, null),
            new Example("ollama", "Ollama (local)", ProbeKind.OLLAMA, Verdict.CONNECTION_REFUSED, 0, false,
                    "http://localhost:11434/api/version", "the connection was refused", null, null),
            new Example("my-llm", "my-llm", ProbeKind.OPENAI_MODELS, Verdict.TLS_FAILURE, 0, true,
                    "https://llm.corp.example/v1/models",
                    "the server's certificate is not trusted (self-signed, or replaced by a proxy that inspects HTTPS)", null, null),
            new Example("openai", "OpenAI", ProbeKind.OPENAI_MODELS, Verdict.TIMEOUT, 0, true,
                    "https://api.openai.com/v1/models", "no connection within 10 seconds", null, null),
            new Example("openai", "OpenAI", ProbeKind.OPENAI_MODELS, Verdict.PROXY_FAILURE, 0, true,
                    "https://api.openai.com/v1/models", "the proxy proxy.corp:3128 refused the connection", null, null),
            new Example("my-llm", "my-llm", ProbeKind.OPENAI_MODELS, Verdict.CONNECTION_FAILED, 0, true,
                    "http://localhost:8000/v1/models", "Connection reset", null, null),
            new Example("my-llm", "my-llm", ProbeKind.OPENAI_MODELS, Verdict.UNEXPECTED_RESPONSE, 200, true,
                    "http://localhost:8000/v1/models",
                    "the server sent a web page (\"Sign in to Guest Wi-Fi\") instead of JSON", null, null),
            new Example("my-llm", "my-llm", ProbeKind.OPENAI_MODELS, Verdict.UNEXPECTED_RESPONSE, 405, true,
                    "http://localhost:8000/v1/models", "Method Not Allowed", null, null));

    @Test
    @DisplayName("shows, in every failing verdict's example, the message and hint pryx prints for it")
    void examplesMatchTheWording() {
        Set<Verdict> shown = java.util.EnumSet.noneOf(Verdict.class);
        for (Example e : EXAMPLES) {
            ProbeResult r = e.result();
            String printed = r.message(e.name()) + "\nHint: " + r.hint(e.id()) + "\n";
            assertThat(sections.get(wireName(e.verdict()))).as("the example of " + e).contains(printed);
            shown.add(e.verdict());
        }
        assertThat(shown).as("every failing verdict has an example").containsAll(
                java.util.EnumSet.complementOf(java.util.EnumSet.of(Verdict.OK)));
    }

    @Test
    @DisplayName("quotes the passing messages as pryx words them")
    void okMessages() {
        ProbeResult withKey = new ProbeResult(ProbeKind.OPENAI_MODELS, Verdict.OK, Duration.ofMillis(231), 97, null, 200, true,
                "https://api.openai.com/v1/models", null);
        ProbeResult ollama = new ProbeResult(ProbeKind.OLLAMA, Verdict.OK, Duration.ofMillis(38), 3, null, 200, false,
                "http://localhost:11434/api/tags", "version 0.12.3");
        String section = sections.get("ok");
        assertThat(section).contains(withKey.message("OpenAI")).contains(ollama.message("Ollama (local)"))
                .contains(withKey.hint("ollama"));
    }

    @Test
    @DisplayName("the section finder sees a planted section and misses a removed one (the checks can fail)")
    void finderCanFail() {
        Map<String, String> planted = verdictSections("## Verdicts\n\n### `invalid_key`\n\nExit 1. x\n\n### `ok`\n\nExit 0.\n");
        assertThat(planted).containsOnlyKeys("invalid_key", "ok");
        assertThat(planted.get("invalid_key")).startsWith("\n\nExit 1.");
        assertThat(verdictSections(doc.replace("### `timeout`", "### timeouts"))).doesNotContainKey("timeout");
    }

    /** Each {@code ### `name`} heading's text, up to the next heading of level 3 or above. */
    static Map<String, String> verdictSections(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = VERDICT_HEADING.matcher(text);
        while (m.find()) {
            int start = m.end();
            Matcher next = Pattern.compile("^#{1,3} ", Pattern.MULTILINE).matcher(text);
            int end = next.find(start) ? next.start() : text.length();
            out.put(m.group(1), text.substring(start, end));
        }
        return out;
    }
}
