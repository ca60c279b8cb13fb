package dev.pryx.tui.theme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The foreground, background and SGR declarations of a theme's properties, with the inheritance
 * Lanterna's {@code PropertyTheme} applies to them, so that a declaration can be rewritten in
 * view of the colours a component really ends up with.
 *
 * <p>Lanterna's rules (3.1.5, read from its {@code AbstractTheme}): a key is
 * {@code [CLASS.]ATTRIBUTE[[CATEGORY]]}, the class part being everything before the last dot
 * (none means the root, {@code java.lang.Object}); the attribute is case-insensitive; the four
 * standard states are matched case-insensitively and any other category is kept as written. A
 * style looks up its category in its own class, then in each superclass up to the root; when no
 * class declares that category it falls back to the root's normal style, then to white on black
 * without SGR.
 *
 * <p>Works on a private copy: {@link #set} never touches the properties it was built from.
 */
final class ThemeStyles {
    /** The definition of keys without a class: Lanterna's root node. */
    static final String ROOT = "";
    /** The category of keys without {@code [...]}. */
    static final String NORMAL = "";

    enum Attribute { FOREGROUND, BACKGROUND, SGR }

    /** One declaration a component can inherit: class, attribute and category. */
    record Slot(String definition, Attribute attribute, String category) {
    }

    private static final Pattern STYLE = Pattern.compile("([a-zA-Z]+)(?:\\[([A-Za-z0-9_-]+)])?");
    private static final List<String> STATES = List.of("ACTIVE", "INSENSITIVE", "PRELIGHT", "SELECTED");

    private final Properties properties = new Properties();
    /** Every key declaring a slot; usually one, more when a file spells the same slot twice. */
    private final Map<Slot, List<String>> keys = new HashMap<>();
    private final Set<String> definitions = new TreeSet<>();
    private final Map<String, List<String>> chains = new HashMap<>();

    ThemeStyles(Properties source) {
        // Sorted, so that when a slot is spelled twice the same spelling wins on every run.
        for (String key : new TreeSet<>(source.stringPropertyNames())) {
            properties.setProperty(key, source.getProperty(key));
            Slot slot = slot(key);
            if (slot != null) {
                keys.computeIfAbsent(slot, s -> new ArrayList<>()).add(key);
                definitions.add(slot.definition());
            }
        }
        definitions.add(ROOT);
    }

    /** The slot a key declares, or {@code null} for other keys (characters, renderers, ...) and malformed ones. */
    static Slot slot(String key) {
        int dot = key.lastIndexOf('.');
        Matcher m = STYLE.matcher(key.substring(dot + 1));
        if (!m.matches()) {
            return null;
        }
        Attribute attribute = switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "foreground" -> Attribute.FOREGROUND;
            case "background" -> Attribute.BACKGROUND;
            case "sgr" -> Attribute.SGR;
            default -> null;
        };
        if (attribute == null) {
            return null;
        }
        return new Slot(dot < 0 ? ROOT : key.substring(0, dot), attribute, category(m.group(2)));
    }

    private static String category(String written) {
        if (written == null) {
            return NORMAL;
        }
        String upper = written.toUpperCase(Locale.ROOT);
        return STATES.contains(upper) ? upper : written;
    }

    /**
     * Every class that declares a colour or SGR, and the root, each after all of its ancestors:
     * a rewrite done in this order is seen by every class that inherits it.
     */
    List<String> definitions() {
        List<String> ordered = new ArrayList<>(definitions);
        ordered.sort(Comparator.comparingInt((String d) -> chain(d).size()).thenComparing(Comparator.naturalOrder()));
        return ordered;
    }

    /**
     * The categories a component of class {@code definition} can show differently from its normal
     * style: those declared by the class or its ancestors. Any other category falls back to the
     * root's normal style, so there is nothing to rewrite for it.
     */
    Set<String> categories(String definition) {
        List<String> chain = chain(definition);
        Set<String> categories = new TreeSet<>();
        categories.add(NORMAL);
        for (Slot slot : keys.keySet()) {
            if (chain.contains(slot.definition())) {
                categories.add(slot.category());
            }
        }
        return categories;
    }

    /** Every slot some key declares, in a stable order. */
    List<Slot> slots() {
        List<Slot> slots = new ArrayList<>(keys.keySet());
        slots.sort(Comparator.comparing(Slot::definition).thenComparing(Slot::attribute).thenComparing(Slot::category));
        return slots;
    }

    /** The declared value of {@code slot}, trimmed as Lanterna trims it, or {@code null}. */
    String declared(Slot slot) {
        List<String> names = keys.get(slot);
        return names == null ? null : properties.getProperty(names.get(0)).trim();
    }

    /** The value a component of the slot's class gets for the slot's attribute and category. */
    String resolve(Slot slot) {
        return resolve(slot.definition(), slot.attribute(), slot.category());
    }

    /** The value a component of class {@code definition} gets for the attribute in the category. */
    String resolve(String definition, Attribute attribute, String category) {
        for (String d : chain(definition)) {
            String value = declared(new Slot(d, attribute, category));
            if (value != null) {
                return value;
            }
        }
        String fallback = declared(new Slot(ROOT, attribute, NORMAL));
        if (fallback != null) {
            return fallback;
        }
        return switch (attribute) {
            case FOREGROUND -> "WHITE";
            case BACKGROUND -> "BLACK";
            case SGR -> "";
        };
    }

    /** Declares {@code value} for {@code slot}: under every key that already does, else a new key. */
    void set(Slot slot, String value) {
        List<String> names = keys.computeIfAbsent(slot, s -> new ArrayList<>(List.of(keyOf(s))));
        for (String name : names) {
            properties.setProperty(name, value);
        }
        if (definitions.add(slot.definition())) {
            chains.clear(); // a new class can sit in the middle of chains worked out before
        }
    }

    private static String keyOf(Slot slot) {
        String prefix = slot.definition().equals(ROOT) ? "" : slot.definition() + ".";
        String suffix = slot.category().equals(NORMAL) ? "" : "[" + slot.category() + "]";
        return prefix + slot.attribute().name().toLowerCase(Locale.ROOT) + suffix;
    }

    /** A copy of the properties with every change made so far. */
    Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** The class itself, then those of its superclasses the theme declares something for, then the root. */
    private List<String> chain(String definition) {
        return chains.computeIfAbsent(definition, d -> {
            List<String> chain = new ArrayList<>();
            if (!d.equals(ROOT)) {
                chain.add(d);
                Class<?> type = load(d);
                for (Class<?> c = type == null ? null : type.getSuperclass(); c != null && c != Object.class;
                        c = c.getSuperclass()) {
                    if (definitions.contains(c.getName())) {
                        chain.add(c.getName());
                    }
                }
            }
            chain.add(ROOT);
            return chain;
        });
    }

    /**
     * Only to read the superclass chain: the class is not initialised, so none of its code runs. A
     * class that cannot be found inherits from the root alone; Lanterna refuses such a theme anyway.
     */
    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ThemeStyles.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
