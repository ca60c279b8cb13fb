package dev.pryx.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pryx.provider.VaultReport;
import dev.pryx.support.Json;
import dev.pryx.support.PryxException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pryx vault status [--json]}: path, format, generation, KDF costs, slots, backups and size,
 * read from the plaintext header: no passphrase needed, nothing secret shown.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show where the vault is, its format, generation, key slots and backups (no passphrase needed).")
public final class VaultStatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    public VaultStatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        VaultReport r = context.manager().vaultStatus();
        PrintWriter out = context.out();
        if (json) {
            out.println(Json.mapper().writeValueAsString(r));
        } else {
            printText(r, out);
        }
        out.flush();
        if (r.problem() != null) {
            throw new PryxException(PryxException.Kind.VAULT, "The vault file " + r.path() + " does not open: "
                    + r.problem() + ". " + (r.backups().isEmpty() ? "There are no backups to restore."
                    : "Run `pryx vault restore` to use the newest backup that opens."));
        }
        return ExitCode.OK;
    }

    private static void printText(VaultReport r, PrintWriter out) {
        row(out, "Vault", r.path());
        row(out, "Size", String.format("%,d bytes, mode %s", r.sizeBytes(), r.mode()));
        row(out, "Format", r.formatVersion() == null ? "not a pryx vault" : r.formatVersion());
        if (r.problem() != null) {
            row(out, "Problem", r.problem());
        } else {
            row(out, "Vault id", r.vaultId());
            row(out, "Generation", r.generation() + ", saved " + time(r.savedAt()));
            row(out, "Created", time(r.createdAt()));
            for (VaultReport.Slot s : r.slots()) {
                String name = s.type().equals(s.id()) ? s.type() : s.type() + " (" + s.id() + ")";
                row(out, "Key slot", String.format("%s: %s, %s, t=%d, p=%d, since %s", name, s.kdf(),
                        memory(s.memoryKib()), s.iterations(), s.parallelism(), time(s.createdAt())));
            }
        }
        if (r.backups().isEmpty()) {
            row(out, "Backups", "none yet");
        } else {
            row(out, "Backups", r.backups().size() + " kept");
            for (VaultReport.Backup b : r.backups()) {
                row(out, "", String.format("generation %d, %,d bytes, %s  %s", b.generation(), b.sizeBytes(),
                        time(b.modifiedAt()), b.path()));
            }
        }
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String memory(int kib) {
        return kib % 1024 == 0 ? (kib / 1024) + " MiB" : kib + " KiB";
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf("%-11s %s%n", label, value);
    }
}
