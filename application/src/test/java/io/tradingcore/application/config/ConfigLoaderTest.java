package io.tradingcore.application.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    @Test
    void emptyFileGivesTheDefaults() {
        ConfigLoader.Loaded loaded = ConfigLoader.parse("", "test");
        assertThat(loaded.config()).isEqualTo(AppConfig.defaults());
        assertThat(loaded.sha256()).isEqualTo(ConfigLoader.defaults().sha256()).hasSize(64);
    }

    @Test
    void overridesMergeOverDefaults() {
        ConfigLoader.Loaded loaded = ConfigLoader.parse("""
                initialCapital: 5000
                trading:
                  signal:
                    enterProbability: 0.6
                walkForward:
                  testHours: 168
                """, "test");
        assertThat(loaded.config().initialCapital()).isEqualByComparingTo("5000");
        assertThat(loaded.config().trading().signal().enterProbability()).isEqualTo(0.6);
        assertThat(loaded.config().walkForward().testHours()).isEqualTo(168);
        assertThat(loaded.config().walkForward().trainHours()).isEqualTo(AppConfig.defaults().walkForward().trainHours());
    }

    @Test
    void newRunsTrainWithTheLatestModelOptionsAndStoredConfigurationsWithoutTheSectionReplayWithTheLegacyOnes() {
        ConfigLoader.Loaded defaults = ConfigLoader.defaults();
        assertThat(defaults.config().model().featureSet()).isEqualTo(1);
        assertThat(defaults.config().model().recencyHalfLifeDays()).isEqualByComparingTo("0");
        assertThat(defaults.config().model().oodQuantile()).isEqualByComparingTo("0.999");
        assertThat(defaults.canonicalJson()).contains("\"model\":{\"featureSet\":1,");
        // a configuration stored before the section existed: same canonical text, same hash, legacy options
        String stored = defaults.canonicalJson().replaceFirst(",?\"model\":\\{[^}]*\\}", "");
        assertThat(stored).doesNotContain("model");
        ConfigLoader.Loaded replayed = ConfigLoader.fromCanonical(stored);
        assertThat(replayed.config().model()).isEqualTo(AppConfig.Model.LEGACY);
        assertThat(replayed.canonicalJson()).isEqualTo(stored);
        assertThat(replayed.sha256()).isEqualTo(ConfigLoader.sha256(stored));
        // and an explicit section round-trips through the canonical form
        ConfigLoader.Loaded custom = ConfigLoader.parse("model: {featureSet: 1, recencyHalfLifeDays: 90, oodQuantile: 0}", "t");
        AppConfig.Model back = ConfigLoader.fromCanonical(custom.canonicalJson()).config().model();
        assertThat(back.featureSet()).isEqualTo(1);
        assertThat(back.recencyHalfLifeDays()).isEqualByComparingTo("90");
        assertThat(back.oodQuantile()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> ConfigLoader.parse("model: {featureSet: 3}", "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model.featureSet");
        assertThatThrownBy(() -> ConfigLoader.parse("model: {oodQuantile: 0.2}", "t"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model.oodQuantile");
    }

    @Test
    void canonicalHashIgnoresKeyOrderAndLayout() {
        String a = "walkForward: {testHours: 168, purgeHours: 48}\ninitialCapital: 5000\n";
        String b = "initialCapital: 5000\nwalkForward:\n  purgeHours: 48\n  testHours: 168\n";
        assertThat(ConfigLoader.parse(a, "a").sha256()).isEqualTo(ConfigLoader.parse(b, "b").sha256());
        assertThat(ConfigLoader.parse(a, "a").sha256()).isNotEqualTo(ConfigLoader.defaults().sha256());
    }

    @Test
    void storedCanonicalFormLoadsBackToTheSameConfig() {
        ConfigLoader.Loaded loaded = ConfigLoader.parse("initialCapital: 1234.5\n", "x");
        ConfigLoader.Loaded again = ConfigLoader.fromCanonical(loaded.canonicalJson());
        assertThat(again.config()).isEqualTo(loaded.config());
        assertThat(again.sha256()).isEqualTo(loaded.sha256());
    }

    @Test
    void refusesUnknownKeysNamingThem() {
        assertThatThrownBy(() -> ConfigLoader.parse("trading:\n  signal:\n    enterProb: 0.6\n", "cfg.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cfg.yaml").hasMessageContaining("unknown key 'trading.signal.enterProb'");
    }

    @Test
    void refusesOutOfRangeThresholdsNamingTheKey() {
        assertThatThrownBy(() -> ConfigLoader.parse("trading:\n  signal:\n    enterProbability: 1.5\n", "cfg"))
                .hasMessageContaining("trading.signal.enterProbability must be in [0, 1]");
        assertThatThrownBy(() -> ConfigLoader.parse("trading:\n  signal:\n    enterProbability: 0.4\n    exitProbability: 0.6\n", "cfg"))
                .hasMessageContaining("trading.signal.exitProbability must be in [0, trading.signal.enterProbability]");
        assertThatThrownBy(() -> ConfigLoader.parse("trading:\n  signal:\n    costs:\n      feeBps: -1\n", "cfg"))
                .hasMessageContaining("trading.signal.costs.feeBps");
        assertThatThrownBy(() -> ConfigLoader.parse("trading:\n  lookbackBars: 0\n", "cfg"))
                .hasMessageContaining("trading.lookbackBars must be in");
        assertThatThrownBy(() -> ConfigLoader.parse("walkForward:\n  purgeHours: 4\n", "cfg"))
                .hasMessageContaining("walkForward.purgeHours");
        assertThatThrownBy(() -> ConfigLoader.parse("initialCapital: -1\n", "cfg"))
                .hasMessageContaining("initialCapital");
    }

    @Test
    void refusesADrawdownPolicyThatWouldAllowLeverage() {
        assertThatThrownBy(() -> ConfigLoader.parse("trading:\n  drawdown:\n    dd10:\n      newSizeFactor: 1.5\n", "cfg"))
                .hasMessageContaining("trading.drawdown.dd10.newSizeFactor").hasMessageContaining("no leverage")
                .hasMessageNotContaining(" risk.");
        assertThatThrownBy(() -> ConfigLoader.parse("trading:\n  drawdown:\n    halt20:\n      flattenAndHalt: false\n", "cfg"))
                .hasMessageContaining("trading.drawdown.halt20 must halt");
    }

    // issue 17, item 5: the last of two equal keys used to win silently
    @Test
    void refusesADuplicateKeyNamingItAndItsLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("initialCapital: 1000\ninitialCapital: 5000\n", "cfg"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cfg").hasMessageContaining("initialCapital").hasMessageContaining("line 2")
                .hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> ConfigLoader.parse("trading:\n  signal:\n    minEdge: 0.001\n    minEdge: 0.002\n", "cfg"))
                .hasMessageContaining("trading.signal.minEdge").hasMessageContaining("line 4");
    }

    @Test
    void refusesAMappingGivenTwice() {
        assertThatThrownBy(() -> ConfigLoader.parse("""
                trading:
                  venue: BINANCE
                walkForward:
                  testHours: 48
                trading:
                  lookbackBars: 100
                """, "cfg"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Duplicate").hasMessageContaining("'trading'").hasMessageContaining("line 5");
    }

    @Test
    void refusesASecondYamlDocumentNamingItsLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("initialCapital: 1000\n---\ninitialCapital: 5000\n", "cfg"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cfg: a second YAML document (after a '---', its content at line 3)");
        // a leading document marker is one document
        assertThat(ConfigLoader.parse("---\ninitialCapital: 1000\n", "cfg").config().initialCapital())
                .isEqualByComparingTo("1000");
    }

    // issue 17, item 5: 0.0000004 passed (0, 1] and was stored rounded to 0.000000
    @Test
    void refusesADecimalThatTheStoredScaleWouldRound() {
        assertThatThrownBy(() -> ConfigLoader.parse("simulation:\n  maxVolumeShare: 0.0000004\n", "cfg"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("simulation.maxVolumeShare has more than 6 decimals").hasMessageContaining("0.0000004");
        assertThatThrownBy(() -> ConfigLoader.parse("simulation:\n  maxVolumeShare: 0.1234567\n", "cfg"))
                .hasMessageContaining("simulation.maxVolumeShare");
        assertThat(ConfigLoader.parse("simulation:\n  maxVolumeShare: 0.000001\n", "cfg").config().simulation().maxVolumeShare())
                .isEqualByComparingTo("0.000001");
        assertThatThrownBy(() -> ConfigLoader.parse("trading:\n  signal:\n    costs:\n      feeBps: 0.0000001\n", "cfg"))
                .hasMessageContaining("trading.signal.costs.feeBps has more than 6 decimals");
    }

    @Test
    void refusesWrongTypesNamingTheKey() {
        assertThatThrownBy(() -> ConfigLoader.parse("walkForward:\n  testHours: lots\n", "cfg"))
                .hasMessageContaining("testHours");
        assertThatThrownBy(() -> ConfigLoader.parse("- a\n- b\n", "cfg")).hasMessageContaining("mapping");
    }

    // qa round: wrong kinds were coerced silently (1 -> true, "200" -> 200) or refused in Java terms
    // ("Cannot deserialize value of type `java.math.BigDecimal`", "`java.util.TreeSet`", "out of range of int")
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "initialCapital: abc|key 'initialCapital' must be a number, was the text 'abc'",
        "initialCapital: '100000'|key 'initialCapital' must be a number, was the text '100000' (write a number without quotes)",
        "initialCapital: [1]|key 'initialCapital' must be a number, was a list",
        "initialCapital: true|key 'initialCapital' must be a number, was true",
        "trading: {lookbackBars: 1.5}|key 'trading.lookbackBars' must be a whole number, was 1.5",
        "trading: {lookbackBars: 99999999999}|key 'trading.lookbackBars' must be a whole number up to 2147483647, was 99999999999",
        "trading: {drawdown: {dd10: {entriesAllowed: 1}}}|key 'trading.drawdown.dd10.entriesAllowed' must be true or false, was 1",
        "trading: {signal: {noEntryRegimes: RANGING}}|key 'trading.signal.noEntryRegimes' must be a list, e.g. [RANGING], was the text 'RANGING'",
        "trading: {signal: {decisionHorizon: h4}}|key 'trading.signal.decisionHorizon' must be one of H1, H4, H24, was 'h4'",
        "trading: {venue: 5}|key 'trading.venue' must be text, was 5",
        "simulation: {seed: abc}|key 'simulation.seed' must be a whole number, was the text 'abc'",
        "walkForward: {testHours: lots}|key 'walkForward.testHours' must be a whole number, was the text 'lots'"})
    void aValueOfTheWrongKindIsRefusedSayingWhatTheKeyTakes(String yaml, String message) {
        assertThatThrownBy(() -> ConfigLoader.parse(yaml + "\n", "cfg")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cfg: " + message);
    }

    // issue 17, item 10
    @Test
    void aUtf16FileOrADirectoryIsRefusedSayingSo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path utf16 = dir.resolve("utf16.yaml");
        java.nio.file.Files.write(utf16, "initialCapital: 1000\n".getBytes(java.nio.charset.StandardCharsets.UTF_16));
        assertThatThrownBy(() -> ConfigLoader.load(utf16)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("utf16.yaml is not UTF-8 text").hasMessageNotContaining("Input length");
        assertThatThrownBy(() -> ConfigLoader.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a directory");
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.yaml"))).hasMessageContaining("missing.yaml does not exist");
    }

    // qa round 2: an empty --config file gave the defaults without a word
    @Test
    void anEmptyConfigFileIsRefusedAsLikelyAMistake(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path empty = java.nio.file.Files.writeString(dir.resolve("empty.yaml"), "");
        java.nio.file.Path comments = java.nio.file.Files.writeString(dir.resolve("comments.yaml"), "# nothing yet\n\n");
        assertThatThrownBy(() -> ConfigLoader.load(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("config file " + empty + " is empty (0 bytes): set at least one key, or leave out --config"
                        + " to run with the defaults");
        assertThatThrownBy(() -> ConfigLoader.load(comments)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(comments + " is empty (no key, only blank lines or comments)");
        java.nio.file.Path one = java.nio.file.Files.writeString(dir.resolve("one.yaml"), "# a comment\nsimulation:\n  seed: 3\n");
        assertThat(ConfigLoader.load(one).config().simulation().seed()).isEqualTo(3L);
    }

    // issue 17, item 11
    @Test
    void anUnknownRegimeIsRefusedAndTheVenueIsUpperCased() {
        assertThatThrownBy(() -> ConfigLoader.parse("trading:\n  signal:\n    exitRegimes: [TRENDING-DOWN]\n", "cfg"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trading.signal.exitRegimes").hasMessageContaining("unknown regime 'TRENDING-DOWN'")
                .hasMessageContaining("TRENDING_DOWN");
        assertThatThrownBy(() -> ConfigLoader.parse("trading:\n  signal:\n    noEntryRegimes: [calm]\n", "cfg"))
                .hasMessageContaining("trading.signal.noEntryRegimes");
        assertThat(ConfigLoader.parse("trading:\n  signal:\n    exitRegimes: [HIGH_VOL]\n", "cfg").config().trading().signal()
                .exitRegimes()).containsExactly("HIGH_VOL");
        assertThat(ConfigLoader.parse("trading:\n  venue: binance\n", "cfg").config().trading().venue()).isEqualTo("BINANCE");
        assertThat(ConfigLoader.parse("trading:\n  venue: binance\n", "cfg").sha256()).isEqualTo(ConfigLoader.defaults().sha256());
    }

    @Test
    void keepsMoneyExact() {
        ConfigLoader.Loaded loaded = ConfigLoader.parse("initialCapital: 0.000000000000000001\n", "cfg");
        assertThat(loaded.config().initialCapital()).isEqualByComparingTo(new BigDecimal("1E-18"));
    }
}
