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

    // qa round: the refusal listed the known assets but not how an asset becomes known
    @org.junit.jupiter.api.Test
    void anAssetNotIngestedIsRefusedSayingHowToStoreItsCandles() {
        io.tradingcore.application.bench.MemoryReference reference = new io.tradingcore.application.bench.MemoryReference();
        reference.ensureAsset(io.tradingcore.domain.Asset.of(1, "BTC/USDT"));
        assertThatThrownBy(() -> Inputs.assets(reference, "--assets", java.util.List.of("BTC/USDT", "xrp/usdt")))
                .hasMessage("unknown asset 'XRP/USDT' (known: BTC/USDT); an asset is known once its candles are stored:"
                        + " ingest --csv FILE, or download-data --assets XRP/USDT --from DATE");
    }

    // qa round 2: "BTC/USDT," and "BTC/USDT,,ETH/USDT" were taken as if the stray comma were not there
    @ParameterizedTest
    @ValueSource(strings = {"BTC/USDT,", "BTC/USDT,,ETH/USDT", ",BTC/USDT", "BTC/USDT, ,ETH/USDT"})
    void anEmptyElementInTheAssetListIsRefused(String csv) {
        assertThatThrownBy(() -> Inputs.commaSeparated("--assets", csv)).isInstanceOf(UseCaseException.class)
                .hasMessageStartingWith("--assets '" + csv + "' has an empty element")
                .hasMessageContaining("remove the stray comma");
    }

    @org.junit.jupiter.api.Test
    void aBlankAssetListNamesNoAssetAndAWellFormedOneIsKeptAsGiven() {
        assertThatThrownBy(() -> Inputs.commaSeparated("--assets", " ")).hasMessage("--assets names no asset");
        assertThat(Inputs.commaSeparated("--assets", "BTC/USDT, eth/usdt")).containsExactly("BTC/USDT", " eth/usdt");
    }
}
