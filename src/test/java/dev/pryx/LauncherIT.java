package dev.pryx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher {@code target/pryx}, run as a new user would: a separate process, no
 * terminal, real Argon2 costs, state under a fresh PRYX_HOME.
 */
@DisplayName("target/pryx launcher")
class LauncherIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("pryx.buildDir", "target"), "pryx");

    @TempDir
    Path home;

    record Run(int exit, String out, String err) {
    }

    Run pryx(Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(concat(LAUNCHER.toString(), args));
        Map<String, String> e = pb.environment();
        e.remove("PRYX_VAULT_PASSPHRASE");
        e.remove("PRYX_VAULT_PASSPHRASE_FILE");
        e.put("PRYX_HOME", home.toString());
        e.putAll(env);
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("pryx finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(List.of(rest));
        return all;
    }

    @Test
    @DisplayName("--version and --help need no vault and write nothing")
    void versionAndHelp() throws Exception {
        Run v = pryx(Map.of(), "", "--version");
        assertThat(v.exit()).isZero();
        assertThat(v.out()).startsWith("pryx ");
        Run h = pryx(Map.of(), "", "--help");
        assertThat(h.exit()).isZero();
        assertThat(h.out()).contains("Usage: pryx");
        Run none = pryx(Map.of(), "");
        assertThat(none.exit()).as("no arguments and no terminal: the help").isZero();
        assertThat(none.out()).contains("Usage: pryx");
        assertThat(home.resolve("data")).doesNotExist();
        assertThat(home.resolve("state")).doesNotExist();
    }

    @Test
    @DisplayName("the build's class-data archive is there and used; a stale one is skipped without a word on stdout")
    void classDataArchive() throws Exception {
        Path archive = LAUNCHER.resolveSibling("pryx.jsa");
        assertThat(archive).as("mvn package makes the archive").isRegularFile();
        assertThat(Files.size(archive)).isGreaterThan(1_000_000L);
        // The JVM that made it (the build's) must be the one that runs it.
        Run fresh = pryx(Map.of("PRYX_JAVA_OPTS", "-Xshare:on", "JAVA_HOME", System.getProperty("java.home")), "", "--version");
        assertThat(fresh.exit()).as("-Xshare:on fails unless the archive maps: %s", fresh.err()).isZero();

        // A copy whose jar is newer than the archive: the JVM may not use it, and must not say so on stdout.
        Path copy = Files.createDirectories(home.resolve("stale"));
        Files.copy(LAUNCHER, copy.resolve("pryx"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(archive, copy.resolve("pryx.jsa"));
        Files.copy(LAUNCHER.resolveSibling("pryx.jar"), copy.resolve("pryx.jar"));
        Files.setLastModifiedTime(copy.resolve("pryx.jar"), java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        Process p = new ProcessBuilder(copy.resolve("pryx").toString(), "--version").redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isZero();
        assertThat(out).startsWith("pryx ").doesNotContain("[warning]").doesNotContain("cds");
    }

    @Test
    @DisplayName("a failure is logged to state/logs/pryx.log (0600), one timestamped line per event, nothing on the terminal")
    void logFile() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Run r = pryx(Map.of("PRYX_CATALOG_URL", "http://127.0.0.1:" + closed + "/api.json"), "", "catalog", "refresh");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.out() + r.err()).doesNotContain("WARN").doesNotContain("logback");
        Path log = home.resolve("state/logs/pryx.log");
        assertThat(Files.readString(log)).containsPattern(
                "(?m)^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+(Z|[+-]\\d\\d:\\d\\d) WARN  \\[main] d\\.pryx\\.catalog\\.CatalogService - "
                        + "Catalog refresh from http://127\\.0\\.0\\.1:" + closed + "/api\\.json failed");
        if (dev.pryx.support.PrivateFiles.posix()) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        }
    }

    @Test
    @DisplayName("without PRYX_HOME the XDG default folders are under $HOME, not under Java's idea of the home")
    void xdgUnderHome() throws Exception {
        Path user = Files.createDirectories(home.resolve("user"));
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "vault", "init");
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("PRYX_") || k.startsWith("XDG_"));
        e.put("HOME", user.toString());
        e.put("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE);
        pb.redirectErrorStream(true).redirectOutput(home.resolve("xdg-out.txt").toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(home.resolve("xdg-out.txt"))).isZero();
        assertThat(user.resolve(".local/share/pryx/vault.pryx")).exists();
        assertThat(user.resolve(".local/state/pryx/logs")).isDirectory();
    }

    @Test
    @DisplayName("init, status, change-passphrase and a wrong passphrase, with the contract's exit codes")
    void vaultLifecycle() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE));
        Run init = pryx(env, "", "vault", "init");
        assertThat(init.exit()).as(init.err()).isZero();
        Run status = pryx(Map.of(), "", "vault", "status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("64 MiB, t=3, p=4");
        Run change = pryx(env, TestSecrets.OTHER_PASSPHRASE + "\n", "vault", "change-passphrase");
        assertThat(change.exit()).as(change.err()).isZero();
        Run wrong = pryx(env, "x\n", "vault", "change-passphrase");
        assertThat(wrong.exit()).isEqualTo(3);
        assertThat(wrong.err()).containsIgnoringCase("wrong passphrase").doesNotContain("Exception");
        Run noSource = pryx(Map.of(), "", "vault", "change-passphrase");
        assertThat(noSource.exit()).isEqualTo(3);
        assertThat(noSource.err()).contains("PRYX_VAULT_PASSPHRASE");
        Run usage = pryx(Map.of(), "", "vault", "frobnicate");
        assertThat(usage.exit()).isEqualTo(2);
        String log = Files.readString(home.resolve("state/logs/pryx.log"));
        assertThat(log).doesNotContain(TestSecrets.PASSPHRASE).doesNotContain(TestSecrets.OTHER_PASSPHRASE);
    }

    @Test
    @DisplayName("the provider flow as a script runs it: catalog offline, add, key from stdin, status, current model")
    void providerFlow() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE));
        Run all = pryx(Map.of(), "", "provider", "list", "--all");
        assertThat(all.exit()).isZero();
        assertThat(all.out()).contains("openai").contains("anthropic").contains("ollama");
        Run add = pryx(env, "", "provider", "add", "openai", "--as", "openai-work");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.err()).contains("Created a new vault");
        Run set = pryx(env, TestSecrets.API_KEY + "\n", "provider", "set-key", "openai-work");
        assertThat(set.exit()).as(set.err()).isZero();
        Run status = pryx(env, "", "provider", "key-status", "openai-work");
        assertThat(status.out()).contains("key set, fp:");
        Run current = pryx(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE, "PRYX_MODEL", "gpt-5-mini"), "",
                "provider", "current-model");
        assertThat(current.out()).contains("openai-work  (from config)").contains("gpt-5-mini  (from env PRYX_MODEL)");
        Run bad = pryx(env, "", "provider", "add", "../x");
        assertThat(bad.exit()).isEqualTo(2);
        for (Run r : List.of(all, add, set, status, current, bad)) {
            assertThat(r.out() + r.err()).doesNotContain(TestSecrets.API_KEY).doesNotContain("Exception");
        }
        assertThat(Files.readString(home.resolve("state/logs/pryx.log"))).doesNotContain(TestSecrets.API_KEY);
    }
}
