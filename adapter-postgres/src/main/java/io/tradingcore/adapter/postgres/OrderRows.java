package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.jooq.Tables.ASSET;
import static io.tradingcore.adapter.postgres.jooq.Tables.ORDER_FILL;
import static io.tradingcore.adapter.postgres.jooq.Tables.ORDER_REQUEST;

import io.tradingcore.adapter.postgres.jooq.tables.records.OrderFillRecord;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.Decimals;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.domain.OrderId;
import io.tradingcore.domain.OrderRequest;
import io.tradingcore.domain.RunId;
import io.tradingcore.domain.SignalId;
import io.tradingcore.domain.order.Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Orders as {@link PgExecutionRepository} reads them: order_request rows with their asset, and their filled quantity,
 * notional, fees (in the quote currency) and trade ids derived from their order_fill rows, never stored twice.
 */
final class OrderRows {

    private OrderRows() {
    }

    /** The orders {@code where} selects, by hour and order id, each with its fills. */
    static List<Order> read(DSLContext tx, Condition where) {
        List<Record> rows = tx.select(ORDER_REQUEST.fields()).select(ASSET.SYMBOL, ASSET.BASE_ASSET, ASSET.QUOTE_ASSET)
                .from(ORDER_REQUEST).join(ASSET).on(ASSET.ASSET_ID.eq(ORDER_REQUEST.ASSET_ID))
                .where(where).orderBy(ORDER_REQUEST.HOUR_TS_UTC, ORDER_REQUEST.ORDER_ID).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(r -> r.get(ORDER_REQUEST.ORDER_ID)).toList();
        Map<UUID, List<OrderFillRecord>> fills = new LinkedHashMap<>();
        for (OrderFillRecord f : tx.selectFrom(ORDER_FILL).where(ORDER_FILL.ORDER_ID.in(ids))
                .orderBy(ORDER_FILL.CREATED_AT_UTC, ORDER_FILL.FILL_TS_UTC, ORDER_FILL.EXCHANGE_TRADE_ID).fetch()) {
            fills.computeIfAbsent(f.getOrderId(), k -> new ArrayList<>()).add(f);
        }
        List<Order> out = new ArrayList<>(rows.size());
        for (Record r : rows) {
            out.add(order(r, fills.getOrDefault(r.get(ORDER_REQUEST.ORDER_ID), List.of())));
        }
        return out;
    }

    private static Order order(Record r, List<OrderFillRecord> fills) {
        Asset asset = new Asset(new AssetId(r.get(ORDER_REQUEST.ASSET_ID)), r.get(ASSET.SYMBOL), r.get(ASSET.BASE_ASSET),
                r.get(ASSET.QUOTE_ASSET));
        OrderRequest q = new OrderRequest(new OrderId(r.get(ORDER_REQUEST.ORDER_ID)),
                new ClientOrderId(r.get(ORDER_REQUEST.CLIENT_ORDER_ID)), new RunId(r.get(ORDER_REQUEST.RUN_ID)),
                new SignalId(r.get(ORDER_REQUEST.SIGNAL_ID)), new AccountId(r.get(ORDER_REQUEST.ACCOUNT_ID)), asset,
                r.get(ORDER_REQUEST.SIDE), r.get(ORDER_REQUEST.ORDER_TYPE),
                r.get(ORDER_REQUEST.REQUESTED_QTY), r.get(ORDER_REQUEST.LIMIT_PRICE), r.get(ORDER_REQUEST.REQUESTED_NOTIONAL),
                r.get(ORDER_REQUEST.PRE_ORDER_CASH_AVAILABLE), Conv.hour(r.get(ORDER_REQUEST.HOUR_TS_UTC)));
        BigDecimal qty = Decimals.ZERO;
        BigDecimal notional = Decimals.ZERO;
        BigDecimal fees = Decimals.ZERO;
        List<ExchangeTradeId> tradeIds = new ArrayList<>();
        for (OrderFillRecord f : fills) {
            qty = qty.add(f.getFillQty());
            notional = notional.add(Decimals.multiply(f.getFillQty(), f.getFillPrice()));
            // Order.fees is in the quote currency; a fee charged in the base asset is valued at its fill price (Fill.feeQuote)
            fees = fees.add(f.getFeeAsset().equals(asset.base()) ? Decimals.multiply(f.getFee(), f.getFillPrice()) : f.getFee());
            tradeIds.add(new ExchangeTradeId(f.getExchangeTradeId()));
        }
        return new Order(q, r.get(ORDER_REQUEST.RESERVED_FEE), r.get(ORDER_REQUEST.PRE_ORDER_POSITION_QTY),
                r.get(ORDER_REQUEST.STATUS), qty, notional, fees, tradeIds);
    }
}
