package io.tradingcore.application.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunSeedTest {

    @Test
    void theCliSeedBecomesTheSimulationSeedOfTheStoredConfiguration() {
        RunSeed.Resolved r = RunSeed.resolve(9, ConfigLoader.defaults());
        assertThat(r.seed()).isEqualTo(9);
        assertThat(r.config().config().simulation().seed()).isEqualTo(9);
        assertThat(r.config().canonicalJson()).contains("\"seed\":9");
        // what replay reads back is the same configuration, its seed given
        ConfigLoader.Loaded stored = ConfigLoader.fromCanonical(r.config().canonicalJson());
        assertThat(stored.sha256()).isEqualTo(r.config().sha256());
        assertThat(RunSeed.resolve(9, stored).config().sha256()).isEqualTo(r.config().sha256());
    }

    @Test
    void neitherGivenMeans42AndOnlySimulationSeedGivenIsTheRunSeed() {
        assertThat(RunSeed.resolve(null, ConfigLoader.defaults()).seed()).isEqualTo(RunSeed.DEFAULT);
        ConfigLoader.Loaded file = ConfigLoader.parse("simulation:\n  seed: 11\n", "f.yaml");
        assertThat(file.simulationSeedGiven()).isTrue();
        assertThat(RunSeed.resolve(null, file).seed()).isEqualTo(11);
        assertThat(RunSeed.resolve(11, file).seed()).as("both, equal").isEqualTo(11);
        assertThat(ConfigLoader.parse("walkForward:\n  testHours: 48\n", "g.yaml").simulationSeedGiven()).isFalse();
        // the seed changes nothing else, legacy model options included (left out of the canonical form)
        ConfigLoader.Loaded legacy = ConfigLoader.parse("model: {featureSet: 1, recencyHalfLifeDays: 0, oodQuantile: 0}", "l.yaml");
        assertThat(RunSeed.resolve(5, legacy).config().config().model()).isEqualTo(legacy.config().model());
        assertThat(RunSeed.resolve(5, legacy).config().config().walkForward()).isEqualTo(legacy.config().walkForward());
    }

    @Test
    void bothGivenAndDifferentIsRefused() {
        ConfigLoader.Loaded file = ConfigLoader.parse("simulation:\n  seed: 11\n", "f.yaml");
        assertThatThrownBy(() -> RunSeed.resolve(42, file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--seed 42 and simulation.seed 11 of the configuration differ: a run has one seed");
        assertThatThrownBy(() -> RunSeed.resolve(null, ConfigLoader.parse("simulation:\n  seed: 5000000000\n", "h.yaml")))
                .hasMessageContaining("32-bit");
    }
}
