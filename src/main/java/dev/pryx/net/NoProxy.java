package dev.pryx.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hosts that bypass the proxy: {@code NO_PROXY}'s list, plus loopback, which is always
 * direct (a proxy cannot reach this machine's own services, and sending them there leaks).
 *
 * <p>Entries are separated by commas or spaces: {@code *} (everything), a domain that matches
 * itself and its sub-domains ({@code example.com}, {@code .example.com}, {@code *.example.com}),
 * an IP address, or a CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}); each may end in
 * {@code :port} ({@code [::1]:8080} for IPv6) to match that port alone. Nothing here resolves a
 * name: a proxy decision must not leak a DNS query or wait on one.
 */
final class NoProxy {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private interface Rule {
        boolean matches(String host, byte[] address, int port);
    }

    private record DomainRule(String domain, int port) implements Rule {
        @Override
        public boolean matches(String host, byte[] address, int port) {
            return address == null && portMatches(this.port, port)
                    && (host.equals(domain) || host.endsWith("." + domain));
        }
    }

    private static final class AddressRule implements Rule {
        private final byte[] network;
        private final int prefix;
        private final int port;

        AddressRule(byte[] network, int prefix, int port) {
            this.network = network;
            this.prefix = prefix;
            this.port = port;
        }

        @Override
        public boolean matches(String host, byte[] address, int port) {
            if (address == null || address.length != network.length || !portMatches(this.port, port)) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    static final NoProxy NONE = new NoProxy(false, List.of());

    private final boolean everything;
    private final List<Rule> rules;

    private NoProxy(boolean everything, List<Rule> rules) {
        this.everything = everything;
        this.rules = rules;
    }

    /** The rules of a {@code NO_PROXY} value; entries that make no sense are skipped. */
    static NoProxy parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        boolean everything = false;
        List<Rule> rules = new ArrayList<>();
        for (String raw : value.trim().split("[,\\s]+")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                everything = true;
                continue;
            }
            Rule rule = rule(entry);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return new NoProxy(everything, List.copyOf(rules));
    }

    /** Whether one entry (lower case) would take effect in a list, rather than being skipped as nonsense. */
    static boolean isValidEntry(String entry) {
        return entry.equals("*") || rule(entry) != null;
    }

    /** Whether a host (lower case, no brackets) on a port (-1 when unknown) goes direct. */
    boolean matches(String host, int port) {
        if (everything) {
            return true;
        }
        String h = normalizeHost(host);
        byte[] address = ipLiteral(h);
        for (Rule r : rules) {
            if (r.matches(h, address, port)) {
                return true;
            }
        }
        return false;
    }

    /** localhost (and *.localhost), 127.0.0.0/8 and ::1, judged from the text alone. */
    static boolean isLoopback(String host) {
        String h = normalizeHost(host);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        byte[] address = ipLiteral(h);
        if (address == null) {
            return false;
        }
        if (address.length == 4) {
            return address[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (address[i] != 0) {
                return false;
            }
        }
        return address[15] == 1;
    }

    static String normalizeHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    private static Rule rule(String entry) {
        String hostPart = entry;
        int port = -1;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0) {
                return null;
            }
            hostPart = entry.substring(1, close);
            String after = entry.substring(close + 1);
            if (after.startsWith(":") && PORT.matcher(after.substring(1)).matches()) {
                port = Integer.parseInt(after.substring(1));
            } else if (!after.isEmpty()) {
                return null;
            }
        } else if (entry.indexOf(':') == entry.lastIndexOf(':') && entry.indexOf(':') > 0) {
            // One colon: host:port (IPv6 addresses have several).
            int colon = entry.indexOf(':');
            String p = entry.substring(colon + 1);
            if (!PORT.matcher(p).matches()) {
                return null;
            }
            hostPart = entry.substring(0, colon);
            port = Integer.parseInt(p);
        }
        int slash = hostPart.indexOf('/');
        if (slash >= 0) {
            byte[] network = ipLiteral(hostPart.substring(0, slash));
            String bits = hostPart.substring(slash + 1);
            if (network == null || !bits.matches("\\d{1,3}")) {
                return null;
            }
            int prefix = Integer.parseInt(bits);
            return prefix <= network.length * 8 ? new AddressRule(network, prefix, port) : null;
        }
        byte[] address = ipLiteral(hostPart);
        if (address != null) {
            return new AddressRule(address, address.length * 8, port);
        }
        String domain = hostPart;
        if (domain.startsWith("*.")) {
            domain = domain.substring(2);
        }
        while (domain.startsWith(".")) {
            domain = domain.substring(1);
        }
        domain = normalizeHost(domain);
        return domain.isEmpty() || domain.contains("*") ? null : new DomainRule(domain, port);
    }

    /** The bytes of an IPv4 or IPv6 literal, or null for anything else (never a DNS lookup). */
    static byte[] ipLiteral(String text) {
        if (IPV4.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    return null;
                }
                out[i] = (byte) octet;
            }
            return out;
        }
        if (text.indexOf(':') < 0 || !text.matches("[0-9a-f:.]+")) {
            return null;
        }
        try {
            // In brackets the JDK parses the text as an IPv6 literal and never falls back to DNS. An
            // IPv4-mapped address (::ffff:127.0.0.1) comes back as its 4 IPv4 bytes, which is what we want.
            return InetAddress.getByName("[" + text + "]").getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean portMatches(int rulePort, int port) {
        return rulePort < 0 || rulePort == port;
    }
}
