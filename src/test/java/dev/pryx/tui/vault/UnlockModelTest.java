package dev.pryx.tui.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.TestSecrets;
import dev.pryx.catalog.CatalogService;
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
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("UnlockModel")
class UnlockModelTest {
    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();
    private ProviderManager manager;

    private ProviderManager manager() {
        PryxPaths paths = PryxPaths.under(home);
        Environment environment = env::get;
        TuiSecretInput notices = new TuiSecretInput();
        manager = new ProviderManager(paths, FileVault.Options.cheapForTests(), new PassphraseSource(environment, notices),
                notices, new CatalogService(paths, environment, () -> {
                    throw new IllegalStateException("no network in tests");
                }, Clock.systemUTC()), environment, Clock.systemUTC(), ProviderEvent.Listener.NONE);
        return manager;
    }

    /** A vault protected by {@link TestSecrets#PASSPHRASE}, made by an earlier "process". */
    private void existingVault() {
        try (ProviderManager earlier = manager()) {
            earlier.createVault(secret(TestSecrets.PASSPHRASE));
        }
    }

    private static Secret secret(String text) {
        return Secret.adopt(text.toCharArray());
    }

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
    }

    @Nested
    @DisplayName("chooses what the screen is for")
    class Modes {
        @Test
        @DisplayName("first run without a passphrase in the environment: create a vault")
        void create() {
            UnlockModel model = new UnlockModel(manager());
            assertThat(model.mode()).isEqualTo(UnlockModel.Mode.CREATE);
            assertThat(model.intro()).contains("First run").contains("cannot be recovered");
        }

        @Test
        @DisplayName("an existing vault: ask for its passphrase, naming the file")
        void unlock() {
            existingVault();
            UnlockModel model = new UnlockModel(manager());
            assertThat(model.mode()).isEqualTo(UnlockModel.Mode.UNLOCK);
            assertThat(model.intro()).contains(PryxPaths.under(home).vaultFile().toString());
        }

        @Test
        @DisplayName("a passphrase in the environment: ask nothing, whether or not a vault exists")
        void environment() {
            env.put(PassphraseSource.PASSPHRASE_VARIABLE, TestSecrets.PASSPHRASE);
            assertThat(new UnlockModel(manager()).mode()).isEqualTo(UnlockModel.Mode.FROM_ENVIRONMENT);
        }

        @Test
        @DisplayName("a vault already open in this process: nothing to do")
        void open() {
            ProviderManager m = manager();
            m.createVault(secret(TestSecrets.PASSPHRASE));
            assertThat(new UnlockModel(m).mode()).isEqualTo(UnlockModel.Mode.OPEN);
        }
    }

    @Nested
    @DisplayName("unlocking an existing vault")
    class Unlocking {
        @Test
        @DisplayName("a wrong passphrase shows the manager's sentence and stays on the screen")
        void wrong() {
            existingVault();
            UnlockModel model = new UnlockModel(manager());
            assertThat(model.begin()).isTrue();
            assertThat(model.message()).isEqualTo("Unlocking…");
            try {
                model.unlock(secret(TestSecrets.OTHER_PASSPHRASE));
            } catch (PryxException e) {
                model.failed(e.getMessage());
            }
            assertThat(model.busy()).isFalse();
            assertThat(model.mode()).isEqualTo(UnlockModel.Mode.UNLOCK);
            assertThat(model.message()).startsWith("Wrong passphrase");
            assertThat(manager.vaultUnlocked()).isFalse();
        }

        @Test
        @DisplayName("the right passphrase opens it, with nothing more to say")
        void right() {
            existingVault();
            UnlockModel model = new UnlockModel(manager());
            model.begin();
            model.unlock(secret(TestSecrets.PASSPHRASE));
            assertThat(model.succeeded()).isNull();
            assertThat(model.mode()).isEqualTo(UnlockModel.Mode.OPEN);
            assertThat(manager.vaultUnlocked()).isTrue();
        }

        @Test
        @DisplayName("a second request while one runs is refused, so a second Enter does nothing")
        void oneAtATime() {
            existingVault();
            UnlockModel model = new UnlockModel(manager());
            assertThat(model.begin()).isTrue();
            assertThat(model.begin()).isFalse();
            model.failed("whatever");
            assertThat(model.begin()).isTrue();
        }

        @Test
        @DisplayName("the passphrase handed over is wiped, whether it was right or wrong")
        void wiped() {
            existingVault();
            UnlockModel model = new UnlockModel(manager());
            char[] wrong = TestSecrets.OTHER_PASSPHRASE.toCharArray();
            try {
                model.unlock(Secret.adopt(wrong));
            } catch (PryxException expected) {
                // wrong on purpose
            }
            char[] right = TestSecrets.PASSPHRASE.toCharArray();
            model.unlock(Secret.adopt(right));
            assertThat(new String(wrong)).isEqualTo("\0".repeat(wrong.length));
            assertThat(new String(right)).isEqualTo("\0".repeat(right.length));
        }
    }

    @Nested
    @DisplayName("creating the vault on first run")
    class Creating {
        @Test
        @DisplayName("an empty passphrase, a missing repetition and a different one are each named")
        void checks() {
            UnlockModel model = new UnlockModel(manager());
            try (Secret empty = secret(""); Secret first = secret(TestSecrets.PASSPHRASE);
                 Secret other = secret(TestSecrets.OTHER_PASSPHRASE); Secret same = secret(TestSecrets.PASSPHRASE)) {
                assertThat(model.checkNew(empty, empty)).isEqualTo(UnlockModel.NewPassphrase.EMPTY);
                assertThat(model.checkNew(first, empty)).isEqualTo(UnlockModel.NewPassphrase.NOT_REPEATED);
                assertThat(model.checkNew(first, other)).isEqualTo(UnlockModel.NewPassphrase.DIFFERENT);
                assertThat(model.message()).contains("differ");
                assertThat(model.checkNew(first, same)).isEqualTo(UnlockModel.NewPassphrase.OK);
                assertThat(model.message()).isEmpty();
            }
        }

        @Test
        @DisplayName("creating writes the vault and says where it is")
        void create() {
            UnlockModel model = new UnlockModel(manager());
            assertThat(model.begin()).isTrue();
            assertThat(model.message()).isEqualTo("Creating the vault…");
            model.create(secret(TestSecrets.PASSPHRASE));
            String line = model.succeeded();
            assertThat(PryxPaths.under(home).vaultFile()).exists();
            assertThat(line).isEqualTo("Created the vault " + PryxPaths.under(home).vaultFile() + ".");
            assertThat(line).doesNotContain("LEAKCHECK");
        }

        @Test
        @DisplayName("a vault that appeared meanwhile turns the screen into the unlock screen")
        void appearedMeanwhile() {
            UnlockModel model = new UnlockModel(manager());
            existingVaultBesides();
            model.begin();
            try {
                model.create(secret(TestSecrets.OTHER_PASSPHRASE));
            } catch (PryxException e) {
                model.failed(e.getMessage());
            }
            assertThat(model.mode()).isEqualTo(UnlockModel.Mode.UNLOCK);
            assertThat(model.message()).contains("already exists");
        }

        private void existingVaultBesides() {
            ProviderManager mine = manager;
            try (ProviderManager other = manager()) {
                other.createVault(secret(TestSecrets.PASSPHRASE));
            }
            manager = mine;
        }

        @Test
        @DisplayName("the strength hint follows the length only")
        void hint() {
            try (Secret shortOne = secret("abc"); Secret longOne = secret(TestSecrets.PASSPHRASE)) {
                assertThat(UnlockModel.strengthHint(shortOne)).startsWith("Weak");
                assertThat(UnlockModel.strengthHint(longOne)).startsWith("Strong").doesNotContain("LEAKCHECK");
            }
        }
    }

    @Nested
    @DisplayName("with the passphrase in the environment")
    class FromEnvironment {
        @Test
        @DisplayName("no vault yet: one is created from it, and the line says so")
        void creates() {
            env.put(PassphraseSource.PASSPHRASE_VARIABLE, TestSecrets.PASSPHRASE);
            UnlockModel model = new UnlockModel(manager());
            model.begin();
            assertThat(model.message()).isEqualTo("Unlocking the vault…");
            model.unlockFromEnvironment();
            assertThat(model.succeeded()).startsWith("Created the vault");
            assertThat(manager.vaultUnlocked()).isTrue();
        }

        @Test
        @DisplayName("a wrong one: the sentence says to fix the variable, and how to quit")
        void wrong() {
            existingVault();
            env.put(PassphraseSource.PASSPHRASE_VARIABLE, TestSecrets.OTHER_PASSPHRASE);
            UnlockModel model = new UnlockModel(manager());
            model.begin();
            try {
                model.unlockFromEnvironment();
            } catch (PryxException e) {
                model.failed(e.getMessage());
            }
            assertThat(model.message()).startsWith("Wrong passphrase").endsWith(UnlockModel.ENV_ADVICE);
            assertThat(model.message()).contains("PRYX_VAULT_PASSPHRASE").contains("Start pryx again").contains("q quits");
        }
    }
}
