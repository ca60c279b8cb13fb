package dev.pryx.net.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.support.PryxException;
import dev.pryx.support.Secret;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ProbeRequest")
class ProbeRequestTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "   ", "localhost:11434", "api.openai.com/v1", "ftp://user:sk-test-LEAKCHECK@example.test/",
        "file:///etc/passwd", "https://", "http://exa mple.test/"})
    @DisplayName("refuses a base URL that is not http(s), without repeating it")
    void badBaseUrl(String url) {
        assertThatThrownBy(() -> ProbeRequest.withoutKey(ProbeKind.OPENAI_MODELS, url))
                .isInstanceOfSatisfying(PryxException.class, e -> assertThat(e.kind()).isEqualTo(PryxException.Kind.USAGE))
                .hasMessage("The base URL is not an http:// or https:// URL. Set one like https://api.openai.com/v1 with "
                        + "`pryx provider set-config ID --base-url URL`.")
                .hasMessageNotContaining("LEAKCHECK");
    }

    @Test
    @DisplayName("refuses a missing base URL, kind or auth style")
    void nulls() {
        assertThatThrownBy(() -> ProbeRequest.withoutKey(ProbeKind.OLLAMA, null)).isInstanceOf(PryxException.class)
                .hasMessageContaining("http://localhost:11434");
        assertThatThrownBy(() -> ProbeRequest.withoutKey(null, "http://localhost:11434")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ProbeRequest(ProbeKind.OLLAMA, "http://localhost:11434", null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("trims the base URL and defaults to the kind's API-key header")
    void defaults() {
        try (Secret k = ProbeFixtures.key()) {
            ProbeRequest r = new ProbeRequest(ProbeKind.ANTHROPIC_MODELS, "  https://api.anthropic.com/v1\n", k);
            assertThat(r.baseUrl()).isEqualTo("https://api.anthropic.com/v1");
            assertThat(r.auth()).isEqualTo(ProbeRequest.AuthStyle.API_KEY);
            assertThat(r.hasKey()).isTrue();
            assertThat(r.toString()).isEqualTo(
                    "ProbeRequest[kind=anthropic-models, baseUrl=https://api.anthropic.com/..., key=[redacted], auth=API_KEY]");
        }
    }

    @Test
    @DisplayName("without a key says so")
    void withoutKey() {
        ProbeRequest r = ProbeRequest.withoutKey(ProbeKind.OLLAMA, "http://localhost:11434");
        assertThat(r.hasKey()).isFalse();
        assertThat(r.key()).isNull();
        assertThat(r.toString()).contains("key=none");
    }
}
