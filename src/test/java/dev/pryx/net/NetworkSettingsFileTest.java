package dev.pryx.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pryx.TestFiles;
import dev.pryx.support.Json;
import dev.pryx.support.PrivateFiles;
import dev.pryx.support.PryxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("NetworkSettingsFile (network.json)")
class NetworkSettingsFileTest {
    @TempDir
    Path home;

    Path config() {
        return home.resolve("config");
    }

    NetworkSettingsFile file() {
        return new NetworkSettingsFile(config());
    }

    static final NetworkSettings FULL = new NetworkSettings("http://proxy.corp:3128", Path.of("/etc/corp/ca.pem"),
            List.of("internal.corp", "10.0.0.0/8"));

    @Test
    @DisplayName("no file means no settings, and reading creates nothing")
    void absent() {
        assertThat(file().load()).isEqualTo(NetworkSettings.NONE);
        assertThat(config()).doesNotExist();
    }

    @Test
    @DisplayName("saves and loads every field, as snake_case JSON in the config directory")
    void roundTrip() throws Exception {
        assertThat(file().update(s -> FULL)).isEqualTo(FULL);
        assertThat(file().file()).isEqualTo(config().resolve("network.json"));
        assertThat(file().load()).isEqualTo(FULL);
        JsonNode json = Json.mapper().readTree(Files.readString(file().file()));
        assertThat(json.get("proxy").asText()).isEqualTo("http://proxy.corp:3128");
        assertThat(json.get("ca_bundle").asText()).isEqualTo("/etc/corp/ca.pem");
        assertThat(json.get("no_proxy").toString()).isEqualTo("[\"internal.corp\",\"10.0.0.0/8\"]");

        file().update(s -> NetworkSettings.NONE);
        assertThat(Json.mapper().readTree(Files.readString(file().file())).size()).as("removed fields are gone").isZero();
    }

    @Test
    @DisplayName("is 0600 in a 0700 directory, even over a file that was readable by others")
    void private0600() throws Exception {
        file().update(s -> FULL);
        assertThat(PrivateFiles.mode(file().file())).contains("0600");
        assertThat(PrivateFiles.mode(config())).contains("0700");
        Files.setPosixFilePermissions(file().file(), PosixFilePermissions.fromString("rw-r--r--"));
        file().update(s -> s.withProxy("http://other.corp:8080"));
        assertThat(PrivateFiles.mode(file().file())).contains("0600");
    }

    @Test
    @DisplayName("is replaced whole by a rename, never rewritten in place, and leaves no temporary file")
    void atomic() throws Exception {
        file().update(s -> FULL);
        Path file = file().file();
        Object inodeBefore = Files.getAttribute(file, "unix:ino");
        // A second name for the old file: an in-place write would change what it shows too.
        Path oldName = Files.createLink(home.resolve("old-network.json"), file);
        String oldHash = TestFiles.sha256(oldName);

        file().update(s -> s.withProxy("http://other.corp:8080"));

        assertThat(Files.getAttribute(file, "unix:ino")).isNotEqualTo(inodeBefore);
        assertThat(TestFiles.sha256(oldName)).as("the old file is untouched").isEqualTo(oldHash);
        assertThat(file().load().proxy()).isEqualTo("http://other.corp:8080");
        try (Stream<Path> files = Files.list(config())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("network.json");
        }
    }

    @Test
    @DisplayName("a failed save says so and leaves the old file as it was")
    void failedSave() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "uses Linux's PATH_MAX of 4096");
        // Run as root, permissions cannot make a save fail; a path at the system's length limit can:
        // network.json's own path fits (4095 characters), the temporary name beside it does not.
        Path dir = home;
        int target = 4095 - "/network.json".length();
        while (dir.toString().length() < target) {
            int room = target - dir.toString().length() - 1;
            dir = dir.resolve("d".repeat(Math.min(200, Math.max(1, room))));
        }
        assertThat(dir.toString()).hasSize(target);
        Files.createDirectories(dir);
        NetworkSettingsFile deep = new NetworkSettingsFile(dir);
        Path file = Files.writeString(deep.file(), "{\"proxy\": \"http://old.corp:3128\"}");
        String hash = TestFiles.sha256(file);

        assertThatThrownBy(() -> deep.update(s -> FULL))
                .isInstanceOfSatisfying(PryxException.class, e -> assertThat(e.kind()).isEqualTo(PryxException.Kind.USAGE))
                .hasMessageContaining("could not be saved in " + file)
                .hasMessageContaining("nothing was changed");
        assertThat(TestFiles.sha256(file)).isEqualTo(hash);
        assertThat(deep.load().proxy()).isEqualTo("http://old.corp:3128");
    }

    @Test
    @DisplayName("the atomic write removes its temporary file when the rename fails, and leaves the target as it was")
    void failedRename() throws Exception {
        // A non-empty directory where the file should be: the rename over it fails after the write.
        Path target = Files.createDirectories(config().resolve("network.json").resolve("in-the-way")).getParent();
        assertThatThrownBy(() -> PrivateFiles.writeAtomically(target, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        try (Stream<Path> files = Files.list(config())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("network.json");
        }
        assertThat(target.resolve("in-the-way")).isDirectory();
    }

    @Test
    @DisplayName("a network.json that is not a file cannot be read, and says so")
    void notAFile() throws Exception {
        Files.createDirectories(config().resolve("network.json"));
        assertThatThrownBy(() -> file().load())
                .isInstanceOfSatisfying(PryxException.class, e -> assertThat(e.kind()).isEqualTo(PryxException.Kind.USAGE))
                .hasMessage("The network settings file " + config().resolve("network.json") + " cannot be read (Is a directory).");
    }

    @Test
    @DisplayName("keeps fields a newer pryx may have written")
    void unknownFieldsKept() throws Exception {
        Files.createDirectories(config());
        Files.writeString(config().resolve("network.json"), "{\"proxy\": \"http://a.corp:1\", \"pac_url\": \"http://wpad/x.pac\"}");
        file().update(s -> s.withNoProxy(List.of("internal.corp")));
        JsonNode json = Json.mapper().readTree(Files.readString(file().file()));
        assertThat(json.get("pac_url").asText()).isEqualTo("http://wpad/x.pac");
        assertThat(json.get("proxy").asText()).isEqualTo("http://a.corp:1");
    }

    @Test
    @DisplayName("reads a relative CA bundle path (typed in by hand) from the config directory")
    void relativeBundle() throws Exception {
        Files.createDirectories(config());
        Files.writeString(config().resolve("network.json"), "{\"ca_bundle\": \"certs/ca.pem\"}");
        assertThat(file().load().caBundle()).isEqualTo(config().resolve("certs/ca.pem"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not json", "[]", "{\"proxy\": 3128}", "{\"no_proxy\": \"a.corp\"}", "{\"no_proxy\": [1]}",
            "{\"proxy\": \"a\", \"proxy\": \"b\"}", "{} trailing"})
    @DisplayName("a damaged file is an error naming it, and is left as it is")
    void damaged(String content) throws Exception {
        Files.createDirectories(config());
        Path f = Files.writeString(config().resolve("network.json"), content);
        String hash = TestFiles.sha256(f);
        for (Runnable attempt : List.<Runnable>of(() -> file().load(), () -> file().update(s -> NetworkSettings.NONE))) {
            assertThatThrownBy(attempt::run)
                    .isInstanceOfSatisfying(PryxException.class, e -> assertThat(e.kind()).isEqualTo(PryxException.Kind.USAGE))
                    .hasMessageStartingWith("The network settings file " + f + " is damaged");
        }
        assertThat(TestFiles.sha256(f)).isEqualTo(hash);
    }
}
