package io.tradingcore.ports.out;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;

/**
 * What a PAPER or LIVE session reads when it starts: its dedicated account by name, and for the start-up
 * reconciliation with the venue the orders and fills already booked for it.
 */
public interface TradingSessionRepository {

    /** A fill booked for one of our orders: the order's client id and the venue's trade id. */
    record BookedTrade(ClientOrderId clientOrderId, ExchangeTradeId tradeId) {
        public BookedTrade {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            Objects.requireNonNull(tradeId, "tradeId");
        }
    }

    /** The account registered under {@code name}, if any. */
    Optional<AccountId> accountByName(String name);

    /** The client order ids of every order of {@code account} in {@code mode}, in id order. */
    SortedSet<ClientOrderId> clientOrderIds(AccountId account, RunMode mode);

    /** Every fill booked for the orders of {@code account} in {@code mode}, by client order id, then trade id. */
    List<BookedTrade> bookedTrades(AccountId account, RunMode mode);

    /** The latest hour that has a run of {@code account} in {@code mode}, if any. */
    Optional<HourTs> lastRunHour(AccountId account, RunMode mode);
}
