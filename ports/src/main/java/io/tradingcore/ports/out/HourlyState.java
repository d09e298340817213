package io.tradingcore.ports.out;

import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.portfolio.PortfolioState;
import io.tradingcore.domain.portfolio.PositionState;
import io.tradingcore.domain.risk.RiskHourlyState;
import java.util.List;
import java.util.Objects;

/** The end-of-hour state of an account: positions, portfolio and risk, all for the same hour. */
public record HourlyState(HourTs hour, List<PositionState> positions, PortfolioState portfolio, RiskHourlyState risk) {
    public HourlyState {
        Objects.requireNonNull(hour, "hour");
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(risk, "risk");
        positions = List.copyOf(positions);
        if (!portfolio.hour().equals(hour) || !risk.hour().equals(hour)
                || positions.stream().anyMatch(p -> !p.hour().equals(hour))) {
            throw new IllegalArgumentException("hourly state rows must all be for " + hour);
        }
        for (int i = 1; i < positions.size(); i++) {
            if (positions.get(i - 1).asset().compareTo(positions.get(i).asset()) >= 0) {
                throw new IllegalArgumentException("position states must be sorted by asset and unique");
            }
        }
    }
}
