package dev.pryx.tui.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.TestSecrets;
import dev.pryx.catalog.CatalogService;
import dev.pryx.provider.CatalogEntry;
import dev.pryx.provider.PassphraseSource;
import dev.pryx.provider.ProviderConfig;
import dev.pryx.provider.ProviderEvent;
import dev.pryx.provider.ProviderManager;
import dev.pryx.provider.ProviderView;
import dev.pryx.support.Environment;
import dev.pryx.support.PryxException;
import dev.pryx.support.PryxPaths;
import dev.pryx.tui.shell.TuiSecretInput;
import dev.pryx.tui.text.CellWidth;
import dev.pryx.vault.FileVault;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("AddProviderModel: the catalog to add from, and the forms some choices need")
class AddProviderModelTest {
    @TempDir
    Path home;
    ProviderManager manager;
    AddProviderModel model;

    /** The real manager on the built-in offline catalog, a cheap-KDF vault under {@code home}. */
    static ProviderManager manager(Path home) {
        PryxPaths paths = PryxPaths.under(home);
        Environment env = Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE)::get;
        TuiSecretInput notices = new TuiSecretInput();
        notices.connect(message -> { });
        return new ProviderManager(paths, FileVault.Options.cheapForTests(), new PassphraseSource(env, notices), notices,
                new CatalogService(paths, env, () -> {
                    throw new IllegalStateException("no network in tests");
                }, Clock.systemUTC()), env, Clock.systemUTC(), ProviderEvent.Listener.NONE);
    }

    @BeforeEach
    void start() {
        manager = manager(home);
        manager.unlockVault();
        model = new AddProviderModel(manager);
        model.reload();
    }

    @AfterEach
    void stop() {
        manager.close();
    }

    void add(String catalogId) {
        manager.addProvider(new ProviderManager.NewProvider(catalogId, null, null, null, null));
    }

    List<String> ids() {
        return model.rows().stream().map(r -> r.custom() ? "<custom>" : r.entry().id()).toList();
    }

    @Nested
    @DisplayName("the rows")
    class Rows {
        @Test
        @DisplayName("are the catalog without its openai-compatible entry, then the custom endpoint last")
        void catalogThenCustom() {
            assertThat(ids()).doesNotContain(ProviderManager.OPENAI_COMPATIBLE).contains("openai", "anthropic")
                    .last().isEqualTo("<custom>");
            assertThat(model.matches()).isEqualTo(model.catalogSize()).isEqualTo(ids().size() - 1);
        }

        @Test
        @DisplayName("are filtered fuzzily by name or id, best first, with the custom row still last")
        void fuzzy() {
            model.setQuery("anth");
            assertThat(ids()).first().isEqualTo("anthropic");
            model.setQuery("fireworks-ai");
            assertThat(ids()).first().isEqualTo("fireworks-ai");
            model.setQuery("Hugging");
            assertThat(ids()).first().isEqualTo("huggingface");
            model.setQuery("zzzzqqq");
            assertThat(ids()).containsExactly("<custom>");
            assertThat(model.matches()).isZero();
        }

        @Test
        @DisplayName("show auth types in words, the model count, and a marker once configured")
        void cells() {
            AddProviderModel.Row google = row("google");
            assertThat(AddProviderModel.cells(google)).isEqualTo(new AddProviderModel.Cells("Google", "google",
                    "key, OAuth", "4", ""));
            add("openai");
            model.reload();
            assertThat(AddProviderModel.cells(row("openai")).configured()).isEqualTo("configured");
            assertThat(AddProviderModel.cells(new AddProviderModel.Row(new CatalogEntry("x", "X", List.of("none"), null, 0,
                    List.of(), true, false)))).extracting(AddProviderModel.Cells::auth, AddProviderModel.Cells::models)
                    .containsExactly("none", "live");
            assertThat(AddProviderModel.cells(new AddProviderModel.Row(null)).name())
                    .isEqualTo(AddProviderModel.CUSTOM_LABEL);
        }

        @Test
        @DisplayName("keep the selection inside the rows, and the query resets it to the best match")
        void selection() {
            model.select(1_000);
            assertThat(model.selectedRow().custom()).isTrue();
            model.move(-1_000);
            assertThat(model.selectedIndex()).isZero();
            model.select(3);
            model.setQuery("open");
            assertThat(model.selectedIndex()).isZero();
        }

        @Test
        @DisplayName("line up in cells whatever the names hold (CJK, emoji, long ones)")
        void aligned() {
            List<AddProviderModel.Cells> cells = List.of(AddProviderModel.HEADER,
                    new AddProviderModel.Cells("深度求索 DeepSeek", "deepseek-cn", "key", "4", "configured"),
                    new AddProviderModel.Cells("Rocket 🚀 AI", "rocket", "key, OAuth", "12", ""),
                    new AddProviderModel.Cells("A very long provider name that cannot fit", "a-very-long-id-indeed",
                            "key", "live", ""));
            for (int width : new int[] {60, 79, 119}) {
                for (AddProviderModel.Cells c : cells) {
                    String line = AddProviderPane.format(c, false, width);
                    assertThat(CellWidth.of(line)).as(line).isEqualTo(width);
                    String before = line.substring(0, line.indexOf(c.auth().isEmpty() ? "Auth" : c.auth()));
                    assertThat(CellWidth.of(before)).as(line).isEqualTo(CellWidth.of(AddProviderPane.format(
                            AddProviderModel.HEADER, false, width).substring(0, AddProviderPane.format(
                            AddProviderModel.HEADER, false, width).indexOf("Auth"))));
                }
            }
        }
    }

    AddProviderModel.Row row(String id) {
        return model.rows().stream().filter(r -> !r.custom() && r.entry().id().equals(id)).findFirst().orElseThrow();
    }

    void select(String id) {
        model.select(model.rows().indexOf(row(id)));
    }

    @Nested
    @DisplayName("choosing a row")
    class Choosing {
        @Test
        @DisplayName("adds a provider with a default address at once")
        void addNow() {
            select("anthropic");
            assertThat(model.choose()).isEqualTo(new AddProviderModel.AddNow("anthropic"));
            assertThat(model.detail()).contains("https://api.anthropic.com/v1", "asks for its key");
        }

        @Test
        @DisplayName("of a configured provider asks for a second account's id, suggesting a free one")
        void secondAccount() {
            add("openai");
            manager.addProvider(new ProviderManager.NewProvider("openai", "openai-2", null, null, null));
            model.reload();
            select("openai");
            assertThat(model.detail()).contains("configured already");
            AddProviderModel.Form form = ((AddProviderModel.Ask) model.choose()).form();
            assertThat(form.askId()).isTrue();
            assertThat(form.askBaseUrl()).isFalse();
            assertThat(form.suggestedId()).isEqualTo("openai-3");
            ProviderConfig added = model.submit(form, "openai-work", "Work", null);
            assertThat(added.provider()).isEqualTo("openai");
            assertThat(manager.listProviders()).extracting(ProviderView::id)
                    .containsExactlyInAnyOrder("openai", "openai-2", "openai-work");
            assertThat(model.next(added)).isEqualTo(AddProviderModel.Next.KEY);
        }

        @Test
        @DisplayName("of a provider without a default address asks for one, and requires it")
        void baseUrl() {
            select("azure");
            AddProviderModel.Form form = ((AddProviderModel.Ask) model.choose()).form();
            assertThat(form).extracting(AddProviderModel.Form::askId, AddProviderModel.Form::askBaseUrl)
                    .containsExactly(false, true);
            assertThatThrownBy(() -> model.submit(form, null, null, " ")).isInstanceOf(PryxException.class)
                    .hasMessageContaining("base URL is required");
            ProviderConfig added = model.submit(form, null, null, "https://example.openai.azure.com/openai/v1");
            assertThat(added.id()).isEqualTo("azure");
            assertThat(added.baseUrl()).isEqualTo("https://example.openai.azure.com/openai/v1");
        }

        @Test
        @DisplayName("of the custom row asks for id, name and address; the manager judges the address")
        void custom() {
            model.select(model.rows().size() - 1);
            AddProviderModel.Form form = ((AddProviderModel.Ask) model.choose()).form();
            assertThat(form.custom()).isTrue();
            assertThat(form).extracting(AddProviderModel.Form::askId, AddProviderModel.Form::askName,
                    AddProviderModel.Form::askBaseUrl).containsExactly(true, true, true);
            assertThatThrownBy(() -> model.submit(form, "", "", "http://localhost:8000/v1"))
                    .hasMessageContaining("Give the endpoint an id");
            assertThatThrownBy(() -> model.submit(form, "local", "", ""))
                    .hasMessageContaining("http://localhost:8000/v1");
            assertThatThrownBy(() -> model.submit(form, "local", "", "localhost:8000"))
                    .hasMessageContaining("must start with https:// or http://");
            assertThatThrownBy(() -> model.submit(form, "Not An Id", "", "http://localhost:8000/v1"))
                    .hasMessageContaining("is not a valid provider id");
            assertThat(manager.listProviders()).isEmpty();
            ProviderConfig added = model.submit(form, " local ", "深度求索", "http://localhost:8000/v1/");
            assertThat(added).extracting(ProviderConfig::id, ProviderConfig::name, ProviderConfig::baseUrl,
                    ProviderConfig::provider).containsExactly("local", "深度求索", "http://localhost:8000/v1",
                    ProviderManager.OPENAI_COMPATIBLE);
            assertThat(AddProviderModel.isCompatible(added)).isTrue();
            assertThat(model.next(added)).isEqualTo(AddProviderModel.Next.KEY);
        }

        @Test
        @DisplayName("of a keyless provider goes on to its models, or to nothing when the catalog lists none")
        void keyless() {
            ProviderConfig lmstudio = manager.addProvider(new ProviderManager.NewProvider("lmstudio", null, null, null, null));
            assertThat(model.next(lmstudio)).isEqualTo(AddProviderModel.Next.MODELS);
            select("lmstudio");
            assertThat(model.detail()).contains("no key needed");
        }
    }
}
