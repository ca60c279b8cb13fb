package dev.pryx.tui.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.TestSecrets;
import dev.pryx.catalog.CatalogService;
import dev.pryx.provider.PassphraseSource;
import dev.pryx.provider.ProviderEvent;
import dev.pryx.provider.ProviderManager;
import dev.pryx.support.Environment;
import dev.pryx.support.PryxException;
import dev.pryx.support.PryxPaths;
import dev.pryx.tui.shell.TuiSecretInput;
import dev.pryx.vault.FileVault;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("EditProviderModel")
class EditProviderModelTest {
    @TempDir
    Path home;

    private ProviderManager manager;

    @BeforeEach
    void openai() {
        PryxPaths paths = PryxPaths.under(home);
        Environment env = Map.of(PassphraseSource.PASSPHRASE_VARIABLE, TestSecrets.PASSPHRASE)::get;
        TuiSecretInput notices = new TuiSecretInput();
        manager = new ProviderManager(paths, FileVault.Options.cheapForTests(), new PassphraseSource(env, notices), notices,
                new CatalogService(paths, env, () -> {
                    throw new IllegalStateException("no network in tests");
                }, Clock.systemUTC()), env, Clock.systemUTC(), ProviderEvent.Listener.NONE);
        manager.addProvider(new ProviderManager.NewProvider("openai", null, null, null, null));
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private EditProviderModel model() {
        return new EditProviderModel(manager, "openai");
    }

    @Test
    @DisplayName("starts from the saved values")
    void initial() {
        EditProviderModel model = model();
        assertThat(model.initial()).isEqualTo(new EditProviderModel.Draft("OpenAI", "https://api.openai.com/v1", true));
        assertThat(model.differs(model.initial())).isFalse();
        assertThat(model.fixedFacts()).isEqualTo("catalog openai, API key");
    }

    @Test
    @DisplayName("a provider that is not configured is the manager's usage error")
    void missing() {
        assertThatThrownBy(() -> new EditProviderModel(manager, "anthropic")).isInstanceOf(PryxException.class)
                .hasMessageContaining("anthropic");
    }

    @Nested
    @DisplayName("the change asked for")
    class Change {
        @Test
        @DisplayName("holds only the fields that differ")
        void onlyDiffering() {
            EditProviderModel model = model();
            EditProviderModel.Draft draft = new EditProviderModel.Draft("Work", "https://api.openai.com/v1", true);
            assertThat(model.differs(draft)).isTrue();
            assertThat(model.change(draft)).isEqualTo(new ProviderManager.ConfigChange("Work", null, null));
            assertThat(model.change(new EditProviderModel.Draft("OpenAI", "https://proxy.example/v1", false)))
                    .isEqualTo(new ProviderManager.ConfigChange(null, "https://proxy.example/v1", false));
        }
    }

    @Nested
    @DisplayName("saving")
    class Saving {
        @Test
        @DisplayName("stores the new name and says what changed")
        void name() {
            EditProviderModel model = model();
            String line = model.save(new EditProviderModel.Draft("Work OpenAI", "https://api.openai.com/v1", true));
            assertThat(line).isEqualTo("Saved Work OpenAI (openai): name.");
            assertThat(manager.listProviders().get(0).name()).isEqualTo("Work OpenAI");
            assertThat(model.initial().name()).as("the saved values are re-read").isEqualTo("Work OpenAI");
        }

        @Test
        @DisplayName("turning off and a new URL are both named")
        void urlAndOff() {
            String line = model().save(new EditProviderModel.Draft("OpenAI", "https://proxy.example/v1/", false));
            assertThat(line).isEqualTo("Saved OpenAI (openai): base URL, turned off.");
            assertThat(manager.listProviders().get(0).baseUrl()).isEqualTo("https://proxy.example/v1");
            assertThat(manager.listProviders().get(0).enabled()).isFalse();
        }

        @Test
        @DisplayName("plain http to another machine keeps a warning on the line that stays")
        void cleartext() {
            assertThat(model().save(new EditProviderModel.Draft("OpenAI", "http://gpu-box.lan:8000/v1", true)))
                    .contains("unencrypted");
            assertThat(model().save(new EditProviderModel.Draft("OpenAI", "http://localhost:8000/v1", true)))
                    .doesNotContain("unencrypted");
        }

        @Test
        @DisplayName("nothing changed: nothing is written")
        void nothing() {
            EditProviderModel model = model();
            assertThat(model.save(model.initial())).isEqualTo("Nothing changed for OpenAI (openai).");
        }

        @Test
        @DisplayName("an invalid URL is the manager's sentence, and nothing is saved")
        void invalidUrl() {
            EditProviderModel model = model();
            assertThatThrownBy(() -> model.save(new EditProviderModel.Draft("Renamed", "ftp://example.com", true)))
                    .isInstanceOf(PryxException.class).hasMessageContaining("must start with https://");
            assertThat(manager.listProviders().get(0).name()).isEqualTo("OpenAI");
        }
    }
}
