package dev.pryx.tui.keyentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.TestSecrets;
import dev.pryx.catalog.CatalogService;
import dev.pryx.provider.KeyCheck;
import dev.pryx.provider.PassphraseSource;
import dev.pryx.provider.ProviderEvent;
import dev.pryx.provider.ProviderManager;
import dev.pryx.support.Environment;
import dev.pryx.support.PryxException;
import dev.pryx.support.PryxPaths;
import dev.pryx.support.Secret;
import dev.pryx.tui.shell.TuiSecretInput;
import dev.pryx.vault.FileVault;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("KeyEntryModel: what the key screen shows, the live verdict, and saving")
class KeyEntryModelTest {
    @TempDir
    Path home;
    ProviderManager manager;
    final List<String> notices = new ArrayList<>();
    KeyEntryModel model;

    @BeforeEach
    void start() {
        PryxPaths paths = PryxPaths.under(home);
        Environment env = Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE)::get;
        TuiSecretInput input = new TuiSecretInput();
        input.connect(notices::add);
        manager = new ProviderManager(paths, FileVault.Options.cheapForTests(), new PassphraseSource(env, input), input,
                new CatalogService(paths, env, () -> {
                    throw new IllegalStateException("no network in tests");
                }, Clock.systemUTC()), env, Clock.systemUTC(), ProviderEvent.Listener.NONE);
        manager.addProvider(new ProviderManager.NewProvider("openai", null, null, null, null));
        model = new KeyEntryModel(manager, "openai");
        model.load();
    }

    @AfterEach
    void stop() {
        manager.close();
    }

    static Secret secret(String s) {
        return Secret.adopt(s.toCharArray());
    }

    /** Every line the screen could show, to check that none of them carries the key. */
    List<String> lines() {
        return List.of(model.providerLine(), model.formatLine(), model.currentLine(), model.validationLine());
    }

    @Nested
    @DisplayName("above the field")
    class Prompt {
        @Test
        @DisplayName("shows the provider, its key format and that no key is stored yet")
        void fresh() {
            assertThat(model.providerLine()).isEqualTo("OpenAI (openai)");
            assertThat(model.formatLine()).contains("starts with sk-");
            assertThat(model.currentLine()).isEqualTo("none yet");
        }

        @Test
        @DisplayName("shows the stored key's fingerprint and that saving replaces it")
        void stored() {
            String fp = manager.setKey("openai", secret(TestSecrets.API_KEY), false).fingerprint();
            model.load();
            assertThat(model.currentLine()).startsWith(fp).contains("replaces it", "rollback");
        }

        @Test
        @DisplayName("refuses a provider that takes no key, with the manager's sentence")
        void keyless() {
            manager.addProvider(new ProviderManager.NewProvider("ollama", null, null, null, null));
            KeyEntryModel ollama = new KeyEntryModel(manager, "ollama");
            assertThatThrownBy(ollama::load).isInstanceOf(PryxException.class).hasMessageContaining("needs no API key");
            assertThat(ollama.providerName()).isEqualTo("ollama");
        }

        @Test
        @DisplayName("says when the catalog knows no format, and whether models can follow")
        void unknownFormat() {
            manager.addProvider(new ProviderManager.NewProvider("mistral", null, null, null, null));
            KeyEntryModel mistral = new KeyEntryModel(manager, "mistral");
            mistral.load();
            assertThat(mistral.formatLine()).contains("any format");
            assertThat(mistral.hasModels()).isTrue();
            manager.addCompatible("openai", "local", null, "http://localhost:8000/v1", null);
            assertThat(new KeyEntryModel(manager, "local").hasModels()).as("its live list can be fetched in the picker").isTrue();
        }
    }

    @Nested
    @DisplayName("the live verdict")
    class Verdict {
        @Test
        @DisplayName("says nothing against an empty field, only what to do")
        void empty() {
            try (Secret s = secret("")) {
                assertThat(model.assess(s)).isNull();
            }
            assertThat(model.validationLine()).contains("Paste or type the key");
        }

        @Test
        @DisplayName("warns about a key of the wrong shape, and says Enter saves it anyway")
        void wrongShape() {
            try (Secret s = secret("hello-LEAKCHECK")) {
                assertThat(model.assess(s).level()).isEqualTo(KeyCheck.Level.WARNING);
            }
            assertThat(model.validationLine()).startsWith("! ").contains("does not look like", "anyway");
            assertThat(lines()).noneMatch(l -> l.contains("LEAKCHECK"));
        }

        @Test
        @DisplayName("approves a key of the right shape and does not take the secret")
        void good() {
            try (Secret s = secret(TestSecrets.API_KEY)) {
                assertThat(model.assess(s).level()).isEqualTo(KeyCheck.Level.OK);
                assertThat(s.length()).isEqualTo(TestSecrets.API_KEY.length());
            }
            assertThat(model.validationLine()).startsWith("✓ ");
            assertThat(lines()).noneMatch(l -> l.contains("LEAKCHECK"));
        }

        @Test
        @DisplayName("marks a key that would be refused")
        void refused() {
            try (Secret s = secret("sk-abc LEAKCHECK def")) {
                assertThat(model.assess(s).level()).isEqualTo(KeyCheck.Level.ERROR);
            }
            assertThat(model.validationLine()).startsWith("✗ ").contains("spaces");
        }
    }

    @Nested
    @DisplayName("saving")
    class Saving {
        @Test
        @DisplayName("stores the key and names its fingerprint, never the key")
        void stores() {
            String line = model.save(secret(TestSecrets.API_KEY));
            String fp = manager.keyStatus("openai").fingerprint();
            assertThat(manager.keyStatus("openai").set()).isTrue();
            assertThat(line).isEqualTo("Saved the key for OpenAI (" + fp + ").").doesNotContain("LEAKCHECK");
        }

        @Test
        @DisplayName("stores a key the manager only warns about, and says so")
        void warning() {
            String line = model.save(secret("not-an-openai-key-LEAKCHECK"));
            assertThat(manager.keyStatus("openai").set()).isTrue();
            assertThat(line).contains("despite the warning").doesNotContain("LEAKCHECK");
            assertThat(notices).anyMatch(n -> n.startsWith("Warning:"));
        }

        @Test
        @DisplayName("refuses an empty key or one with spaces inside, wipes it and stores nothing")
        void refuses() {
            Secret empty = secret("");
            assertThatThrownBy(() -> model.save(empty)).isInstanceOf(PryxException.class).hasMessageContaining("empty");
            Secret spaced = secret("sk-abc LEAKCHECK def");
            assertThatThrownBy(() -> model.save(spaced)).isInstanceOf(PryxException.class)
                    .hasMessageContaining("spaces").hasMessageNotContaining("LEAKCHECK");
            assertThatThrownBy(spaced::chars).isInstanceOf(IllegalStateException.class);
            assertThat(manager.keyStatus("openai").set()).isFalse();
        }

        @Test
        @DisplayName("replaces a stored key and keeps the old one for rollback")
        void replaces() {
            manager.setKey("openai", secret(TestSecrets.API_KEY), false);
            model.save(secret(TestSecrets.OTHER_API_KEY));
            assertThat(manager.keyStatus("openai").versions()).isEqualTo(2);
        }
    }
}
