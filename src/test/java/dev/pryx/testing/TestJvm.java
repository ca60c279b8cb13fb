package dev.pryx.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How tests start a second JVM on the test classpath (a vault writer to kill mid-save, a provider
 * server in another process): the java launcher and class path of this JVM, and lean flags, since
 * a child's start-up time is paid by every test that starts one.
 */
public final class TestJvm {
    private TestJvm() {
    }

    /**
     * The java launcher of the running JVM. Prefers java.home; the command of this process is the
     * fallback (the two agree under Maven and in an IDE).
     */
    public static String javaExecutable() {
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(fromHome)) {
            return fromHome.toString();
        }
        return ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot find the java launcher of this JVM"));
    }

    /**
     * The classpath of this JVM. Surefire's and failsafe's forked JVMs report the real test
     * classpath here (test classes, main classes or jar, the dependency jars), even though they
     * were started from a manifest-only booter jar; were it that jar, its Class-Path entries would
     * serve as well.
     */
    public static String testClasspath() {
        return System.getProperty("java.class.path");
    }

    /**
     * {@code java <lean flags> <jvmFlags> -Djava.io.tmpdir=<workDir> -cp <test classpath> <mainClass>},
     * ready for the program's own arguments to be appended.
     */
    public static List<String> command(Path workDir, Class<?> mainClass, List<String> jvmFlags) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData"));
        command.addAll(jvmFlags);
        command.add("-Djava.io.tmpdir=" + workDir);
        command.add("-cp");
        command.add(testClasspath());
        command.add(mainClass.getName());
        return command;
    }
}
