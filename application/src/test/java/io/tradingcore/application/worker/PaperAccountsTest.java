package io.tradingcore.application.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperAccountsTest {

    @TempDir
    Path dir;

    @Test
    void readsEachAccountWithItsAssetsCapitalSeedAndConfigRelativeToTheFile() throws Exception {
        Files.writeString(dir.resolve("small.yaml"), "initialCapital: 2500\n");
        Path file = dir.resolve("accounts.yaml");
        Files.writeString(file, """
                accounts:
                  - name: desk-1
                    assets: [btc/usdt, ETH/USDT]
                  - name: desk-2
                    assets: "SOL/USDT, BTC/USDT"
                    config: small.yaml
                    seed: 7
                  - name: desk-3
                    assets: [BTC/USDT]
                    config: small.yaml
                    initialCapital: 123.45
                """);
        List<PaperAccounts.Account> a = PaperAccounts.load(file);
        assertThat(a).extracting(PaperAccounts.Account::name).containsExactly("desk-1", "desk-2", "desk-3");
        assertThat(a.get(0).assets()).containsExactly("BTC/USDT", "ETH/USDT");
        assertThat(a.get(0).initialCapital()).isEqualByComparingTo("100000");
        assertThat(a.get(0).seed()).isEqualTo(42);
        assertThat(a.get(1).assets()).containsExactly("SOL/USDT", "BTC/USDT");
        assertThat(a.get(1).initialCapital()).isEqualByComparingTo("2500");
        assertThat(a.get(1).seed()).isEqualTo(7);
        assertThat(a.get(1).config().sha256()).isNotEqualTo(a.get(0).config().sha256());
        assertThat(a.get(2).initialCapital()).isEqualTo(new BigDecimal("123.45"));
    }

    @Test
    void refusesBadListsNamingTheAccountAndTheKey() {
        assertThat(error("accounts:\n  - name: a\n    assets: [BTC/USDT]\n    capital: 5\n"))
                .contains("accounts[0]: unknown key 'capital'");
        assertThat(error("accounts:\n  - assets: [BTC/USDT]\n")).contains("accounts[0]: 'name' is required");
        assertThat(error("accounts:\n  - name: a\n    assets: []\n")).contains("account 'a': 'assets' must list at least one asset");
        assertThat(error("accounts:\n  - name: a\n    assets: [BTC/USDT]\n  - name: a\n    assets: [ETH/USDT]\n"))
                .contains("account 'a' is listed twice");
        assertThat(error("accounts:\n  - name: a\n    assets: [BTC/USDT]\n    initialCapital: -1\n"))
                .contains("account 'a': 'initialCapital' must be positive");
        assertThat(error("accounts:\n  - name: a\n    assets: [BTC/USDT]\n    seed: x\n")).contains("account 'a': 'seed' must be an integer");
        assertThat(error("accounts:\n  - name: a\n    assets: \"BTC/USDT,,ETH/USDT\"\n"))
                .contains("account 'a': 'assets' element 2 of 3 is empty");
        assertThat(error("accounts:\n  - name: a\n    assets: [BTC/USDT, \"\"]\n"))
                .contains("account 'a': 'assets' element 2 of 2 is empty");
        assertThat(error("accounts:\n  - name: a\n    assets: \"BTC/USDT,\"\n")).contains("'assets' element 2 of 2 is empty");
        assertThat(error("accounts: []\n")).contains("'accounts' is empty");
        assertThat(error("desks: []\n")).contains("expected a mapping with a list 'accounts'");
    }

    private String error(String yaml) {
        Throwable t = catchThrowable(() -> PaperAccounts.parse(yaml, dir, "accounts.yaml"));
        assertThat(t).as(yaml).isInstanceOf(IllegalArgumentException.class);
        return t.getMessage();
    }
}
