package dev.pryx.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.TestSecrets;
import dev.pryx.support.Environment;
import dev.pryx.support.PryxException;
import dev.pryx.support.PryxPaths;
import dev.pryx.vault.FileVault;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("ProviderManager (vault workflows)")
class ProviderManagerTest {
    @TempDir
    Path home;

    ProviderManager manager(Map<String, String> env, PassphraseSourceTest.ScriptedInput input) {
        return new ProviderManager(PryxPaths.under(home), FileVault.Options.cheapForTests(),
                new PassphraseSource(Environment.of(env), input), input, new FakeCatalog(), Environment.of(env),
                java.time.Clock.systemUTC(), ProviderEvent.Listener.NONE);
    }

    @Test
    @DisplayName("the vault is created on first use when a passphrase is available, with a one-line notice")
    void createdOnFirstUse() {
        var input = new PassphraseSourceTest.ScriptedInput(false);
        try (ProviderManager m = manager(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE), input)) {
            FileVault vault = m.vault();
            assertThat(vault.generation()).isEqualTo(1);
            assertThat(m.vault()).as("opened once, then reused").isSameAs(vault);
        }
        assertThat(input.notices).containsExactly("Created a new vault at " + PryxPaths.under(home).vaultFile() + ".");
    }

    @Test
    @DisplayName("without a passphrase source, first use fails as a vault error and creates nothing")
    void noPassphrase() {
        try (ProviderManager m = manager(Map.of(), new PassphraseSourceTest.ScriptedInput(false))) {
            assertThatThrownBy(m::vault).isInstanceOf(PryxException.class)
                    .satisfies(e -> assertThat(((PryxException) e).kind()).isEqualTo(PryxException.Kind.VAULT));
        }
        assertThat(PryxPaths.under(home).vaultFile()).doesNotExist();
    }

    @Test
    @DisplayName("init, status, change passphrase and restore report through the manager's own records")
    void lifecycle() {
        var input = new PassphraseSourceTest.ScriptedInput(false);
        input.stdin = TestSecrets.OTHER_PASSPHRASE;
        try (ProviderManager m = manager(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE), input)) {
            VaultReport created = m.initVault();
            assertThat(created.generation()).isEqualTo(1);
            assertThat(created.slots()).hasSize(1);
            m.changeVaultPassphrase();
            assertThat(m.vaultStatus().backups()).extracting(VaultReport.Backup::generation).containsExactly(1L);
        }
        try (ProviderManager m = manager(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE), input)) {
            VaultReport.Restored r = m.restoreVault(OptionalLong.empty());
            assertThat(r.fromGeneration()).isEqualTo(1);
            assertThat(r.newGeneration()).isEqualTo(3);
        }
    }
}
