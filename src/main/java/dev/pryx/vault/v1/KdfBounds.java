package dev.pryx.vault.v1;

/**
 * Limits a file's KDF parameters must fall within before the KDF runs: the header is attacker
 * input, and a crafted "m = 4 GiB, t = 2^31" would otherwise hang or kill the process.
 */
public record KdfBounds(int minMemoryKib, int maxMemoryKib, int maxIterations, int maxParallelism) {

    /** 19 MiB to 1 GiB, 1 to 10 passes, 1 to 16 lanes (and see {@link #fitsHeap}). */
    public static KdfBounds production() {
        return new KdfBounds(19 * 1024, 1024 * 1024, 10, 16);
    }

    /**
     * Whether the KDF's memory is at most half of what this JVM may allocate. Kept apart from the
     * file bounds: a vault that is fine on one machine must not be called damaged on a smaller one.
     */
    public static boolean fitsHeap(KdfParameters p) {
        return p.memoryKib() <= Runtime.getRuntime().maxMemory() / 2 / 1024;
    }

    /**
     * Lets tests use tiny Argon2 costs (a few KiB) so that hundreds of vaults open in seconds.
     * Nothing in the product reaches this: no flag, variable or file selects it.
     */
    public static KdfBounds relaxedForTests() {
        return new KdfBounds(8, 64 * 1024, 10, 16);
    }

    /** The reason {@code p} is out of bounds, or {@code null} when it is acceptable. */
    public String violation(KdfParameters p) {
        if (p.memoryKib() < minMemoryKib || p.memoryKib() > maxMemoryKib) {
            return "Argon2 memory " + p.memoryKib() + " KiB is outside " + minMemoryKib + ".." + maxMemoryKib + " KiB";
        }
        if (p.memoryKib() < 8 * p.parallelism()) {
            return "Argon2 memory is below 8 KiB per lane";
        }
        if (p.iterations() < 1 || p.iterations() > maxIterations) {
            return "Argon2 iterations " + p.iterations() + " is outside 1.." + maxIterations;
        }
        if (p.parallelism() < 1 || p.parallelism() > maxParallelism) {
            return "Argon2 parallelism " + p.parallelism() + " is outside 1.." + maxParallelism;
        }
        int saltLength = p.salt().length;
        if (saltLength < 16 || saltLength > 32) {
            return "Argon2 salt of " + saltLength + " bytes is outside 16..32";
        }
        return null;
    }
}
