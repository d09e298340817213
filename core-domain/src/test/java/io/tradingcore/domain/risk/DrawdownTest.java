package io.tradingcore.domain.risk;

import static io.tradingcore.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.DrawdownTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DrawdownTest {
    private final DrawdownMonitor monitor = new DrawdownMonitor(DrawdownPolicy.defaults());
    private final RiskState peak1000 = new RiskState(DrawdownTier.NORMAL, false, d("1000"));

    @ParameterizedTest(name = "drawdown {0} -> {1}")
    @CsvSource({"0, NORMAL", "0.099999999999999999, NORMAL", "0.10, DD10", "0.149999999999999999, DD10", "0.15, DD15",
        "0.199999999999999999, DD15", "0.20, HALT20", "0.5, HALT20", "1, HALT20"})
    void tierBoundariesBelongToTheHigherTier(String drawdown, DrawdownTier tier) {
        assertThat(DrawdownTier.forDrawdown(new BigDecimal(drawdown))).isEqualTo(tier);
    }

    @Test
    void negativeOrAboveOneDrawdownIsRefused() {
        assertThatThrownBy(() -> DrawdownTier.forDrawdown(d("-0.01"))).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> DrawdownTier.forDrawdown(d("1.01"))).hasMessageContaining("[0, 1]");
    }

    @Test
    void exactlyTenPercentIsDd10WithATierChangeEvent() {
        RiskAssessment a = monitor.assess(ACCOUNT, HOUR, peak1000, d("900"), Optional.empty());
        assertThat(a.state().tier()).isEqualTo(DrawdownTier.DD10);
        assertThat(a.state().drawdown()).isEqualByComparingTo("0.1");
        assertThat(a.state().tradingState()).isEqualTo(TradingState.REDUCING);
        assertThat(a.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(RiskEventType.TIER_CHANGE);
            assertThat(e.detail()).contains("NORMAL -> DD10");
        });
    }

    @Test
    void exactlyFifteenPercentIsDd15ExitsOnly() {
        RiskAssessment a = monitor.assess(ACCOUNT, HOUR, peak1000, d("850"), Optional.empty());
        assertThat(a.state().tier()).isEqualTo(DrawdownTier.DD15);
        assertThat(DrawdownPolicy.defaults().action(DrawdownTier.DD15).entriesAllowed()).isFalse();
        assertThat(a.haltTriggered()).isFalse();
    }

    @Test
    void exactlyTwentyPercentHaltsUntilAnOperatorReset() {
        RiskAssessment a = monitor.assess(ACCOUNT, HOUR, peak1000, d("800"), Optional.empty());
        assertThat(a.state().tier()).isEqualTo(DrawdownTier.HALT20);
        assertThat(a.state().halted()).isTrue();
        assertThat(a.haltTriggered()).isTrue();
        assertThat(a.events()).extracting(RiskEvent::type).containsExactly(RiskEventType.TIER_CHANGE, RiskEventType.HALT_TRIGGERED);

        RiskAssessment recovered = monitor.assess(ACCOUNT, HOUR.plusHours(1), a.state().riskState(), d("990"), Optional.empty());
        assertThat(recovered.state().halted()).as("a recovery does not lift the halt").isTrue();
        assertThat(recovered.state().tier()).isEqualTo(DrawdownTier.NORMAL);
        assertThat(recovered.state().tradingState()).isEqualTo(TradingState.HALTED);
        assertThat(recovered.haltTriggered()).isFalse();

        RiskAssessment stillDown = monitor.assess(ACCOUNT, HOUR.plusHours(1), a.state().riskState(), d("790"),
                Optional.of(new OperatorReset("alice", "reviewed losses", Instant.parse("2024-03-01T11:30:00Z"))));
        assertThat(stillDown.state().halted()).isFalse();
        assertThat(stillDown.state().peakEquity()).isEqualByComparingTo("790");
        assertThat(stillDown.state().tier()).isEqualTo(DrawdownTier.NORMAL);
        assertThat(stillDown.events()).extracting(RiskEvent::type).containsExactly(RiskEventType.OPERATOR_RESET, RiskEventType.TIER_CHANGE);
    }

    @Test
    void aResetWithoutAHaltChangesNothing() {
        RiskAssessment a = monitor.assess(ACCOUNT, HOUR, peak1000, d("950"),
                Optional.of(new OperatorReset("bob", "noop", Instant.parse("2024-03-01T11:30:00Z"))));
        assertThat(a.state().peakEquity()).isEqualByComparingTo("1000");
        assertThat(a.events()).isEmpty();
    }

    @Test
    void storedStateWithTwentyPercentMustBeHalted() {
        assertThatThrownBy(() -> new RiskHourlyState(HOUR, DrawdownTier.DD15, d("0.2"), d("800"), d("1000"), false, TradingState.REDUCING))
                .hasMessageContaining("HALT20");
    }

    @Test
    void policyRefusesLeverageAndAHaltThatDoesNotHaltNamingTheKey() {
        TierAction full = new TierAction(BigDecimal.ONE, true, false);
        TierAction half = new TierAction(d("0.5"), true, false);
        TierAction exits = new TierAction(BigDecimal.ZERO, false, false);
        TierAction halt = new TierAction(BigDecimal.ZERO, false, true);
        assertThatThrownBy(() -> new DrawdownPolicy(new TierAction(d("1.5"), true, false), half, exits, halt))
                .hasMessageContaining("risk.normal.newSizeFactor").hasMessageContaining("no leverage");
        assertThatThrownBy(() -> new DrawdownPolicy(full, half, exits, exits)).hasMessageContaining("risk.halt20");
        assertThatThrownBy(() -> new DrawdownPolicy(half, full, exits, halt)).hasMessageContaining("risk.dd10.newSizeFactor");
        assertThat(new DrawdownPolicy(full, half, new TierAction(d("0.25"), true, false), halt).dd15().entriesAllowed()).isTrue();
    }
}
