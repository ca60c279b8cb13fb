package dev.pryx.support;

import java.nio.file.Path;

/**
 * Where pryx keeps its files. {@code PRYX_HOME} puts everything under one directory (with
 * {@code config}, {@code data}, {@code cache} and {@code state} inside); otherwise the XDG base
 * directories apply, each with a {@code pryx} sub-directory. Nothing is created here: callers
 * create what they write with {@link PrivateFiles#createPrivateDirectories(Path)}.
 */
public record PryxPaths(Path config, Path data, Path cache, Path state) {

    public static final String VAULT_FILE_NAME = "vault.pryx";

    public static PryxPaths resolve(Environment env, Path userHome) {
        var home = env.value("PRYX_HOME");
        if (home.isPresent()) {
            Path root = Path.of(home.get()).toAbsolutePath().normalize();
            return new PryxPaths(root.resolve("config"), root.resolve("data"),
                    root.resolve("cache"), root.resolve("state"));
        }
        return new PryxPaths(
                xdg(env, "XDG_CONFIG_HOME", userHome.resolve(".config")),
                xdg(env, "XDG_DATA_HOME", userHome.resolve(".local/share")),
                xdg(env, "XDG_CACHE_HOME", userHome.resolve(".cache")),
                xdg(env, "XDG_STATE_HOME", userHome.resolve(".local/state")));
    }

    /** Everything under one root, as with {@code PRYX_HOME}. */
    public static PryxPaths under(Path root) {
        return resolve(Environment.of(java.util.Map.of("PRYX_HOME", root.toString())), root);
    }

    public Path vaultFile() {
        return data.resolve(VAULT_FILE_NAME);
    }

    public Path logDirectory() {
        return state.resolve("logs");
    }

    private static Path xdg(Environment env, String variable, Path fallback) {
        // The XDG spec says relative values are invalid and must be ignored.
        Path base = env.value(variable).map(Path::of).filter(Path::isAbsolute).orElse(fallback);
        return base.resolve("pryx").toAbsolutePath().normalize();
    }
}
