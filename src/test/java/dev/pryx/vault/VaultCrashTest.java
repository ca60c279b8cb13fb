package dev.pryx.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.vault.HookedFileOps.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills a real second JVM ({@link VaultWriterProcess}) with SIGKILL while it saves, then checks
 * in this JVM that the vault opens and holds every save the child had acknowledged.
 */
@DisplayName("A process killed while it saves the vault")
class VaultCrashTest {
    private static final int KEEP_BACKUPS = FileVault.Options.cheapForTests().keepBackups();
    /** Entries of 1 KiB on top of 256 KiB of ballast: a save takes long enough to be cut. */
    private static final int FILLER = 1024;
    private static final int BALLAST_RECORDS = 64;
    private static final int BALLAST_BYTES = 4096;
    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

    @Nested
    @DisplayName("at random moments, again and again")
    class RandomKills {
        private static final long SEED = 0x5EED_C0FFEEL;
        private static final int KILLS = 50;

        @Test
        @DisplayName("leaves a vault that opens with every acknowledged save, sound backups and no temp file")
        void neverLosesAnAcknowledgedSave(@TempDir Path tmp) throws Exception {
            Path vault = tmp.resolve("home").resolve("vault.pryx");
            long baseGeneration = VaultProbe.create(vault, BALLAST_RECORDS, BALLAST_BYTES);
            Random random = new Random(SEED);
            Set<String> durable = new TreeSet<>();
            long nextId = 0;
            long previousGeneration = baseGeneration;
            Stats stats = new Stats();

            for (int kill = 0; kill < KILLS; kill++) {
                // One kill in five lands at a random time after the start (start-up, open, first save);
                // the others a short random time after the first acknowledged save, inside the save loop.
                boolean early = random.nextInt(5) == 0;
                int delayMillis = early ? random.nextInt(900) : random.nextInt(150);
                List<ChildJvm.Ack> acks;
                try (ChildJvm child = ChildJvm.start(tmp, "child-" + kill, ChildJvm.Logs.NONE, List.of("--vault", vault.toString(),
                        "--prefix", "e", "--from", Long.toString(nextId), "--count", "1000000",
                        "--filler", Integer.toString(FILLER)))) {
                    if (!early) {
                        child.awaitLine(line -> line.startsWith("ACK "), "a first ACK", CHILD_TIMEOUT);
                    }
                    // The chosen kill moment, not a wait for some state: any moment must be safe.
                    TimeUnit.MILLISECONDS.sleep(delayMillis);
                    assertThat(child.killWhileAlive()).as("the child was still running when killed%s", child.diagnostics())
                            .isTrue();
                    acks = child.acks();
                }

                // The child saves e<nextId>, e<nextId+1>, ... in order and acknowledges each.
                List<String> expectedOrder = new ArrayList<>();
                for (int i = 0; i < acks.size(); i++) {
                    expectedOrder.add("e" + (nextId + i));
                }
                assertThat(acks).extracting(ChildJvm.Ack::id).as("acknowledged ids of kill %d", kill)
                        .containsExactlyElementsOf(expectedOrder);
                String inFlight = "e" + (nextId + acks.size());

                stats.kills++;
                stats.early += early ? 1 : 0;
                stats.acks += acks.size();
                boolean tempLeft = Files.exists(FileVault.tempFile(vault), LinkOption.NOFOLLOW_LINKS);
                stats.tempLeft += tempLeft ? 1 : 0;
                int backupsAfterKill = FileVault.backups(vault).size();
                stats.backupsOverLimit += backupsAfterKill > KEEP_BACKUPS ? 1 : 0;

                VaultProbe.Snapshot after = VaultProbe.open(vault);

                Set<String> required = new TreeSet<>(durable);
                required.addAll(expectedOrder);
                assertThat(after.ids()).as("entries after kill %d: every acknowledged save is there", kill)
                        .containsAll(required);
                Set<String> unexpected = new TreeSet<>(after.ids());
                unexpected.removeAll(required);
                unexpected.remove(inFlight);
                assertThat(unexpected).as("entries after kill %d that no save of the child could have written", kill)
                        .isEmpty();
                boolean inFlightLanded = after.ids().contains(inFlight);
                stats.savedNotAcked += inFlightLanded ? 1 : 0;
                // One save per entry, and no save counted twice or lost: the generation tells.
                assertThat(after.generation()).as("generation after kill %d", kill)
                        .isEqualTo(baseGeneration + after.ids().size())
                        .isGreaterThanOrEqualTo(previousGeneration);
                // A kill between the backup link and the prune leaves one backup too many; the open
                // above tidies it away (KilledAtStep covers that case deterministically).
                VaultProbe.checkBackups(vault, after, KEEP_BACKUPS, "after kill " + kill + " and the open that followed");

                durable = after.ids();
                previousGeneration = after.generation();
                nextId += acks.size() + (inFlightLanded ? 1 : 0);
            }

            System.out.println("[VaultCrashTest] seed=" + Long.toHexString(SEED) + " " + stats);
            assertThat(stats.acks).as("acknowledged saves over all kills").isGreaterThan(0);
            assertThat(durable).as("entries at the end").hasSize((int) nextId);
        }
    }

    @Nested
    @DisplayName("at a chosen step of a save")
    class KilledAtStep {
        /** The save that stops: by then five earlier saves have filled the backups. */
        private static final int PAUSED_SAVE = KEEP_BACKUPS + 2;

        @ParameterizedTest(name = "killed at {0}")
        @EnumSource(value = Step.class, names = {"MID_WRITE", "FORCE", "LINK", "RENAME", "AFTER_RENAME"})
        @DisplayName("leaves a vault that opens, holds every acknowledged save, and keeps at most 5 sound backups")
        void opensWithEverythingAcknowledged(Step step, @TempDir Path tmp) throws Exception {
            Path vault = tmp.resolve("home").resolve("vault.pryx");
            long baseGeneration = VaultProbe.create(vault, BALLAST_RECORDS, BALLAST_BYTES);
            List<ChildJvm.Ack> acks;
            String paused;
            try (ChildJvm child = ChildJvm.start(tmp, "child-" + step, ChildJvm.Logs.TO_STDERR, List.of("--vault", vault.toString(),
                    "--prefix", "e", "--from", "0", "--count", "100", "--filler", Integer.toString(FILLER),
                    "--pause-at", step.name(), "--pause-on", Integer.toString(PAUSED_SAVE)))) {
                paused = child.awaitLine(line -> line.startsWith("PAUSED "), "PAUSED", CHILD_TIMEOUT);
                assertThat(child.killWhileAlive()).isTrue();
                acks = child.acks();
            }
            assertThat(paused).isEqualTo("PAUSED " + step + " e" + PAUSED_SAVE);
            assertThat(acks).extracting(ChildJvm.Ack::id).as("saves acknowledged before the paused one")
                    .hasSize(PAUSED_SAVE).last().isEqualTo("e" + (PAUSED_SAVE - 1));
            boolean renamed = step == Step.AFTER_RENAME;
            assertThat(FileVault.tempFile(vault)).as("the temp file right after the kill, in %s", listing(vault.getParent()))
                    .matches(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS) != renamed,
                            renamed ? "absent (renamed into place)" : "present (left by the killed save)");

            VaultProbe.Snapshot after = VaultProbe.open(vault);

            Set<String> acknowledged = new TreeSet<>();
            acks.forEach(a -> acknowledged.add(a.id()));
            Set<String> expected = new TreeSet<>(acknowledged);
            if (renamed) {
                // The rename is the commit point: past it, the unacknowledged save is the vault.
                expected.add("e" + PAUSED_SAVE);
            }
            assertThat(after.ids()).as("entries after the kill").isEqualTo(expected);
            assertThat(after.generation()).isEqualTo(baseGeneration + expected.size());
            VaultProbe.checkBackups(vault, after, KEEP_BACKUPS, "after the kill at " + step + " and the open that followed");

            // The next writer saves over whatever the kill left, and all stays consistent.
            try (ChildJvm next = ChildJvm.start(tmp, "next-" + step, ChildJvm.Logs.TO_STDERR, List.of("--vault", vault.toString(),
                    "--prefix", "n", "--from", "0", "--count", "3", "--filler", Integer.toString(FILLER)))) {
                assertThat(next.awaitExit(CHILD_TIMEOUT)).as("exit code%s", next.diagnostics()).isZero();
            }
            VaultProbe.Snapshot later = VaultProbe.open(vault);
            assertThat(later.ids()).containsAll(expected).contains("n0", "n1", "n2").hasSize(expected.size() + 3);
            VaultProbe.checkBackups(vault, later, KEEP_BACKUPS, "after the next writer's saves");
        }
    }

    /** The files of the vault directory with size and inode, for failure messages. */
    static String listing(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.map(p -> {
                try {
                    return dir.relativize(p) + " " + Files.size(p) + "B ino=" + Files.getAttribute(p, "unix:ino");
                } catch (IOException | UnsupportedOperationException e) {
                    return dir.relativize(p) + " ?";
                }
            }).toList().toString();
        } catch (IOException e) {
            return "(cannot list " + dir + ": " + e + ")";
        }
    }

    /** How the kills landed; printed, not asserted: it depends on timing. */
    private static final class Stats {
        int kills;
        int early;
        int acks;
        int tempLeft;
        int savedNotAcked;
        int backupsOverLimit;

        @Override
        public String toString() {
            return "kills=" + kills + " (early " + early + "), acknowledged saves=" + acks
                    + ", kills that left a temp file (mid-save)=" + tempLeft
                    + ", kills after the rename but before the ACK=" + savedNotAcked
                    + ", kills that left more than " + KEEP_BACKUPS + " backups=" + backupsOverLimit;
        }
    }
}
