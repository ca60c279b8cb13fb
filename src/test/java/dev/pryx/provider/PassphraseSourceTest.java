package dev.pryx.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.TestSecrets;
import dev.pryx.support.Environment;
import dev.pryx.support.PryxException;
import dev.pryx.support.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("PassphraseSource")
class PassphraseSourceTest {
    @TempDir
    Path dir;

    /** A terminal that answers prompts from a script and records notices. */
    static final class ScriptedInput implements SecretInput {
        final Deque<String> answers = new ArrayDeque<>();
        final List<String> prompts = new ArrayList<>();
        final List<String> notices = new ArrayList<>();
        final boolean interactive;
        String stdin = "";

        ScriptedInput(boolean interactive, String... answers) {
            this.interactive = interactive;
            this.answers.addAll(List.of(answers));
        }

        @Override
        public boolean interactive() {
            return interactive;
        }

        @Override
        public Secret prompt(String label) {
            prompts.add(label);
            return Secret.adopt(answers.removeFirst().toCharArray());
        }

        @Override
        public Secret firstLine() {
            return Secret.adopt(stdin.toCharArray());
        }

        @Override
        public boolean confirm(String question) {
            prompts.add(question);
            return answers.removeFirst().equals("y");
        }

        @Override
        public void notice(String message) {
            notices.add(message);
        }
    }

    static String text(Secret s) {
        return new String(s.chars());
    }

    @Test
    @DisplayName("the variable wins over the file and the prompt")
    void variableFirst() throws IOException {
        Path f = dir.resolve("p");
        Files.writeString(f, "from-file\n");
        ScriptedInput in = new ScriptedInput(true, "typed");
        var source = new PassphraseSource(Environment.of(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE,
                "PRYX_VAULT_PASSPHRASE_FILE", f.toString())), in);
        assertThat(text(source.current())).isEqualTo(TestSecrets.PASSPHRASE);
        assertThat(in.prompts).isEmpty();
        var fileOnly = new PassphraseSource(Environment.of(Map.of("PRYX_VAULT_PASSPHRASE_FILE", f.toString())), in);
        assertThat(text(fileOnly.current())).isEqualTo("from-file");
    }

    @Test
    @DisplayName("on a terminal it asks once to unlock and twice to create")
    void prompts() {
        ScriptedInput in = new ScriptedInput(true, "one", TestSecrets.PASSPHRASE, TestSecrets.PASSPHRASE);
        var source = new PassphraseSource(Environment.of(Map.of()), in);
        assertThat(text(source.current())).isEqualTo("one");
        assertThat(text(source.forNewVault())).isEqualTo(TestSecrets.PASSPHRASE);
        assertThat(in.prompts).containsExactly("Vault passphrase", "New vault passphrase", "Repeat the passphrase");
    }

    @Test
    @DisplayName("two different entries are asked again, three misses give up with a usage error")
    void mismatch() {
        ScriptedInput in = new ScriptedInput(true, "aaaaaaaaaaaa", "bbbbbbbbbbbb", "", "cccccccccccc", "dddddddddddd");
        var source = new PassphraseSource(Environment.of(Map.of()), in);
        assertThatThrownBy(source::forNewVault).isInstanceOf(PryxException.class)
                .satisfies(e -> assertThat(((PryxException) e).kind()).isEqualTo(PryxException.Kind.USAGE))
                .hasMessageContaining("did not match");
        assertThat(in.notices).contains("The two passphrases differ; try again.", "The passphrase cannot be empty.");
    }

    @Test
    @DisplayName("a short new passphrase is accepted with a strength note")
    void weak() {
        ScriptedInput in = new ScriptedInput(true, "short", "short");
        assertThat(text(new PassphraseSource(Environment.of(Map.of()), in).forNewVault())).isEqualTo("short");
        assertThat(in.notices).anyMatch(n -> n.contains("weak"));
    }

    @Test
    @DisplayName("without a terminal or variables it fails as a vault error that names both variables")
    void noSource() {
        var source = new PassphraseSource(Environment.of(Map.of()), new ScriptedInput(false));
        assertThatThrownBy(source::current).isInstanceOf(PryxException.class)
                .satisfies(e -> assertThat(((PryxException) e).kind()).isEqualTo(PryxException.Kind.VAULT))
                .hasMessageContaining("PRYX_VAULT_PASSPHRASE_FILE");
    }

    @Test
    @DisplayName("the replacement comes from stdin without a terminal")
    void replacementFromStdin() {
        ScriptedInput in = new ScriptedInput(false);
        in.stdin = TestSecrets.OTHER_PASSPHRASE;
        assertThat(text(new PassphraseSource(Environment.of(Map.of()), in).replacement())).isEqualTo(TestSecrets.OTHER_PASSPHRASE);
    }
}
