package dev.pryx.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.TestSecrets;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Secret")
class SecretTest {
    @Test
    @DisplayName("toString is redacted and close wipes the characters")
    void redactedAndWiped() {
        char[] chars = TestSecrets.API_KEY.toCharArray();
        Secret s = Secret.adopt(chars);
        assertThat(s.toString()).doesNotContain(TestSecrets.API_KEY).contains("redacted");
        s.close();
        assertThat(new String(chars)).isEqualTo("\0".repeat(chars.length));
        assertThatThrownBy(s::chars).isInstanceOf(IllegalStateException.class).hasMessageNotContaining(TestSecrets.API_KEY);
    }

    @Test
    @DisplayName("strict UTF-8 decoding refuses malformed bytes without echoing them")
    void utf8() {
        byte[] ok = "pässwörd".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(Secret.fromUtf8(ok, 0, ok.length).chars())).isEqualTo("pässwörd");
        assertThatThrownBy(() -> Secret.fromUtf8(new byte[] {(byte) 0xc3, 0x28}, 0, 2))
                .isInstanceOf(PryxException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    @DisplayName("sameAs compares contents")
    void sameAs() {
        assertThat(Secret.adopt("a".toCharArray()).sameAs(Secret.adopt("a".toCharArray()))).isTrue();
        assertThat(Secret.adopt("a".toCharArray()).sameAs(Secret.adopt("b".toCharArray()))).isFalse();
    }
}
