package dev.pryx;

import dev.pryx.catalog.CatalogService;
import dev.pryx.catalog.CatalogSource;
import dev.pryx.cli.Cli;
import dev.pryx.cli.CliContext;
import dev.pryx.cli.PryxCommand;
import dev.pryx.cli.TerminalSecretInput;
import dev.pryx.net.HttpClients;
import dev.pryx.provider.PassphraseSource;
import dev.pryx.provider.ProviderEvent;
import dev.pryx.provider.ProviderManager;
import dev.pryx.support.Environment;
import dev.pryx.tui.TuiApp;
import dev.pryx.tui.shell.TuiSecretInput;
import dev.pryx.support.PrivateFiles;
import dev.pryx.support.PryxPaths;
import dev.pryx.vault.FileVault;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Composition root: reads the environment, wires the object graph, picks the face, and nothing
 * else. The manager is built on first use, so {@code --help} and {@code --version} create no
 * files and start no logging.
 */
public final class Main {
    private Main() {
    }

    /** Set to 1 to open a vault whose mode lets other users in (shared machines with ACLs, the brave). */
    static final String ALLOW_OPEN_PERMISSIONS = "PRYX_ALLOW_OPEN_PERMISSIONS";

    public static void main(String[] args) {
        Environment env = Environment.system();
        FileVault.Options options = FileVault.Options.defaults()
                .withAllowOpenPermissions("1".equals(env.get(ALLOW_OPEN_PERMISSIONS)));
        int code = run(args, env, userHome(env), System.in, System.out, System.err,
                System.console(), options);
        System.exit(code);
    }

    /**
     * {@code $HOME} when set, as the XDG rules and every other tool read it; Java's
     * {@code user.home} comes from the password database and ignores it.
     */
    static Path userHome(Environment env) {
        String home = env.get("HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }

    /** One invocation with everything from outside passed in; tests call this directly. */
    static int run(String[] args, Environment env, Path userHome, InputStream stdin, OutputStream stdout,
                   OutputStream stderr, Console console, FileVault.Options vaultOptions) {
        PryxPaths paths = PryxPaths.resolve(env, userHome);
        Path logDir = paths.logDirectory();
        if (System.getProperty("pryx.logDir") == null) {
            System.setProperty("pryx.logDir", logDir.toString());
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8));
        TerminalSecretInput input = new TerminalSecretInput(console, stdin, err);
        // One client per process (one connection pool), built on first use: the settings file and
        // a CA bundle are read only by a command that goes out to the network.
        Lazy<okhttp3.OkHttpClient> http = new Lazy<>(() -> HttpClients.forPryx(env,
                paths.config(), "pryx/" + PryxCommand.Version.version()));
        Lazy<ProviderManager> manager = new Lazy<>(() -> {
            prepareLogFile(logDir);
            return new ProviderManager(paths, vaultOptions, new PassphraseSource(env, input), input,
                    catalogSource(paths, env, http), env, Clock.systemUTC(), ProviderEvent.Listener.NONE, http);
        });
        CliContext.TuiLauncher tui = theme -> {
            prepareLogFile(logDir);
            TuiSecretInput notices = new TuiSecretInput();
            try (ProviderManager tuiManager = new ProviderManager(paths, vaultOptions, new PassphraseSource(env, notices),
                    notices, catalogSource(paths, env, http), env, Clock.systemUTC(), ProviderEvent.Listener.NONE, http)) {
                return TuiApp.run(new TuiApp.Launch(tuiManager, notices, env, paths, theme), stdin, stdout);
            }
        };
        try {
            CliContext context = new CliContext(manager, input, out, err, logDir.resolve("pryx.log"), tui);
            if (args.length == 0 && input.interactive()) {
                // The everyday case, straight to the app: building the whole command tree first
                // would cost about a quarter of a second before the first frame.
                return Cli.guard(context, () -> tui.open(null));
            }
            return Cli.run(args, context);
        } finally {
            manager.ifCreated(ProviderManager::close);
        }
    }

    private static CatalogSource catalogSource(PryxPaths paths, Environment env, Supplier<okhttp3.OkHttpClient> http) {
        return new CatalogService(paths, env, http, Clock.systemUTC());
    }

    /** The log directory 0700 and the log file 0600 before the logging library opens it. */
    private static void prepareLogFile(Path logDir) {
        try {
            PrivateFiles.createPrivateDirectories(logDir);
            Files.createFile(logDir.resolve("pryx.log"), PrivateFiles.ownerOnlyFile());
        } catch (FileAlreadyExistsException e) {
            // Already there, with the mode it was given when created.
        } catch (IOException | RuntimeException e) {
            // Logging is a help, not a requirement: a read-only state directory must not stop the command.
        }
    }

    /** Builds a value on first request, once. */
    private static final class Lazy<T> implements Supplier<T> {
        private final Supplier<T> factory;
        private T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = factory.get();
            }
            return value;
        }

        synchronized void ifCreated(java.util.function.Consumer<T> action) {
            if (value != null) {
                action.accept(value);
            }
        }
    }
}
