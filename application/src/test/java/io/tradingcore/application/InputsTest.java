package io.tradingcore.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 17, item 11: `--from`/`--to` are UTC dates or hours written exactly so; an offset is not silently converted. */
class InputsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-01T05:30:00+05:30", "2025-01-01T00:00:00+00:00", "2025-01-01t00:00:00z",
        "２０２５-01-01", "2025-1-1", "2025-01-01T00:00Z"})
    void anHourNotWrittenAsUtcIsRefused(String text) {
        assertThatThrownBy(() -> Inputs.hour("--from", text)).isInstanceOf(UseCaseException.class)
                .hasMessageContaining("--from").hasMessageContaining(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-01-01", "2025-01-01T00:00:00Z"})
    void aUtcDateOrHourIsAccepted(String text) {
        assertThat(Inputs.hour("--from", text).toString()).isEqualTo("2025-01-01T00:00:00Z");
    }
}
