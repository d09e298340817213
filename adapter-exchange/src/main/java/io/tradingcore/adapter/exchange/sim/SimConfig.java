package io.tradingcore.adapter.exchange.sim;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Parameters of the simulated exchange. Fees, spread and slippage are in basis points;
 * {@code maxVolumeShare} is the share of a bar's volume that our orders of that symbol may take together
 * (e.g. 0.1 = 10 %); {@code slippageJitterBps} adds a seeded uniform draw in [0, jitter) to every taker fill.
 */
public record SimConfig(long seed, BigDecimal defaultSpreadBps, BigDecimal slippageBps, BigDecimal slippageJitterBps,
                        BigDecimal makerFeeBps, BigDecimal takerFeeBps, BigDecimal maxVolumeShare,
                        boolean feeInBaseForBuys, SortedMap<String, SymbolRules> rules,
                        SortedMap<String, BigDecimal> initialBalances) {
    public SimConfig {
        nonNegative("defaultSpreadBps", defaultSpreadBps);
        nonNegative("slippageBps", slippageBps);
        nonNegative("slippageJitterBps", slippageJitterBps);
        nonNegative("makerFeeBps", makerFeeBps);
        nonNegative("takerFeeBps", takerFeeBps);
        nonNegative("maxVolumeShare", maxVolumeShare);
        if (maxVolumeShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("maxVolumeShare must be in [0, 1], got " + maxVolumeShare);
        }
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(initialBalances, "initialBalances");
        rules.forEach((k, v) -> {
            if (!k.equals(v.symbol())) {
                throw new IllegalArgumentException("rules keyed by " + k + " describe " + v.symbol());
            }
        });
        initialBalances.forEach((k, v) -> nonNegative("initial balance of " + k, v));
        rules = Collections.unmodifiableSortedMap(new TreeMap<>(rules));
        initialBalances = Collections.unmodifiableSortedMap(new TreeMap<>(initialBalances));
    }

    private static void nonNegative(String name, BigDecimal v) {
        if (v == null || v.signum() < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + v);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: Binance spot's base fees (10 bps maker and taker), 2 bps spread, 1 bp slippage, 10 % of volume. */
    public static final class Builder {
        private long seed = 42L;
        private BigDecimal defaultSpreadBps = new BigDecimal("2");
        private BigDecimal slippageBps = BigDecimal.ONE;
        private BigDecimal slippageJitterBps = BigDecimal.ZERO;
        private BigDecimal makerFeeBps = BigDecimal.TEN;
        private BigDecimal takerFeeBps = BigDecimal.TEN;
        private BigDecimal maxVolumeShare = new BigDecimal("0.1");
        private boolean feeInBaseForBuys;
        private final SortedMap<String, SymbolRules> rules = new TreeMap<>();
        private final SortedMap<String, BigDecimal> balances = new TreeMap<>();

        public Builder seed(long v) { seed = v; return this; }
        public Builder defaultSpreadBps(String v) { defaultSpreadBps = new BigDecimal(v); return this; }
        public Builder slippageBps(String v) { slippageBps = new BigDecimal(v); return this; }
        public Builder slippageJitterBps(String v) { slippageJitterBps = new BigDecimal(v); return this; }
        public Builder makerFeeBps(String v) { makerFeeBps = new BigDecimal(v); return this; }
        public Builder takerFeeBps(String v) { takerFeeBps = new BigDecimal(v); return this; }
        public Builder maxVolumeShare(String v) { maxVolumeShare = new BigDecimal(v); return this; }
        public Builder feeInBaseForBuys(boolean v) { feeInBaseForBuys = v; return this; }
        public Builder rules(SymbolRules r) { rules.put(r.symbol(), r); return this; }
        public Builder balance(String asset, String amount) { balances.put(asset, new BigDecimal(amount)); return this; }
        public Builder balances(Map<String, BigDecimal> b) { balances.putAll(b); return this; }

        public SimConfig build() {
            return new SimConfig(seed, defaultSpreadBps, slippageBps, slippageJitterBps, makerFeeBps, takerFeeBps,
                    maxVolumeShare, feeInBaseForBuys, rules, balances);
        }
    }
}
