package dev.pryx.tui.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.TestSecrets;
import dev.pryx.catalog.CatalogService;
import dev.pryx.provider.ModelView;
import dev.pryx.provider.PassphraseSource;
import dev.pryx.provider.ProviderEvent;
import dev.pryx.provider.ProviderManager;
import dev.pryx.support.Environment;
import dev.pryx.support.PryxException;
import dev.pryx.support.PryxPaths;
import dev.pryx.tui.shell.TuiSecretInput;
import dev.pryx.tui.text.CellWidth;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("ModelPickerModel: a provider's models, filtered, in columns, and using one")
class ModelPickerModelTest {
    @TempDir
    Path home;
    ProviderManager manager;

    @BeforeEach
    void start() {
        PryxPaths paths = PryxPaths.under(home);
        Environment env = Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE)::get;
        TuiSecretInput input = new TuiSecretInput();
        input.connect(message -> { });
        manager = new ProviderManager(paths, FileVault.Options.cheapForTests(), new PassphraseSource(env, input), input,
                new CatalogService(paths, env, () -> {
                    throw new IllegalStateException("no network in tests");
                }, Clock.systemUTC()), env, Clock.systemUTC(), ProviderEvent.Listener.NONE);
        manager.addProvider(new ProviderManager.NewProvider("openai", null, null, null, null));
    }

    @AfterEach
    void stop() {
        manager.close();
    }

    ModelPickerModel picker(String id) {
        ModelPickerModel model = new ModelPickerModel(manager, id);
        model.reload();
        return model;
    }

    static ModelView model(String id, Long context, Double in, Double out, boolean tools, boolean reasoning, boolean files) {
        return new ModelView(id, id, context, null, in, out, tools, reasoning, files, null, false, ModelView.CATALOG, null,
                null, null, null, null);
    }

    @Nested
    @DisplayName("the columns")
    class Columns {
        @ParameterizedTest(name = "{0} tokens -> {1}")
        @CsvSource({"128000, 128k", "131072, 131k", "200000, 200k", "1000000, 1M", "1048576, 1M", "1500000, 1.5M",
                "2000000, 2M", "512, 512", "0, -"})
        @DisplayName("context reads the way model cards write it")
        void context(long tokens, String expected) {
            assertThat(ModelPickerModel.context(tokens)).isEqualTo(expected);
        }

        @Test
        @DisplayName("context and price are '-' when unknown")
        void unknown() {
            assertThat(ModelPickerModel.context(null)).isEqualTo("-");
            assertThat(ModelPickerModel.price(null, null)).isEqualTo("-");
            assertThat(ModelPickerModel.price(null, 1.0)).isEqualTo("-/$1.00");
        }

        @Test
        @DisplayName("price is input/output dollars per million tokens, 'free' when both are 0, fractions of a cent kept")
        void price() {
            assertThat(ModelPickerModel.price(2.5, 10.0)).isEqualTo("$2.50/$10.00");
            assertThat(ModelPickerModel.price(0.0, 0.0)).isEqualTo("free");
            assertThat(ModelPickerModel.price(0.0, 0.5)).isEqualTo("$0/$0.50");
            assertThat(ModelPickerModel.price(0.0075, 0.03)).isEqualTo("$0.0075/$0.03");
        }

        @Test
        @DisplayName("capabilities keep their slots, so the same one lines up on every row")
        void caps() {
            String all = ModelPickerModel.caps(model("a", null, null, null, true, true, true));
            String some = ModelPickerModel.caps(model("b", null, null, null, false, true, false));
            assertThat(all).isEqualTo("tools reasoning files");
            assertThat(some).hasSameSizeAs(all);
            assertThat(some.indexOf("reasoning")).isEqualTo(all.indexOf("reasoning"));
        }

        @Test
        @DisplayName("fit the width, dropping capabilities, then price, then context when narrow")
        void fit() {
            ModelPickerModel.Row row = ModelPickerModel.row(new ModelView("gpt-5-mini", "GPT-5 Mini", 400_000L, 128_000L,
                    0.25, 2.0, true, true, true, null, true, ModelView.CATALOG, null, null, null, null, null));
            String wide = ModelPickerPane.format(row, true, 79);
            assertThat(wide).startsWith("▸● gpt-5-mini").contains("400k", "$0.25/$2.00", "tools reasoning files");
            assertThat(ModelPickerPane.format(row, false, 60)).contains("$0.25/$2.00").doesNotContain("tools");
            assertThat(ModelPickerPane.format(row, false, 40)).contains("400k").doesNotContain("$");
            assertThat(ModelPickerPane.format(row, false, 24)).doesNotContain("400k");
            for (int width : new int[] {24, 40, 60, 79, 119}) {
                assertThat(CellWidth.of(ModelPickerPane.format(row, false, width))).isEqualTo(width);
                assertThat(CellWidth.of(ModelPickerPane.format(ModelPickerModel.HEADER, false, width))).isEqualTo(width);
            }
        }
    }

    @Nested
    @DisplayName("the list")
    class Listing {
        @Test
        @DisplayName("is the catalog's models, filtered fuzzily on id or name")
        void fuzzy() {
            ModelPickerModel model = picker("openai");
            assertThat(model.rows()).hasSize(manager.models("openai").size());
            model.setQuery("mini");
            assertThat(model.rows()).first().extracting(ModelPickerModel.Row::id).isEqualTo("gpt-5-mini");
            model.setQuery("GPT-5 Mini");
            assertThat(model.rows()).first().extracting(ModelPickerModel.Row::id).isEqualTo("gpt-5-mini");
            assertThat(model.detail()).contains("GPT-5 Mini", "400k context", "128k output");
        }

        @Test
        @DisplayName("marks the current default and starts on it")
        void startsOnDefault() {
            manager.useModel("openai", "gpt-5-mini");
            ModelPickerModel model = picker("openai");
            assertThat(model.selectedModel().id()).isEqualTo("gpt-5-mini");
            assertThat(model.rows().get(model.selectedIndex()).isDefault()).isTrue();
            assertThat(model.rows().stream().filter(ModelPickerModel.Row::isDefault)).hasSize(1);
            assertThat(model.detail()).contains("the current default");
        }

        @Test
        @DisplayName("offers the typed text when nothing matches")
        void noMatch() {
            ModelPickerModel model = picker("openai");
            model.setQuery("my-finetune");
            assertThat(model.rows()).isEmpty();
            assertThat(model.choice()).isEqualTo("my-finetune");
            assertThat(model.detail()).contains("Enter tries 'my-finetune'");
        }
    }

    @Nested
    @DisplayName("Enter")
    class Using {
        @Test
        @DisplayName("makes the chosen model the default and the provider active")
        void uses() {
            ModelPickerModel model = picker("openai");
            model.setQuery("mini");
            assertThat(model.use()).isEqualTo("OpenAI now uses gpt-5-mini and is the active provider.");
            assertThat(manager.currentModel(null, null).model().value()).isEqualTo("gpt-5-mini");
        }

        @Test
        @DisplayName("with no listed models says so, and uses a typed id when the provider lists models live")
        void liveProvider() {
            manager.addCompatible("openai", "local", "My vLLM", "http://localhost:8000/v1", null);
            ModelPickerModel model = picker("local");
            assertThat(model.hasModels()).isFalse();
            assertThat(model.detail()).isEqualTo(
                    "No models listed for My vLLM yet (Ctrl+R fetches its live list); type a model id and press Enter to use it anyway.");
            assertThatThrownBy(model::use).isInstanceOf(PryxException.class).hasMessageContaining("Type a model id");
            model.setQuery("Qwen/Qwen3-8B");
            assertThat(model.use()).startsWith("My vLLM now uses Qwen/Qwen3-8B");
            assertThat(manager.currentModel(null, null).model().value()).isEqualTo("Qwen/Qwen3-8B");
        }

        @Test
        @DisplayName("refuses an unknown id for a provider whose catalog list is complete, with the manager's sentence")
        void unknownModel() {
            ModelPickerModel model = picker("openai");
            model.setQuery("gpt-nonexistent-zz");
            assertThatThrownBy(model::use).isInstanceOf(PryxException.class).hasMessageContaining("is not a model of OpenAI");
        }
    }
}
