package io.tradingcore.ports.out;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import java.util.List;
import java.util.Optional;

/** The reference tables every other row points at: tradable assets and trading accounts. */
public interface ReferenceDataRepository {
    /**
     * Registers {@code asset} if its id is new; an identical stored asset is a no-op.
     *
     * @throws ConflictingWriteException if the id or the symbol is already taken by a different asset
     */
    void ensureAsset(Asset asset);

    /**
     * Registers an account (id, unique name, cash currency such as "USDT") if new; identical: no-op.
     *
     * @throws ConflictingWriteException if the id or name is taken with other values
     */
    void ensureAccount(AccountId account, String name, String cashCurrency);

    /**
     * The asset with this symbol ("BTC/USDT"), registered under the smallest free id if it is new. Atomic in
     * the store: processes registering the same new symbol at once all get the one asset; processes
     * registering different new symbols at once get different ids.
     *
     * @throws IllegalArgumentException if {@code symbol} is not BASE/QUOTE
     * @throws InvariantViolationException if no asset id is left
     */
    Asset registerAsset(String symbol);

    /**
     * The id of the account named {@code name}, registered (cash in {@code cashCurrency}) under the smallest
     * free id if it is new. Atomic in the store, like {@link #registerAsset}: one name, one id, whoever asks.
     *
     * @throws ConflictingWriteException if the name is registered with another cash currency
     * @throws InvariantViolationException if no account id is left
     */
    AccountId registerAccount(String name, String cashCurrency);

    /** Every registered asset, ordered by id. */
    List<Asset> assets();

    /** The asset with this symbol ("BTC/USDT"), if registered. */
    default Optional<Asset> assetBySymbol(String symbol) {
        return assets().stream().filter(a -> a.symbol().equals(symbol)).findFirst();
    }
}
