package dev.pryx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of docs/ARCHITECTURE.md, made executable: every reference from one feature
 * package to another (imports and fully qualified names alike) must follow an allowed arrow.
 */
@DisplayName("package arrows")
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/pryx");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.pryx\\.([a-z]+)\\b");

    /** Which feature packages each package may use (besides itself and its sub-packages). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "cli", Set.of("provider", "support"),
            "api", Set.of("provider", "support"),
            "tui", Set.of("provider", "support"),
            "provider", Set.of("catalog", "vault", "oauth", "audit", "net", "support"),
            "catalog", Set.of("net", "support"),
            "oauth", Set.of("net", "support"),
            "audit", Set.of("support"),
            "net", Set.of("support"),
            "vault", Set.of("support"),
            "support", Set.of());

    @Test
    @DisplayName("every package uses only what the arrows allow; only Main wires the faces")
    void arrows() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = MAIN.relativize(file);
                if (relative.getNameCount() == 1) {
                    continue; // dev.pryx.Main: the composition root may use everything
                }
                String from = relative.getName(0).toString();
                Set<String> allowed = ALLOWED.get(from);
                assertThat(allowed).as("package %s is not in the architecture map", from).isNotNull();
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    String to = m.group(1);
                    if (!to.equals(from) && !allowed.contains(to)) {
                        violations.add(relative + " uses dev.pryx." + to);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    @DisplayName("the check itself catches a face reaching into the vault")
    void detects() {
        Matcher m = REFERENCE.matcher("import dev.pryx.vault.FileVault;");
        assertThat(m.find()).isTrue();
        assertThat(ALLOWED.get("cli")).doesNotContain(m.group(1));
    }
}
