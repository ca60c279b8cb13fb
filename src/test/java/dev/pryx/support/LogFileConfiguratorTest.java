package dev.pryx.support;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("LogFileConfigurator")
class LogFileConfiguratorTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("writes INFO and up to pryx.log in the directory, one line per event, rolled at 5 MB over 3 old files")
    void file() throws Exception {
        LoggerContext context = new LoggerContext();
        // What SLF4J's logback provider sets on the real context.
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        LogFileConfigurator.configureFile(context, dir.toString());
        ch.qos.logback.classic.Logger log = context.getLogger("dev.pryx.catalog.CatalogService");
        log.debug("not kept");
        log.warn("Catalog refresh from {} failed", "https://models.dev/api.json");
        RollingFileAppender<?> appender = (RollingFileAppender<?>) context.getLogger("ROOT").getAppender("FILE");
        FixedWindowRollingPolicy rolling = (FixedWindowRollingPolicy) appender.getRollingPolicy();
        assertThat(rolling.getMaxIndex()).isEqualTo(3);
        assertThat(rolling.getFileNamePattern()).isEqualTo(dir + "/pryx.%i.log");
        context.stop();

        String text = Files.readString(dir.resolve("pryx.log"));
        assertThat(text).as("logback said: %s", context.getStatusManager().getCopyOfStatusList()).doesNotContain("not kept")
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) WARN  \\[[^]]+] "
                        + "d\\.pryx\\.catalog\\.CatalogService - Catalog refresh from https://models\\.dev/api\\.json failed\\R");
    }

    @Test
    @DisplayName("leaves the configuration to logback when the tests' logback-test.xml is on the class path")
    void defers() {
        LoggerContext context = new LoggerContext();
        LogFileConfigurator configurator = new LogFileConfigurator();
        configurator.setContext(context);
        assertThat(configurator.configure(context)).isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger("ROOT").iteratorForAppenders().hasNext()).isFalse();
    }
}
