package dev.pryx.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyType;
import dev.pryx.TestSecrets;
import dev.pryx.provider.ProviderManager;
import dev.pryx.provider.ProviderView;
import dev.pryx.tui.keyentry.KeyEntryPane;
import dev.pryx.tui.models.ModelPickerPane;
import dev.pryx.tui.providers.AddProviderPane;
import dev.pryx.tui.providers.ProviderListPane;
import dev.pryx.tui.text.CellWidth;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The add-provider, key and model flows end to end: the real shell, panes and manager on a
 * virtual terminal, driven by keys. After each test, no frame drawn may contain a test secret.
 */
@DisplayName("flows on a virtual terminal")
class FlowsTest {
    @TempDir
    Path home;
    VirtualTui tui;

    /**
     * Starts the app with the vault passphrase in the environment, so it opens on the provider
     * list. Should the unlock pane not get there by itself, this unlocks as it would.
     */
    VirtualTui open(int columns, int rows) {
        tui = VirtualTui.start(home, new VirtualTui.Options()
                .env("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE).size(columns, rows));
        if (!(tui.top() instanceof ProviderListPane)) {
            tui.manager().unlockVault();
            tui.shell().navigator().reset(new ProviderListPane(tui.shell()));
            tui.pump();
        }
        return tui;
    }

    VirtualTui open() {
        return open(120, 40);
    }

    @AfterEach
    void noSecretWasDrawn() {
        if (tui != null) {
            assertThat(tui.frames()).isNotEmpty().noneMatch(frame -> frame.contains("LEAKCHECK"));
            tui.close();
        }
    }

    ProviderManager manager() {
        return tui.manager();
    }

    /** Adds through the manager, then lets the home screen re-read. */
    void add(String catalogId) {
        manager().addProvider(new ProviderManager.NewProvider(catalogId, null, null, null, null));
        showHome();
    }

    void showHome() {
        tui.shell().navigator().popToHome();
        tui.top().onShow();
        tui.pump();
    }

    /** The line above the footer. */
    String statusLine() {
        List<String> lines = lines();
        return lines.get(lines.size() - 2);
    }

    List<String> lines() {
        return Arrays.asList(tui.screen().split("\n", -1)).subList(0, tui.screen().split("\n", -1).length - 1);
    }

    @Nested
    @DisplayName("adding a provider")
    class Adding {
        @Test
        @DisplayName("through the palette: / openai Enter adds OpenAI and asks for its key")
        void palette() {
            open();
            tui.type("/").type("openai").press(KeyType.Enter);
            assertThat(manager().listProviders()).extracting(ProviderView::id).containsExactly("openai");
            assertThat(tui.top()).isInstanceOf(KeyEntryPane.class);
            assertThat(tui.screen()).contains("Key for openai", "OpenAI (openai)", "starts with sk-");
        }

        @Test
        @DisplayName("from the add screen: typing filters, Enter adds, the key and then the model follow")
        void addScreen() {
            open();
            tui.type("a");
            assertThat(tui.top()).isInstanceOf(AddProviderPane.class);
            assertThat(tui.screen()).contains("Anthropic", "Custom OpenAI-compatible endpoint…");
            tui.type("anthr");
            assertThat(tui.screen()).contains("▸ Anthropic").doesNotContain("OpenAI ");
            tui.press(KeyType.Enter);
            assertThat(manager().listProviders()).extracting(ProviderView::id).containsExactly("anthropic");
            assertThat(tui.top()).isInstanceOf(KeyEntryPane.class);
            tui.paste("sk-ant-test-LEAKCHECK-0123456789abcdef");
            tui.press(KeyType.Enter);
            assertThat(manager().keyStatus("anthropic").set()).isTrue();
            assertThat(tui.top()).isInstanceOf(ModelPickerPane.class);
            assertThat(statusLine()).contains("Saved the key for Anthropic (fp:", "pick its default model");
            tui.press(KeyType.Escape);
            assertThat(tui.top()).isInstanceOf(ProviderListPane.class);
        }

        @Test
        @DisplayName("a configured provider again: a form for a second account, with a free id suggested")
        void secondAccount() {
            open();
            add("openai");
            tui.type("a").type("openai").press(KeyType.Enter);
            assertThat(tui.top()).isInstanceOf(AddProviderPane.FormPane.class);
            assertThat(tui.screen()).contains("Another OpenAI account", "configured already");
            assertThat(((AddProviderPane.FormPane) tui.top()).values().get(0)).isEqualTo("openai-2");
            tui.press(KeyType.Enter);
            assertThat(manager().listProviders()).extracting(ProviderView::id).containsExactly("openai", "openai-2");
            assertThat(tui.top()).isInstanceOf(KeyEntryPane.class);
            assertThat(tui.screen()).contains("Key for openai-2");
        }

        @Test
        @DisplayName("a custom endpoint: an invalid URL shows the manager's error and keeps the input; a fixed one adds it")
        void customEndpoint() {
            open();
            tui.type("a").press(KeyType.ArrowUp);
            assertThat(tui.screen()).contains("▸ Custom OpenAI-compatible endpoint…");
            tui.press(KeyType.Enter);
            assertThat(tui.top()).isInstanceOf(AddProviderPane.FormPane.class);
            tui.type("my-vllm").press(KeyType.Tab).type("深度求索").press(KeyType.Tab).type("localhost:8000");
            tui.press(KeyType.Enter);
            assertThat(statusLine()).contains("The base URL must start with https:// or http://");
            assertThat(tui.top()).isInstanceOf(AddProviderPane.FormPane.class);
            assertThat(((AddProviderPane.FormPane) tui.top()).values()).containsExactly("my-vllm", "深度求索", "localhost:8000");
            assertThat(manager().listProviders()).isEmpty();

            for (int i = 0; i < "localhost:8000".length(); i++) {
                tui.press(KeyType.Backspace);
            }
            tui.type("http://localhost:8000/v1").press(KeyType.Enter);
            assertThat(tui.top()).isInstanceOf(KeyEntryPane.class);
            assertThat(statusLine()).contains("Added 深度求索 as my-vllm.", "Esc skips it");
            tui.press(KeyType.Escape);
            assertThat(tui.top()).isInstanceOf(ProviderListPane.class);
            assertThat(manager().listProviders()).singleElement().satisfies(p -> {
                assertThat(p.baseUrl()).isEqualTo("http://localhost:8000/v1");
                assertThat(p.keyState()).isEqualTo("missing");
            });
            assertThat(tui.screen()).contains("深度求索", "my-vllm");
        }
    }

    @Nested
    @DisplayName("setting a key")
    class Keys {
        @Test
        @DisplayName("typed: the verdict follows each key, Enter stores it and the list shows its fingerprint")
        void typed() {
            open();
            add("openai");
            tui.type("k");
            assertThat(tui.top()).isInstanceOf(KeyEntryPane.class);
            tui.type(TestSecrets.API_KEY);
            assertThat(tui.screen()).contains("Looks like an OpenAI key", TestSecrets.API_KEY.length() + " characters");
            tui.press(KeyType.Enter);
            String fp = manager().keyStatus("openai").fingerprint();
            assertThat(manager().keyStatus("openai").set()).isTrue();
            assertThat(tui.top()).isInstanceOf(ProviderListPane.class);
            assertThat(statusLine()).contains("Saved the key for OpenAI (" + fp + ")");
            assertThat(tui.screen()).contains("key " + fp);
        }

        @Test
        @DisplayName("pasted with a trailing newline: nothing is submitted until Enter")
        void pasted() {
            open();
            add("openai");
            tui.type("k").paste(TestSecrets.API_KEY + "\n");
            assertThat(tui.top()).isInstanceOf(KeyEntryPane.class);
            assertThat(((KeyEntryPane) tui.top()).field().length()).isEqualTo(TestSecrets.API_KEY.length());
            assertThat(manager().keyStatus("openai").set()).isFalse();
            assertThat(tui.top().hasUnsavedInput()).isTrue();
            tui.press(KeyType.Enter);
            assertThat(manager().keyStatus("openai").set()).isTrue();
            try (var key = manager().readKey("openai", dev.pryx.provider.Scope.PROVIDER_TEST)) {
                assertThat(new String(key.chars())).isEqualTo(TestSecrets.API_KEY);
            }
        }

        @Test
        @DisplayName("of the wrong shape: the warning shows while typing")
        void wrongShape() {
            open();
            add("openai");
            tui.type("k").type("LEAKCHECK-not-a-key");
            assertThat(tui.screen()).contains("! The key does not look like", "anyway");
            tui.ctrl('u');
            assertThat(((KeyEntryPane) tui.top()).field().length()).isZero();
            assertThat(tui.screen()).contains("Paste or type the key");
        }

        @Test
        @DisplayName("empty: Enter says so and stores nothing")
        void empty() {
            open();
            add("openai");
            tui.type("k").press(KeyType.Enter);
            assertThat(tui.top()).isInstanceOf(KeyEntryPane.class);
            assertThat(statusLine()).contains("The key is empty");
            assertThat(manager().keyStatus("openai").set()).isFalse();
        }

        @Test
        @DisplayName("Esc leaves without saving and wipes the field")
        void escape() {
            open();
            add("openai");
            tui.type("k").type("sk-LEAKCHECK");
            KeyEntryPane pane = (KeyEntryPane) tui.top();
            tui.press(KeyType.Escape);
            assertThat(tui.top()).isInstanceOf(ProviderListPane.class);
            assertThat(pane.field().length()).isZero();
            assertThat(manager().keyStatus("openai").set()).isFalse();
        }
    }

    @Nested
    @DisplayName("picking a model")
    class Models {
        @Test
        @DisplayName("m, part of a name, Enter: the model is in force")
        void pick() {
            open();
            add("openai");
            tui.type("m");
            assertThat(tui.top()).isInstanceOf(ModelPickerPane.class);
            assertThat(tui.screen()).contains("gpt-5-mini", "400k", "$0.25/$2.00", "tools reasoning files");
            tui.type("mini").press(KeyType.Enter);
            assertThat(manager().currentModel(null, null).model().value()).isEqualTo("gpt-5-mini");
            assertThat(tui.top()).isInstanceOf(ProviderListPane.class);
            assertThat(statusLine()).contains("OpenAI now uses gpt-5-mini");
            assertThat(tui.screen()).contains("gpt-5-mini");
            tui.type("m");
            assertThat(tui.screen()).contains("▸● gpt-5-mini");
        }

        @Test
        @DisplayName("a provider with no listed models: says so, and Enter uses the typed id")
        void unlisted() throws java.io.IOException {
            open();
            int closed;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                closed = s.getLocalPort();
            }
            manager().addCompatible("openai", "local", "My vLLM", "http://127.0.0.1:" + closed + "/v1", null);
            showHome();
            tui.type("m");
            // The live list is fetched on opening; nothing answers, so the picker says so and stays usable.
            assertThat(tui.screen()).contains("No models listed for My vLLM yet (Ctrl+R fetches its live list); type a model id")
                    .contains("the connection was refused");
            tui.type("qwen3-8b").press(KeyType.Enter);
            assertThat(manager().currentModel(null, null).model().value()).isEqualTo("qwen3-8b");
        }

        @Test
        @DisplayName("an unknown id for a provider with a complete list: the manager's sentence, the picker stays")
        void unknown() {
            open();
            add("openai");
            tui.type("m").type("zzzz-unknown").press(KeyType.Enter);
            assertThat(tui.top()).isInstanceOf(ModelPickerPane.class);
            assertThat(statusLine()).contains("is not a model of OpenAI");
        }
    }

    @Nested
    @DisplayName("removing a provider")
    class Removing {
        @Test
        @DisplayName("d then n keeps it; d then y removes it")
        void remove() {
            open();
            add("openai");
            tui.type("d");
            assertThat(tui.screen()).contains("Remove OpenAI (openai) and its key?");
            tui.type("n");
            assertThat(manager().listProviders()).hasSize(1);
            tui.type("d").type("y");
            assertThat(manager().listProviders()).isEmpty();
            assertThat(tui.screen()).contains("Removed OpenAI (openai)");
        }
    }

    @Nested
    @DisplayName("layout")
    class Layout {
        /** The screen column where {@code needle} starts on {@code row}, counting wide characters as two. */
        int column(int row, String needle) {
            StringBuilder text = new StringBuilder();
            List<Integer> columns = new ArrayList<>();
            int width = tui.shell().gui().getScreen().getTerminalSize().getColumns();
            for (int c = 0; c < width; c++) {
                TextCharacter cell = tui.cell(c, row);
                String s = cell == null ? " " : cell.getCharacterString();
                for (int i = 0; i < s.length(); i++) {
                    columns.add(c);
                }
                text.append(s);
                if (cell != null && cell.isDoubleWidth()) {
                    c++;
                }
            }
            int at = text.indexOf(needle);
            return at < 0 ? -1 : columns.get(at);
        }

        int row(String needle) {
            List<String> lines = lines();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(needle)) {
                    return i;
                }
            }
            throw new AssertionError(needle + " is not on the screen:\n" + tui.screen());
        }

        @Test
        @DisplayName("columns of the provider list stay aligned with CJK names")
        void cjk() {
            open(100, 24);
            manager().addCompatible("openai", "deep-cn", "深度求索", "http://localhost:8000/v1", null);
            manager().addCompatible("openai", "full", "ＦＵＬＬ　ｗｉｄｔｈ　ＡＰＩ　ｎａｍｅ", "http://localhost:8001/v1", null);
            add("openai");
            int auth = column(row("Auth"), "Auth");
            assertThat(auth).isPositive();
            for (String id : List.of("deep-cn", "full", "openai")) {
                int r = row(id + " ");
                assertThat(column(r, "no key")).as(tui.screen()).isEqualTo(auth);
                assertThat(column(r, id + " ")).isEqualTo(column(row("Id "), "Id "));
            }
        }

        void fits(String footer) {
            List<String> lines = lines();
            assertThat(lines).hasSize(24).allSatisfy(l -> assertThat(CellWidth.of(l)).isLessThanOrEqualTo(80));
            assertThat(lines.get(0)).startsWith(" pryx · ");
            // The global keys come last, whichever set the focus calls for: the whole footer is there.
            assertThat(lines.get(23)).as(tui.screen()).contains(footer, "Esc back").endsWith(" quit");
        }

        @Test
        @DisplayName("each pane fits 80x24 with its footer visible, and follows a resize")
        void smallTerminal() {
            open(80, 24);
            add("openai");
            tui.type("a");
            fits("Enter add  ↑↓ move");
            assertThat(tui.screen()).contains("Name", "Auth", "Models");
            // The list scrolls here, so it draws its rows a cell narrower: the columns must not move.
            assertThat(column(row("alibaba "), "key ")).isEqualTo(column(row("Auth"), "Auth"));
            tui.press(KeyType.ArrowUp);
            assertThat(tui.screen()).contains("▸ Custom OpenAI-compatible endpoint…");
            tui.press(KeyType.Enter);
            fits("Enter add  Tab next field");
            assertThat(tui.screen()).contains("Base URL", "e.g. http://localhost:8000/v1");
            showHome();
            tui.type("k");
            fits("Enter save");
            assertThat(tui.screen()).contains("Format", "starts with sk-", "Stored");
            tui.type("LEAKCHECK-wrong");
            fits("Enter save");
            assertThat(tui.screen()).contains("does not look like");
            showHome();
            tui.type("m");
            fits("Enter use  ↑↓ move");
            assertThat(tui.screen()).contains("Context", "$/1M in/out", "Capabilities", "gpt-5-mini");
            assertThat(column(row("gpt-5-mini "), "tools")).isEqualTo(column(row("Capabilities"), "Capabilities"));
            tui.resize(60, 20);
            assertThat(tui.screen()).contains("gpt-5-mini", "$/1M in/out").doesNotContain("Capabilities");
            tui.resize(80, 24);
            fits("Enter use  ↑↓ move");
            assertThat(tui.screen()).contains("Capabilities");
        }
    }
}
