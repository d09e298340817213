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
        assertThat(defaults.config().model().featureSet()).isEqualTo(2);
        assertThat(defaults.config().model().recencyHalfLifeDays()).isEqualByComparingTo("365");
        assertThat(defaults.config().model().oodQuantile()).isEqualByComparingTo("0.999");
        assertThat(defaults.canonicalJson()).contains("\"model\":{\"featureSet\":2,");
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
                .hasMessageContaining("signal.enterProbability");
        assertThatThrownBy(() -> ConfigLoader.parse("walkForward:\n  purgeHours: 4\n", "cfg"))
                .hasMessageContaining("walkForward.purgeHours");
        assertThatThrownBy(() -> ConfigLoader.parse("initialCapital: -1\n", "cfg"))
                .hasMessageContaining("initialCapital");
    }

    @Test
    void refusesADrawdownPolicyThatWouldAllowLeverage() {
        assertThatThrownBy(() -> ConfigLoader.parse("trading:\n  drawdown:\n    dd10:\n      newSizeFactor: 1.5\n", "cfg"))
                .hasMessageContaining("risk.dd10.newSizeFactor").hasMessageContaining("no leverage");
    }

    @Test
    void refusesWrongTypesNamingTheKey() {
        assertThatThrownBy(() -> ConfigLoader.parse("walkForward:\n  testHours: lots\n", "cfg"))
                .hasMessageContaining("testHours");
        assertThatThrownBy(() -> ConfigLoader.parse("- a\n- b\n", "cfg")).hasMessageContaining("mapping");
    }

    @Test
    void keepsMoneyExact() {
        ConfigLoader.Loaded loaded = ConfigLoader.parse("initialCapital: 0.000000000000000001\n", "cfg");
        assertThat(loaded.config().initialCapital()).isEqualByComparingTo(new BigDecimal("1E-18"));
    }
}
