package dev.pryx.cli;

import picocli.CommandLine.Option;

/** The {@code --json} flag every listing command shares. */
final class JsonOption {
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;
}
