package io.tradingcore.application.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepGridTest {

    @Test
    void theGridIsTheCartesianProductInTheOrderGivenWithTheLastAxisFastest() {
        SweepGrid g = SweepGrid.parse(List.of("trading.signal.minEdge=0,0.0005,0.001", "walkForward.trainHours=2160,4320"));
        assertThat(g.points()).extracting(SweepGrid.Point::label).containsExactly(
                "trading.signal.minEdge=0, walkForward.trainHours=2160",
                "trading.signal.minEdge=0, walkForward.trainHours=4320",
                "trading.signal.minEdge=0.0005, walkForward.trainHours=2160",
                "trading.signal.minEdge=0.0005, walkForward.trainHours=4320",
                "trading.signal.minEdge=0.001, walkForward.trainHours=2160",
                "trading.signal.minEdge=0.001, walkForward.trainHours=4320");
        assertThat(g.points()).extracting(SweepGrid.Point::index).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void shardsSplitThePointsWithoutOverlapKeepingTheGridsIndexes() {
        SweepGrid g = SweepGrid.parse(List.of("a.b=1,2,3", "c.d=x,y"));
        assertThat(g.shard(1, 2).points()).extracting(SweepGrid.Point::index).containsExactly(0, 2, 4);
        assertThat(g.shard(2, 2).points()).extracting(SweepGrid.Point::index).containsExactly(1, 3, 5);
        assertThat(g.shard(2, 2).size()).isEqualTo(6);
        assertThatThrownBy(() -> g.shard(3, 2)).hasMessageContaining("--shard must be K/N");
    }

    @Test
    void overridesAreLaidOverTheBaseYamlKeepingItsOtherKeysAndTheValueTypes() {
        SweepGrid.Point p = SweepGrid.parse(List.of("trading.signal.minEdge=0.001", "trading.signal.decisionHorizon=H4")).points().get(0);
        String yaml = SweepGrid.overlay("""
                trading:
                  signal:
                    decisionHorizon: H24
                walkForward:
                  testHours: 720
                """, p);
        assertThat(yaml).contains("minEdge: 0.001").contains("decisionHorizon: \"H4\"").contains("testHours: 720")
                .doesNotContain("H24");
        assertThat(SweepGrid.overlay("", p)).contains("minEdge: 0.001");
    }

    @Test
    void malformedOrRepeatedSettingsAreRefusedNamingThem() {
        assertThatThrownBy(() -> SweepGrid.parse(List.of())).hasMessageContaining("--set is required");
        assertThatThrownBy(() -> SweepGrid.parse(List.of("minEdge"))).hasMessageContaining("--set 'minEdge' is not key=value");
        assertThatThrownBy(() -> SweepGrid.parse(List.of("a.b=1", "a.b=2"))).hasMessageContaining("a.b given twice");
        assertThatThrownBy(() -> SweepGrid.parse(List.of("a.b=1,,2"))).hasMessageContaining("empty value");
        assertThatThrownBy(() -> SweepGrid.parse(List.of("a.b=1,1"))).hasMessageContaining("lists 1 twice");
        assertThatThrownBy(() -> SweepGrid.parse(List.of("a=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17", "b=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16")))
                .hasMessageContaining("more than 256 points");
    }
}
