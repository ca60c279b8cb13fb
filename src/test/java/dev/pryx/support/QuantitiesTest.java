package dev.pryx.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Quantities")
class QuantitiesTest {
    @ParameterizedTest(name = "{0} bytes -> {1}")
    @CsvSource({"0, 0 B", "999, 999 B", "274000000, 274 MB", "4920753328, 4.9 GB", "13780173839, 14 GB",
            "1500000000000, 1.5 TB"})
    void bytes(long n, String expected) {
        assertThat(Quantities.bytes(n)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} tokens -> {1}")
    @CsvSource({"512, 512", "128000, 128k", "1048576, 1M", "1500000, 1.5M", "0, -"})
    void tokens(long n, String expected) {
        assertThat(Quantities.tokens(n)).isEqualTo(expected);
    }
}
