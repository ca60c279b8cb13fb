package dev.pryx.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code set-key} and {@code rotate-key} share: the provider, and whether to refuse an odd-looking key. */
final class KeyTarget {
    @Parameters(paramLabel = "<id>")
    String id;

    @Option(names = "--strict", description = "Refuse a key that does not look like this provider's keys.")
    boolean strict;
}
