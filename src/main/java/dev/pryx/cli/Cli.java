package dev.pryx.cli;

import dev.pryx.support.PryxException;
import java.lang.reflect.Constructor;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Runs one CLI invocation: parses with picocli, runs the command, and turns every failure into
 * one or two plain sentences on stderr and an exit code of the contract. Stack traces go to the
 * log file only.
 */
public final class Cli {
    private Cli() {
    }

    public static int run(String[] args, CliContext context) {
        CommandLine cli = new CommandLine(PryxCommand.class, factory(context));
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> failure(e, context));
        cli.setParameterExceptionHandler((e, args2) -> {
            context.err().println("pryx: " + e.getMessage());
            CommandLine failed = e.getCommandLine();
            context.err().println("See '" + failed.getCommandSpec().qualifiedName() + " --help'.");
            context.err().flush();
            return ExitCode.USAGE;
        });
        try {
            return cli.execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    /**
     * Runs something outside picocli (the app opened straight from plain {@code pryx}) with the
     * same failure handling: a sentence and an exit code, stack traces only in the log.
     */
    public static int guard(CliContext context, java.util.function.IntSupplier action) {
        try {
            return action.getAsInt();
        } catch (RuntimeException e) {
            return failure(e, context);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    private static int failure(Exception e, CliContext context) {
        if (e instanceof PryxException p) {
            LoggerFactory.getLogger(Cli.class).info("command failed: {}", p.getMessage());
            context.err().println("pryx: " + p.getMessage());
            context.err().flush();
            return ExitCode.of(p.kind());
        }
        LoggerFactory.getLogger(Cli.class).error("unexpected failure", e);
        context.err().println("pryx: internal error (" + e.getClass().getSimpleName() + "). "
                + "Details are in " + context.logFile() + "; please report it.");
        context.err().flush();
        return ExitCode.CHECK_FAILED;
    }

    /** Builds commands, handing the context to those whose constructor takes it. */
    private static CommandLine.IFactory factory(CliContext context) {
        CommandLine.IFactory fallback = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                for (Constructor<?> c : type.getConstructors()) {
                    if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CliContext.class) {
                        return type.cast(c.newInstance(context));
                    }
                }
                return fallback.create(type);
            }
        };
    }
}
