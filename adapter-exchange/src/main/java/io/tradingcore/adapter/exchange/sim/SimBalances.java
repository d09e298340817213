package io.tradingcore.adapter.exchange.sim;

import io.tradingcore.adapter.exchange.model.Balance;
import io.tradingcore.domain.Decimals;
import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The simulated account's balances: free and locked per asset code. An accepted order locks what it may spend
 * (its reservation); fills pay from the reservation first, then from the free balance; the rest is released
 * when the order ends.
 */
final class SimBalances {
    private final SortedMap<String, BigDecimal[]> wallet = new TreeMap<>();

    SimBalances(Map<String, BigDecimal> initial) {
        initial.forEach((asset, amount) -> wallet.put(asset, new BigDecimal[] {Decimals.value(amount), Decimals.value(BigDecimal.ZERO)}));
    }

    BigDecimal free(String asset) {
        return account(asset)[0];
    }

    /** Locks {@code amount} of {@code asset} (free must cover it) as {@code o}'s reservation. */
    void reserve(SimOrder o, String asset, BigDecimal amount) {
        BigDecimal[] fl = account(asset);
        fl[0] = fl[0].subtract(amount);
        fl[1] = fl[1].add(amount);
        o.reservedAsset = asset;
        o.reserved = amount;
    }

    /** What {@code o} can pay with: its reservation plus the free balance of the reserved asset. */
    BigDecimal funds(SimOrder o) {
        return o.reserved.add(account(o.reservedAsset)[0]);
    }

    /** Adds {@code amount} less {@code less} to the free balance of {@code asset}. */
    void credit(String asset, BigDecimal amount, BigDecimal less) {
        account(asset)[0] = account(asset)[0].add(amount).subtract(less);
    }

    /** Pays {@code amount} of the order's reserved asset: from its reservation first, then from the free balance. */
    void spend(SimOrder o, BigDecimal amount) {
        BigDecimal[] fl = account(o.reservedAsset);
        BigDecimal fromLock = amount.min(o.reserved);
        o.reserved = o.reserved.subtract(fromLock);
        fl[1] = fl[1].subtract(fromLock);
        fl[0] = fl[0].subtract(amount.subtract(fromLock));
        if (fl[0].signum() < 0) {
            throw new IllegalStateException("simulated balance of " + o.reservedAsset + " went negative on " + o.ticket.clientOrderId());
        }
    }

    /** Returns what is left of {@code o}'s reservation to the free balance. */
    void release(SimOrder o) {
        if (o.reservedAsset == null) {
            return;
        }
        BigDecimal[] fl = account(o.reservedAsset);
        fl[0] = fl[0].add(o.reserved);
        fl[1] = fl[1].subtract(o.reserved);
        o.reserved = Decimals.value(BigDecimal.ZERO);
    }

    /** Free and locked amount per asset, assets in alphabetical order. */
    SortedMap<String, Balance> view() {
        SortedMap<String, Balance> out = new TreeMap<>();
        wallet.forEach((asset, fl) -> out.put(asset, new Balance(fl[0], fl[1])));
        return out;
    }

    private BigDecimal[] account(String asset) {
        return wallet.computeIfAbsent(asset, k -> new BigDecimal[] {Decimals.value(BigDecimal.ZERO), Decimals.value(BigDecimal.ZERO)});
    }
}
