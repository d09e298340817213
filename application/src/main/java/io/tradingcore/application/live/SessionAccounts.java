package io.tradingcore.application.live;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.ports.out.ReferenceDataRepository;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The dedicated account of a PAPER or LIVE session, found by its unique name (so a restart trades the same
 * account) or registered atomically under it ({@link ReferenceDataRepository#registerAccount}: sessions started
 * together get one account per name and distinct ids for distinct names; issue 17, item 7).
 */
public final class SessionAccounts {

    private SessionAccounts() {
    }

    /** "BTC/USDT,ETH/USDT" as a name part: "BTC_USDT-ETH_USDT" (assets in id order, so the order given does not matter). */
    public static String assetsPart(List<Asset> assets) {
        return assets.stream().sorted().map(a -> a.symbol().replace('/', '_')).collect(Collectors.joining("-"));
    }

    /** The id of account {@code name}, registering it (cash in {@code cashCurrency}) when it does not exist yet. */
    public static AccountId ensure(ReferenceDataRepository reference, String name, String cashCurrency) {
        return reference.registerAccount(name, cashCurrency);
    }
}
