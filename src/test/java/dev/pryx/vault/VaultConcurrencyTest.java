package dev.pryx.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pryx.support.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers add entries to one vault at the same moment; no save may overwrite another's.
 * Every save moves the generation by one, so a lost update shows twice: as a missing entry, and
 * as two saves that claimed the same generation.
 */
@DisplayName("Two writers saving one vault at the same time")
class VaultConcurrencyTest {
    private static final int PER_WRITER = 50;
    private static final int FILLER = 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Nested
    @DisplayName("in two processes")
    class TwoProcesses {
        @Test
        @DisplayName("each adding 50 distinct entries: all 100 are there, each save with a generation of its own")
        void nothingIsLost(@TempDir Path tmp) throws Exception {
            Path vault = tmp.resolve("home").resolve("vault.pryx");
            long base = VaultProbe.create(vault, 0, 0);
            List<ChildJvm.Ack> acksA;
            List<ChildJvm.Ack> acksB;
            long readyA;
            long readyB;
            try (ChildJvm a = ChildJvm.start(tmp, "writer-a", ChildJvm.Logs.TO_STDERR, writerArgs(vault, "a"));
                 ChildJvm b = ChildJvm.start(tmp, "writer-b", ChildJvm.Logs.TO_STDERR, writerArgs(vault, "b"))) {
                // Both have loaded the same generation before either saves: one of them must reload.
                readyA = readyGeneration(a);
                readyB = readyGeneration(b);
                a.send("GO");
                b.send("GO");
                assertThat(a.awaitExit(TIMEOUT)).as("exit code of writer a%s", a.diagnostics()).isZero();
                assertThat(b.awaitExit(TIMEOUT)).as("exit code of writer b%s", b.diagnostics()).isZero();
                acksA = a.acks();
                acksB = b.acks();
            }
            assertThat(readyA).isEqualTo(base);
            assertThat(readyB).isEqualTo(base);
            assertThat(acksA).extracting(ChildJvm.Ack::id).containsExactlyElementsOf(ids("a"));
            assertThat(acksB).extracting(ChildJvm.Ack::id).containsExactlyElementsOf(ids("b"));

            VaultProbe.Snapshot after = VaultProbe.open(vault);
            Set<String> expected = new TreeSet<>(ids("a"));
            expected.addAll(ids("b"));
            assertThat(after.ids()).as("entries after both writers finished").isEqualTo(expected);
            assertThat(after.generation()).isEqualTo(base + 2 * PER_WRITER);
            assertUniqueGenerations(base, generations(acksA), generations(acksB));
            assertThat(reloads(base, generations(acksA)) + reloads(base, generations(acksB)))
                    .as("saves that first had to load the other writer's save").isGreaterThanOrEqualTo(1);
            VaultProbe.checkBackups(vault, after, FileVault.Options.cheapForTests().keepBackups(), "after both writers");
            System.out.println("[VaultConcurrencyTest] processes: turns taken between the writers="
                    + turns(generations(acksA), generations(acksB)));
        }

        private List<String> writerArgs(Path vault, String prefix) {
            return List.of("--vault", vault.toString(), "--prefix", prefix, "--from", "0",
                    "--count", Integer.toString(PER_WRITER), "--filler", Integer.toString(FILLER), "--wait-for-go");
        }

        private long readyGeneration(ChildJvm child) throws InterruptedException {
            String ready = child.awaitLine(line -> line.startsWith("READY "), "READY", TIMEOUT);
            return Long.parseLong(ready.substring("READY ".length()));
        }

        private List<Long> generations(List<ChildJvm.Ack> acks) {
            return acks.stream().map(ChildJvm.Ack::generation).toList();
        }
    }

    @Nested
    @DisplayName("in one process, through two FileVault instances opened separately")
    class TwoInstances {
        @Test
        @DisplayName("each adding 50 distinct entries from its own thread: all 100 are there, and both instances see them")
        void nothingIsLost(@TempDir Path tmp) throws Exception {
            Path vault = tmp.resolve("home").resolve("vault.pryx");
            long base = VaultProbe.create(vault, 0, 0);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try (Secret p1 = VaultProbe.passphrase(); Secret p2 = VaultProbe.passphrase();
                 FileVault first = FileVault.open(vault, p1, FileVault.Options.cheapForTests());
                 FileVault second = FileVault.open(vault, p2, FileVault.Options.cheapForTests())) {
                CountDownLatch go = new CountDownLatch(1);
                Future<List<Long>> a = pool.submit(() -> addEntries(first, "t", go));
                Future<List<Long>> b = pool.submit(() -> addEntries(second, "u", go));
                go.countDown();
                List<Long> generationsA = a.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                List<Long> generationsB = b.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

                Set<String> expected = new TreeSet<>(ids("t"));
                expected.addAll(ids("u"));
                first.refresh();
                second.refresh();
                Set<String> seenByFirst = first.read(c -> new TreeSet<>(c.credentialNames()));
                Set<String> seenBySecond = second.read(c -> new TreeSet<>(c.credentialNames()));
                assertThat(seenByFirst).as("seen by the first instance").isEqualTo(expected);
                assertThat(seenBySecond).as("seen by the second instance").isEqualTo(expected);
                assertUniqueGenerations(base, generationsA, generationsB);
                assertThat(reloads(base, generationsA) + reloads(base, generationsB))
                        .as("saves that first had to load the other instance's save").isGreaterThanOrEqualTo(1);
                System.out.println("[VaultConcurrencyTest] threads: turns taken between the writers="
                        + turns(generationsA, generationsB));

                VaultProbe.Snapshot after = VaultProbe.open(vault);
                assertThat(after.ids()).isEqualTo(expected);
                assertThat(after.generation()).isEqualTo(base + 2 * PER_WRITER);
                VaultProbe.checkBackups(vault, after, FileVault.Options.cheapForTests().keepBackups(), "after both writers");
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
        }

        /** Adds prefix0..prefix49 one update each; returns the generation after each save. */
        private List<Long> addEntries(FileVault vault, String prefix, CountDownLatch go) throws InterruptedException {
            go.await();
            List<Long> generations = new ArrayList<>();
            for (int i = 0; i < PER_WRITER; i++) {
                String id = prefix + i;
                long n = i;
                vault.update(c -> {
                    VaultWriterProcess.add(c, id, n, FILLER);
                    return null;
                });
                generations.add(vault.generation());
            }
            return generations;
        }

        @Test
        @DisplayName("reached through a symlinked directory: a second thread waits for the lock instead of failing")
        void aSecondSpellingOfThePathWaitsItsTurn(@TempDir Path tmp) throws Exception {
            Path real = Files.createDirectories(tmp.resolve("real").resolve("home"));
            Path alias = Files.createSymbolicLink(tmp.resolve("alias"), tmp.resolve("real"));
            Path lockViaReal = FileVault.lockFile(real.resolve("vault.pryx"));
            Path lockViaAlias = FileVault.lockFile(alias.resolve("home").resolve("vault.pryx"));
            assertThat(lockViaAlias.getParent().toRealPath()).isEqualTo(lockViaReal.getParent().toRealPath());

            ExecutorService other = Executors.newSingleThreadExecutor();
            try (VaultLock held = VaultLock.acquire(lockViaReal, Duration.ofSeconds(5))) {
                // The other thread must wait (and here, give up with "busy"), never fail outright.
                Future<Throwable> attempt = other.submit(() -> catchThrowable(() -> {
                    try (VaultLock second = VaultLock.acquire(lockViaAlias, Duration.ofMillis(300))) {
                        throw new AssertionError("two holders of one vault lock at once");
                    }
                }));
                assertThat(attempt.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                        .as("what the second thread got while the first held the lock")
                        .isInstanceOf(VaultException.Busy.class);
            } finally {
                other.shutdownNow();
                assertThat(other.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    private static List<String> ids(String prefix) {
        return LongStream.range(0, PER_WRITER).mapToObj(i -> prefix + i).toList();
    }

    /** The saves of both writers took the generations base+1 .. base+100, each exactly once. */
    private static void assertUniqueGenerations(long base, List<Long> a, List<Long> b) {
        assertThat(a).as("generations after the first writer's saves").isSorted().doesNotHaveDuplicates();
        assertThat(b).as("generations after the second writer's saves").isSorted().doesNotHaveDuplicates();
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        assertThat(all).as("generations of all saves").containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(base + 1, base + 2L * PER_WRITER).boxed().toList());
    }

    /** Saves whose generation jumped by more than one: the writer reloaded the other's save first. */
    private static int reloads(long start, List<Long> generations) {
        int count = 0;
        long previous = start;
        for (long g : generations) {
            count += g > previous + 1 ? 1 : 0;
            previous = g;
        }
        return count;
    }

    /** How often the lock passed from one writer to the other, in generation order. */
    private static int turns(List<Long> a, List<Long> b) {
        Set<Long> ofA = new TreeSet<>(a);
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(null);
        int turns = 0;
        for (int i = 1; i < all.size(); i++) {
            turns += ofA.contains(all.get(i)) != ofA.contains(all.get(i - 1)) ? 1 : 0;
        }
        return turns;
    }
}
