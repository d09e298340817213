package io.tradingcore.application.live;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.ports.out.BacktestRunRepository;
import io.tradingcore.ports.out.ReferenceDataRepository;
import io.tradingcore.ports.out.TradingSessionRepository;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dedicated account of a PAPER or LIVE session, found by its unique name (so a restart trades the same
 * account) or registered under the smallest free id.
 */
public final class SessionAccounts {

    private SessionAccounts() {
    }

    /** "BTC/USDT,ETH/USDT" as a name part: "BTC_USDT-ETH_USDT" (assets in id order, so the order given does not matter). */
    public static String assetsPart(List<Asset> assets) {
        return assets.stream().sorted().map(a -> a.symbol().replace('/', '_')).collect(Collectors.joining("-"));
    }

    /** The id of account {@code name}, registering it (cash in {@code cashCurrency}) when it does not exist yet. */
    public static AccountId ensure(TradingSessionRepository sessions, ReferenceDataRepository reference,
                                   BacktestRunRepository backtests, String name, String cashCurrency) {
        Optional<AccountId> existing = sessions.accountByName(name);
        if (existing.isPresent()) {
            reference.ensureAccount(existing.get(), name, cashCurrency);
            return existing.get();
        }
        AccountId id = backtests.nextFreeAccount();
        reference.ensureAccount(id, name, cashCurrency);
        return id;
    }
}
