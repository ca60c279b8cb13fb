package dev.pryx.tui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.pryx.provider.ProviderManager;
import dev.pryx.tui.VirtualTui;
import dev.pryx.tui.palette.PaletteActions;
import dev.pryx.tui.palette.PaletteItem;
import dev.pryx.tui.palette.PaletteOverlay;
import dev.pryx.tui.providers.ProviderListPane;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The TUI shell")
class ShellTest {
    @TempDir
    Path home;
    VirtualTui tui;

    @BeforeEach
    void start() {
        tui = VirtualTui.start(home, new VirtualTui.Options().env("PRYX_VAULT_PASSPHRASE", "correct horse battery"));
        assertThat(tui.top()).isInstanceOf(ProviderListPane.class);
    }

    @AfterEach
    void stop() {
        tui.close();
    }

    private void addOpenAi() {
        tui.manager().addProvider(new ProviderManager.NewProvider("openai", null, null, null, null));
        tui.top().onShow();
        tui.pump();
    }

    @Nested
    @DisplayName("help overlay")
    class Help {
        @Test
        @DisplayName("'?' lists every key of the current screen and the global ones; any key closes it")
        void listsKeys() {
            tui.type("?");
            assertThat(tui.shell().overlay()).isNotNull();
            String screen = tui.screen();
            for (KeyHint k : tui.top().keys()) {
                assertThat(screen).contains(k.description());
            }
            assertThat(screen).contains("Ctrl+P").contains("palette, also inside text fields").contains("Press any key to close.");
            tui.type("x");
            assertThat(tui.shell().overlay()).isNull();
            assertThat(tui.screen()).doesNotContain("Press any key to close.");
        }
    }

    @Nested
    @DisplayName("footer")
    class Footer {
        @Test
        @DisplayName("shows the main keys at the bottom at 120x40 and at 80x24")
        void mainKeys() {
            assertThat(lastLines(tui.screen())).contains("/ palette").contains("? help").contains("q quit");
            tui.resize(80, 24);
            assertThat(lastLines(tui.screen())).contains("/ palette").contains("? help").contains("q quit");
        }
    }

    @Nested
    @DisplayName("palette")
    class Palette {
        @Test
        @DisplayName("'/' opens it over the list, typing filters with the best match first, Esc closes it")
        void openFilterClose() {
            tui.type("/");
            assertThat(tui.shell().overlay()).isInstanceOf(PaletteOverlay.class);
            tui.type("refresh cat");
            PaletteOverlay palette = (PaletteOverlay) tui.shell().overlay();
            assertThat(palette.model().results().get(0).item().label()).isEqualTo("Refresh catalog");
            assertThat(tui.screen()).contains("Refresh catalog");
            tui.press(KeyType.Escape);
            assertThat(tui.shell().overlay()).isNull();
            assertThat(tui.top()).isInstanceOf(ProviderListPane.class);
        }

        @Test
        @DisplayName("searches commands, providers and every model of the catalog")
        void searchesEverything() {
            tui.ctrl('p');
            PaletteOverlay palette = (PaletteOverlay) tui.shell().overlay();
            int total = Integer.parseInt(palette.model().summary().replaceAll(".* of ", "").replace(",", ""));
            assertThat(total).isEqualTo(PaletteActions.COMMANDS.size() + tui.manager().listProviders().size()
                    + tui.manager().catalogProviders().size() + tui.manager().catalogModels().size());
            tui.type("gpt");
            assertThat(palette.model().results()).extracting(r -> r.item().kind()).contains(PaletteItem.Kind.MODEL);
        }

        @Test
        @DisplayName("Ctrl+P opens it even while a text field has focus, and closes it again")
        void ctrlPInsideText() {
            tui.ctrl('p');
            tui.type("theme");
            tui.ctrl('p');
            assertThat(tui.shell().overlay()).isNull();
        }

        @Test
        @DisplayName("Enter on a command runs it (Quit)")
        void runsCommand() {
            tui.type("/").type("quit").press(KeyType.Enter);
            assertThat(tui.shell().quitRequested()).isTrue();
        }

        @Test
        @DisplayName("re-sizes itself to stay inside the terminal when the terminal shrinks")
        void resize() {
            tui.type("/");
            assertThat(tui.shell().overlay().window().getSize().getColumns()).isGreaterThan(80);
            tui.resize(80, 24);
            assertThat(tui.shell().overlay().window().getSize().getColumns()).isLessThanOrEqualTo(80);
            assertThat(tui.shell().overlay().window().getSize().getRows()).isLessThanOrEqualTo(24);
        }
    }

    @Nested
    @DisplayName("resizing")
    class Resizing {
        @Test
        @DisplayName("redraws the list to the new size, wider and narrower, with the footer still at the bottom")
        void follows() {
            addOpenAi();
            for (int[] size : new int[][] {{80, 24}, {160, 50}, {100, 30}}) {
                tui.resize(size[0], size[1]);
                String[] lines = tui.screen().split("\n", -1);
                assertThat(Arrays.stream(lines).mapToInt(String::length).max().orElse(0)).isLessThanOrEqualTo(size[0]);
                assertThat(tui.screen()).contains("OpenAI");
                assertThat(lastLines(tui.screen())).contains("q quit");
            }
        }
    }

    @Nested
    @DisplayName("quitting")
    class Quitting {
        @Test
        @DisplayName("'q' and Ctrl+C quit at once when nothing typed is unsaved")
        void quits() {
            tui.type("q");
            assertThat(tui.shell().quitRequested()).isTrue();
        }

        @Test
        @DisplayName("ask first when a key has been typed and not saved: n stays (the typing kept), y quits")
        void asksWhenUnsaved() {
            addOpenAi();
            tui.type("k");
            tui.type("sk-typed-but-not-saved");
            tui.ctrl('c');
            assertThat(tui.shell().quitRequested()).isFalse();
            assertThat(tui.screen()).contains("Quit and discard what you typed?");
            tui.type("n");
            assertThat(tui.shell().quitRequested()).isFalse();
            assertThat(tui.top().hasUnsavedInput()).isTrue();
            tui.ctrl('c');
            tui.type("y");
            assertThat(tui.shell().quitRequested()).isTrue();
        }

        @Test
        @DisplayName("Ctrl+Z does not suspend (the terminal would come back in line mode); it says so")
        void ctrlZ() {
            tui.ctrl('z');
            assertThat(tui.shell().quitRequested()).isFalse();
            assertThat(tui.screen()).contains("pryx does not suspend");
        }

        @Test
        @DisplayName("Ctrl+C quits too")
        void ctrlC() {
            tui.ctrl('c');
            assertThat(tui.shell().quitRequested()).isTrue();
        }
    }

    @Nested
    @DisplayName("the home screen")
    class Home {
        @Test
        @DisplayName("is not popped by Esc; it says how to quit instead")
        void escOnHome() {
            tui.press(KeyType.Escape);
            assertThat(tui.top()).isInstanceOf(ProviderListPane.class);
            assertThat(tui.screen()).contains("q quits");
        }

        @Test
        @DisplayName("makes the selected provider active with Enter")
        void activate() {
            addOpenAi();
            tui.manager().addProvider(new ProviderManager.NewProvider("anthropic", null, null, null, null));
            tui.top().onShow();
            tui.pump();
            tui.press(KeyType.ArrowDown).press(KeyType.ArrowDown);
            String selected = ((ProviderListPane) tui.top()).model().selectedId();
            tui.press(KeyType.Enter);
            assertThat(tui.manager().currentModel(null, null).provider().value()).isEqualTo(selected);
            assertThat(tui.screen()).contains("is now the active provider");
        }
    }

    private static String lastLines(String screen) {
        String[] lines = screen.stripTrailing().split("\n");
        return lines[lines.length - 1];
    }
}
