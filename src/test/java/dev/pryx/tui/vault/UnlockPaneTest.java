package dev.pryx.tui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import dev.pryx.TestSecrets;
import dev.pryx.provider.PassphraseSource;
import dev.pryx.support.PryxPaths;
import dev.pryx.tui.VirtualTui;
import dev.pryx.tui.providers.ProviderListPane;
import dev.pryx.tui.text.CellWidth;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("UnlockPane on a virtual terminal")
class UnlockPaneTest {
    @TempDir
    Path home;

    private static VirtualTui.Options withPassphrase(String passphrase) {
        return new VirtualTui.Options().env(PassphraseSource.PASSPHRASE_VARIABLE, passphrase);
    }

    /** A vault protected by {@link TestSecrets#PASSPHRASE}, created by an earlier run. */
    private void existingVault() {
        try (VirtualTui earlier = VirtualTui.start(home, withPassphrase(TestSecrets.PASSPHRASE))) {
            assertThat(earlier.manager().vaultUnlocked()).isTrue();
        }
    }

    private static String line(VirtualTui tui, String containing) {
        return Arrays.stream(tui.screen().split("\n")).filter(l -> l.contains(containing)).findFirst().orElseThrow();
    }

    private static void neverDrawn(VirtualTui tui, String secret) {
        assertThat(tui.frames()).isNotEmpty().noneMatch(frame -> frame.contains(secret) || frame.contains("LEAKCHECK"));
    }

    /** Every line within 80 cells and the footer on the last row. */
    static void fits80x24(VirtualTui tui) {
        String[] rows = tui.screen().split("\n");
        assertThat(rows).hasSize(24).allSatisfy(r -> assertThat(CellWidth.of(r)).isLessThanOrEqualTo(80));
        assertThat(rows[23]).contains("quit");
    }

    @Nested
    @DisplayName("first run: creating the vault")
    class FirstRun {
        @Test
        @DisplayName("asks for the passphrase twice with a strength hint, names a mismatch, then opens the provider list")
        void create() {
            try (VirtualTui tui = VirtualTui.start(home)) {
                assertThat(tui.top()).isInstanceOf(UnlockPane.class);
                assertThat(tui.screen()).contains("First run").contains("New passphrase").contains("Repeat")
                        .contains("Type a passphrase:");

                tui.press(KeyType.Enter);
                assertThat(tui.screen()).contains("Type a passphrase first.");

                tui.type("abc");
                assertThat(tui.screen()).contains("Weak: under 10 characters");
                tui.press(KeyType.Backspace).press(KeyType.Backspace).press(KeyType.Backspace);
                tui.type(TestSecrets.PASSPHRASE);
                assertThat(tui.screen()).contains("Strong: 30 characters.");

                tui.press(KeyType.Enter).type(TestSecrets.OTHER_PASSPHRASE).press(KeyType.Enter);
                assertThat(tui.top()).isInstanceOf(UnlockPane.class);
                assertThat(tui.screen()).contains("The two passphrases differ");
                assertThat(line(tui, "Repeat")).as("the repetition is cleared").doesNotContain("character");
                assertThat(line(tui, "New passphrase")).contains("30 characters");

                tui.type(TestSecrets.PASSPHRASE).press(KeyType.Enter);
                assertThat(tui.top()).isInstanceOf(ProviderListPane.class);
                assertThat(tui.screen()).contains("Created the vault");
                assertThat(PryxPaths.under(home).vaultFile()).exists();
                assertThat(tui.manager().vaultUnlocked()).isTrue();
                neverDrawn(tui, TestSecrets.PASSPHRASE);
                neverDrawn(tui, TestSecrets.OTHER_PASSPHRASE);
            }
        }

        @Test
        @DisplayName("Esc does not leave the only screen; it says how to quit")
        void escape() {
            try (VirtualTui tui = VirtualTui.start(home)) {
                tui.press(KeyType.Escape);
                assertThat(tui.top()).isInstanceOf(UnlockPane.class);
                assertThat(tui.screen()).contains("Nothing to go back to: Ctrl+C quits.");
                assertThat(tui.top().hasUnsavedInput()).isFalse();
            }
        }

        @Test
        @DisplayName("fits 80x24 with the footer visible")
        void small() {
            try (VirtualTui tui = VirtualTui.start(home, new VirtualTui.Options().size(80, 24))) {
                tui.type(TestSecrets.PASSPHRASE).press(KeyType.Enter).type("x").press(KeyType.Enter);
                assertThat(tui.screen()).contains("Repeat").contains("Strong").contains("differ");
                fits80x24(tui);
            }
        }
    }

    @Nested
    @DisplayName("an existing vault")
    class Existing {
        @Test
        @DisplayName("a wrong passphrase shows the manager's sentence and clears the field; the right one opens the list")
        void unlock() {
            existingVault();
            try (VirtualTui tui = VirtualTui.start(home)) {
                assertThat(tui.top()).isInstanceOf(UnlockPane.class);
                assertThat(tui.screen()).contains("Passphrase").contains(PryxPaths.under(home).vaultFile().toString())
                        .doesNotContain("Repeat");

                tui.type(TestSecrets.OTHER_PASSPHRASE).press(KeyType.Enter);
                assertThat(tui.top()).isInstanceOf(UnlockPane.class);
                assertThat(tui.screen()).contains("Wrong passphrase");
                assertThat(line(tui, "Passphrase")).doesNotContain("character");
                assertThat(tui.manager().vaultUnlocked()).isFalse();

                tui.type(TestSecrets.PASSPHRASE).press(KeyType.Enter);
                assertThat(tui.top()).isInstanceOf(ProviderListPane.class);
                assertThat(tui.manager().vaultUnlocked()).isTrue();
                neverDrawn(tui, TestSecrets.PASSPHRASE);
            }
        }

        @Test
        @DisplayName("Enter on an empty field asks for the passphrase instead of trying")
        void empty() {
            existingVault();
            try (VirtualTui tui = VirtualTui.start(home)) {
                tui.press(KeyType.Enter);
                assertThat(tui.screen()).contains("Type the vault's passphrase");
                assertThat(tui.top()).isInstanceOf(UnlockPane.class);
            }
        }

        @Test
        @DisplayName("fits 80x24 with the wrapped error and the footer visible")
        void small() {
            existingVault();
            try (VirtualTui tui = VirtualTui.start(home, new VirtualTui.Options().size(80, 24))) {
                tui.type(TestSecrets.OTHER_PASSPHRASE).press(KeyType.Enter);
                assertThat(tui.screen()).contains("Wrong passphrase").contains("PRYX_VAULT_PASSPHRASE_FILE.");
                fits80x24(tui);
            }
        }
    }

    @Nested
    @DisplayName("with the passphrase in the environment")
    class FromEnvironment {
        @Test
        @DisplayName("creates the vault on first run and opens the list without drawing a prompt")
        void firstRun() {
            try (VirtualTui tui = VirtualTui.start(home, withPassphrase(TestSecrets.PASSPHRASE))) {
                assertThat(tui.top()).isInstanceOf(ProviderListPane.class);
                assertThat(PryxPaths.under(home).vaultFile()).exists();
                assertThat(tui.frames()).noneMatch(f -> f.contains("New passphrase") || f.contains("Passphrase  "));
                neverDrawn(tui, TestSecrets.PASSPHRASE);
            }
        }

        @Test
        @DisplayName("unlocks an existing vault directly")
        void existing() {
            existingVault();
            try (VirtualTui tui = VirtualTui.start(home, withPassphrase(TestSecrets.PASSPHRASE))) {
                assertThat(tui.top()).isInstanceOf(ProviderListPane.class);
                assertThat(tui.manager().vaultUnlocked()).isTrue();
                assertThat(tui.frames()).noneMatch(f -> f.contains("Passphrase  ") || f.contains("Repeat"));
                assertThat(tui.screen()).doesNotContain("Created the vault");
            }
        }

        @Test
        @DisplayName("a wrong one says what to fix, asks for nothing, and q quits")
        void wrong() {
            existingVault();
            try (VirtualTui tui = VirtualTui.start(home, withPassphrase(TestSecrets.OTHER_PASSPHRASE).size(80, 24))) {
                assertThat(tui.top()).isInstanceOf(UnlockPane.class);
                assertThat(tui.screen()).contains("Wrong passphrase").contains("PRYX_VAULT_PASSPHRASE").contains("once that is fixed; q quits.")
                        .doesNotContain("Passphrase  ");
                fits80x24(tui);
                tui.type("q");
                assertThat(tui.shell().quitRequested()).isTrue();
                neverDrawn(tui, TestSecrets.OTHER_PASSPHRASE);
            }
        }
    }
}
