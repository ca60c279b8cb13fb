package dev.pryx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs after the unit tests (failsafe): everything pryx wrote during the whole suite (vaults,
 * backups, lock and temp files, logs, state directories) is searched for the test secrets in
 * clear. The tests' own fixtures (a passphrase file a test wrote on purpose) are not pryx state
 * and are skipped.
 */
@DisplayName("no test secret in clear in anything pryx wrote")
class SecretLeakIT {
    private static final Path BUILD = Path.of(System.getProperty("pryx.buildDir", "target"));
    private static final Set<String> STATE_DIRECTORIES = Set.of("data", "state", "cache", "config", "backups", "logs",
            "test-logs", "test-home");
    private static final List<String> STATE_SUFFIXES = List.of(".pryx", ".log", ".lock", ".tmp", ".json");
    private static final long MAX_SCANNED_BYTES = 64L * 1024 * 1024;

    record Finding(Path file, String pattern) {
    }

    @Test
    @DisplayName("after the whole suite")
    void scanSuiteOutput() throws IOException {
        List<Path> roots = List.of(BUILD.resolve("test-tmp"), BUILD.resolve("test-logs"), BUILD.resolve("test-home"));
        List<Path> scanned = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                scan(root, scanned, findings);
            }
        }
        assertThat(scanned.stream().filter(p -> p.toString().endsWith(".pryx")).count())
                .as("the scan saw the suite's vault files (else it proves nothing)").isGreaterThan(20);
        assertThat(scanned.stream().filter(p -> p.toString().endsWith(".log")).count()).as("and its logs").isPositive();
        assertThat(findings).isEmpty();
    }

    @Test
    @DisplayName("the scan finds a planted secret (it can fail)")
    void scanFindsPlanted(@TempDir Path dir) throws IOException {
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.writeString(state.resolve("pryx.log"), "key=" + TestSecrets.API_KEY, StandardCharsets.UTF_8);
        List<Finding> findings = new ArrayList<>();
        scan(dir, new ArrayList<>(), findings);
        assertThat(findings).isNotEmpty();
    }

    static void scan(Path root, List<Path> scanned, List<Finding> findings) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!isPryxState(root.relativize(f)) || Files.size(f) > MAX_SCANNED_BYTES) {
                    continue;
                }
                scanned.add(f);
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (Pattern p : TestSecrets.PATTERNS) {
                    if (p.matcher(text).find()) {
                        findings.add(new Finding(f, p.pattern()));
                    }
                }
            }
        }
    }

    static boolean isPryxState(Path relative) {
        String name = relative.getFileName().toString();
        if (STATE_SUFFIXES.stream().anyMatch(name::endsWith) || name.contains(".pryx.")) {
            return true;
        }
        for (Path part : relative) {
            if (STATE_DIRECTORIES.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }
}
