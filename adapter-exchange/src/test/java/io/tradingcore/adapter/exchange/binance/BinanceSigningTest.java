package io.tradingcore.adapter.exchange.binance;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceSigningTest {

    @Test
    void signatureMatchesTheExampleInBinancesSignedEndpointDocumentation() {
        BinanceConfig c = BinanceConfig.builder()
                .credentials(BinanceCredentials.of("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
                        "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"))
                .build();
        String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
        assertThat(new BinanceHttp(c).sign(query)).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void credentialsComeFromEnvironmentOrFileAndAreNeverShown(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        assertThat(BinanceCredentials.fromEnvironment(Map.of())).isEmpty();
        BinanceCredentials env = BinanceCredentials.fromEnvironment(Map.of("BINANCE_API_KEY", "k-env-123", "BINANCE_API_SECRET", "s-env-456")).orElseThrow();
        assertThat(env.apiKey()).isEqualTo("k-env-123");
        assertThat(env.toString()).doesNotContain("k-env-123").doesNotContain("s-env-456");

        Path file = dir.resolve("binance.properties");
        Files.writeString(file, "apiKey=k-file-789\napiSecret=s-file-000\n");
        BinanceCredentials fromFile = BinanceCredentials.fromFile(file);
        assertThat(fromFile.secret()).isEqualTo("s-file-000");
        assertThat(fromFile.toString()).doesNotContain("k-file-789").doesNotContain("s-file-000");

        Files.writeString(file, "apiKey=only-a-key\n");
        assertThatThrownBy(() -> BinanceCredentials.fromFile(file)).hasMessageContaining("apiSecret").hasMessageNotContaining("only-a-key");
    }

    @Test
    void symbolsMapToTheVenuesFormAndMalformedOnesAreRefused() {
        assertThat(BinanceAdapters.toVenueSymbol("BTC/USDT")).isEqualTo("BTCUSDT");
        assertThat(BinanceAdapters.toVenueSymbol("SHIB/USDT")).isEqualTo("SHIBUSDT");
        assertThatThrownBy(() -> BinanceAdapters.toVenueSymbol("BTCUSDT")).hasMessageContaining("BASE/QUOTE");
    }
}
