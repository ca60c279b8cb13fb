package dev.pryx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pryx.vault.FileVault;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * pryx's CLI run in this JVM the way a script runs it (arguments, environment, stdin, no
 * terminal), with cheap vault costs; every run also checks that no test secret and no stack trace
 * reached stdout or stderr.
 */
final class InProcessCli {
    record Result(int exit, String out, String err) {
    }

    private final Path home;
    private final Map<String, String> env;

    /** {@code env} is read at each run, so a test may change it between runs. */
    InProcessCli(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    Result withStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, env::get, home, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err,
                null, FileVault.Options.cheapForTests());
        Result r = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(r.out() + r.err()).doesNotContain("LEAKCHECK").doesNotContain(TestSecrets.API_KEY)
                .doesNotContain(TestSecrets.PASSPHRASE).doesNotContain("\tat ").doesNotContain("Exception");
        return r;
    }

    Result run(String... args) {
        return withStdin("", args);
    }
}
