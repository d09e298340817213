package io.tradingcore.application;

import io.tradingcore.adapter.exchange.sim.SimConfig;
import io.tradingcore.adapter.exchange.sim.SymbolRules;
import io.tradingcore.application.config.AppConfig;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.CostModel;
import io.tradingcore.domain.portfolio.PositionState;
import io.tradingcore.ports.out.HourlyState;
import java.util.List;
import java.util.Optional;

/** The simulated venue's configuration for an account of BACKTEST or PAPER: the one cost model, rules and balances. */
public final class SimulatedAccounts {
    private static final String FINEST = "0.000000000000000001";

    private SimulatedAccounts() {
    }

    /**
     * The venue as configured in {@code cfg}, holding what the account held at the end of {@code prior}
     * (its cash and positions) or, without one, the initial capital. {@code assets} share one quote currency.
     */
    public static SimConfig config(AppConfig cfg, List<Asset> assets, Optional<HourlyState> prior) {
        CostModel costs = cfg.trading().signal().costs();
        SimConfig.Builder b = SimConfig.builder()
                .seed(cfg.simulation().seed())
                .takerFeeBps(costs.feeBps().toPlainString())
                .makerFeeBps(costs.feeBps().toPlainString())
                .defaultSpreadBps(costs.spreadBps().toPlainString())
                .slippageBps(costs.slippageBps().toPlainString())
                .maxVolumeShare(cfg.simulation().maxVolumeShare().toPlainString());
        for (Asset a : assets) {
            // the domain sizes orders at the schema's 18 decimals; only the minimum notional is a real filter here
            b.rules(SymbolRules.of(a.symbol(), FINEST, FINEST, FINEST, cfg.trading().signal().minOrderNotional().toPlainString()));
        }
        b.balance(assets.get(0).quote(), prior.map(s -> s.portfolio().cash()).orElse(cfg.initialCapital()).toPlainString());
        prior.ifPresent(s -> {
            for (PositionState p : s.positions()) {
                Asset a = assets.stream().filter(x -> x.id().equals(p.asset())).findFirst().orElseThrow(() ->
                        new IllegalStateException("the account holds asset " + p.asset() + ", which --assets does not list"));
                if (p.quantity().signum() > 0) {
                    b.balance(a.base(), p.quantity().toPlainString());
                }
            }
        });
        return b.build();
    }
}
