package dev.pryx.tui.theme;

import com.googlecode.lanterna.graphics.PropertyTheme;
import com.googlecode.lanterna.graphics.Theme;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import dev.pryx.support.PryxException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The themes pryx can draw with: the built-in ones packaged under {@code /themes/} on the class
 * path, and the user's own {@code NAME.properties} files in a directory (the config directory's
 * {@code themes/}). A user theme shadows a built-in one of the same name, so a user can restyle
 * {@code dark} without inventing a new name.
 *
 * <p>Theme files are Lanterna property themes, read as UTF-8 and loaded strictly: a key naming a
 * class Lanterna cannot find is an error, not silently skipped. Class names are limited to
 * Lanterna's GUI classes and pryx's own TUI classes, because Lanterna loads (and for renderer
 * keys instantiates) every class a theme names.
 */
public final class ThemeCatalog {
    /** The theme used when none is chosen. */
    public static final String DEFAULT_THEME = "dark";

    /** The themes shipped in the jar; {@code themes/} in the repository holds exactly these. */
    public static final List<String> BUILT_IN = List.of("dark", "light", "high-contrast");

    static final String SUFFIX = ".properties";
    private static final String RESOURCE_DIR = "/themes/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final List<String> ALLOWED_CLASS_PREFIXES =
            List.of("com.googlecode.lanterna.gui2.", "dev.pryx.tui.");
    private static final List<String> CLASS_VALUED_KEYS = List.of("postrenderer", "windowdecoration", "renderer");

    private final Path userDirectory;

    /**
     * @param userDirectory where user themes live; it need not exist, and {@code null} means
     *     built-in themes only
     */
    public ThemeCatalog(Path userDirectory) {
        this.userDirectory = userDirectory;
    }

    /** A catalog without user themes. */
    public static ThemeCatalog builtInOnly() {
        return new ThemeCatalog(null);
    }

    /** Every theme name that {@link #load} accepts, sorted; user and built-in names merged. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>(BUILT_IN);
        names.addAll(userThemeNames());
        return List.copyOf(names);
    }

    /** Whether {@code name} resolves to a user's file rather than a built-in theme. */
    public boolean isUserTheme(String name) {
        checkName(name);
        return userFile(name) != null;
    }

    /**
     * The theme called {@code name}: the user's file when there is one, else the built-in theme,
     * with its colours as written (24-bit).
     *
     * @throws PryxException of kind USAGE when the name is malformed or unknown, or when the
     *     user's file cannot be read or is not a valid theme (the message names the file)
     */
    public Theme load(String name) {
        return load(name, ColorMode.TRUE_COLOR);
    }

    /**
     * The theme called {@code name} with its colours mapped down to what a terminal in
     * {@code mode} can show ({@link ThemeColors} says how). A theme is valid or not whatever the
     * mode: values that are no colour reach Lanterna's strict check unchanged.
     *
     * @throws PryxException as {@link #load(String)} does
     */
    public Theme load(String name, ColorMode mode) {
        Objects.requireNonNull(mode, "mode");
        checkName(name);
        Path file = userFile(name);
        if (file != null) {
            return loadUserFile(file, mode);
        }
        if (BUILT_IN.contains(name)) {
            return loadBuiltIn(name, mode);
        }
        throw new PryxException(PryxException.Kind.USAGE,
                "Unknown theme '" + name + "'. Available themes: " + String.join(", ", names()) + ".");
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new PryxException(PryxException.Kind.USAGE,
                    "Invalid theme name '" + printable(Objects.toString(name, "")) + "': use 1 to 64 letters, digits, '-' or '_'"
                            + " (a name, not a path), for example --theme high-contrast.");
        }
    }

    /** The name as it may be echoed to a terminal: control characters shown as '?', cut at 80. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(80).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return name.codePointCount(0, name.length()) > 80 ? out + "..." : out.toString();
    }

    private Path userFile(String name) {
        if (userDirectory == null) {
            return null;
        }
        Path file = userDirectory.resolve(name + SUFFIX);
        return Files.isRegularFile(file) ? file : null;
    }

    private List<String> userThemeNames() {
        List<String> names = new ArrayList<>();
        if (userDirectory == null || !Files.isDirectory(userDirectory)) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(userDirectory, "*" + SUFFIX)) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.length() - SUFFIX.length());
                // Files whose names could never be asked for (dots, spaces) are not themes.
                if (NAME.matcher(name).matches() && Files.isRegularFile(file)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new PryxException(PryxException.Kind.USAGE,
                    "Cannot list the theme folder " + userDirectory + ": " + e.getMessage(), e);
        }
        return names;
    }

    private static Theme loadBuiltIn(String name, ColorMode mode) {
        String resource = RESOURCE_DIR + name + SUFFIX;
        try (InputStream in = ThemeCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                // A packaging mistake, not something the user did.
                throw new IllegalStateException("Built-in theme " + resource + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource, mode);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read built-in theme " + resource, e);
        }
    }

    private static Theme loadUserFile(Path file, ColorMode mode) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new PryxException(PryxException.Kind.USAGE, "Theme file " + file + " disappeared while reading it.", e);
        } catch (IOException e) {
            throw new PryxException(PryxException.Kind.USAGE,
                    "Cannot read theme file " + file + ": " + e.getMessage(), e);
        }
        try {
            return parse(text, file.toString(), mode);
        } catch (InvalidThemeException e) {
            throw new PryxException(PryxException.Kind.USAGE,
                    "Theme file " + file + " is not a valid Lanterna theme: " + describe(e)
                            + ". Fix it, or remove it to use the built-in themes.", e);
        }
    }

    /** Parses theme text strictly, in 24-bit colour; {@code source} names it in messages. */
    static Theme parse(String text, String source) {
        return parse(text, source, ColorMode.TRUE_COLOR);
    }

    /** Parses theme text strictly with its colours mapped down for {@code mode}. */
    static Theme parse(String text, String source, ColorMode mode) {
        Properties properties = new Properties();
        try (Reader reader = new StringReader(text)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            // Properties.load throws IllegalArgumentException on a malformed \\uXXXX escape.
            throw new InvalidThemeException(describe(e), e);
        }
        checkClassNames(properties);
        // After the class-name check: the mapping reads the superclasses of the classes a theme names.
        Properties mapped = ThemeColors.forMode(properties, mode);
        try {
            return new PropertyTheme(mapped, false);
        } catch (RuntimeException e) {
            // Lanterna reports unknown classes, colours and SGR names as IllegalArgumentException,
            // and a renderer class it cannot instantiate as a RuntimeException or ClassCastException.
            throw new InvalidThemeException(describe(e), e);
        }
    }

    private static void checkClassNames(Properties properties) {
        for (String key : properties.stringPropertyNames()) {
            int dot = key.lastIndexOf('.');
            if (dot >= 0) {
                checkClassName(key.substring(0, dot), "key " + key);
            }
            String style = (dot >= 0 ? key.substring(dot + 1) : key).toLowerCase(Locale.ROOT);
            String value = properties.getProperty(key).trim();
            if (CLASS_VALUED_KEYS.contains(style) && !value.isEmpty()) {
                checkClassName(value, "value of " + key);
            }
            if (style.equals("renderer") && !value.isEmpty()) {
                checkRenderer(value, key);
            }
        }
    }

    private static void checkClassName(String className, String where) {
        for (String prefix : ALLOWED_CLASS_PREFIXES) {
            if (className.startsWith(prefix)) {
                return;
            }
        }
        throw new InvalidThemeException("class '" + className + "' in " + where + " is not allowed; a theme may"
                + " name only classes in com.googlecode.lanterna.gui2 and dev.pryx.tui", null);
    }

    /** Lanterna creates renderers only when a component is first drawn: check them now instead. */
    private static void checkRenderer(String className, String key) {
        Class<?> type;
        try {
            type = Class.forName(className, false, ThemeCatalog.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new InvalidThemeException("renderer class '" + className + "' in " + key + " does not exist", e);
        }
        if (!ComponentRenderer.class.isAssignableFrom(type)) {
            throw new InvalidThemeException("class '" + className + "' in " + key + " is not a component renderer", null);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.toString();
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /** A theme text Lanterna (or our class-name check) refuses; turned into a user-facing error. */
    static final class InvalidThemeException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidThemeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
