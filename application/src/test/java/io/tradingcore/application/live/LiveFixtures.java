package io.tradingcore.application.live;

import io.tradingcore.domain.MetaPrediction;
import io.tradingcore.domain.StackPrediction;
import io.tradingcore.ports.out.ModelStack;
import java.util.function.UnaryOperator;

/** What the LIVE tests share: ETHUSDT's exchangeInfo and a model stack that always wants to be long. */
public final class LiveFixtures {

    private LiveFixtures() {
    }

    /** ETHUSDT's exchangeInfo as Binance publishes it: tick 0.01, step and minQty 0.0001, NOTIONAL minNotional 5. */
    public static final String ETH_EXCHANGE_INFO = """
            {"timezone":"UTC","serverTime":1748746800000,"rateLimits":[],"exchangeFilters":[],"symbols":[{"symbol":"ETHUSDT",
            "status":"TRADING","baseAsset":"ETH","baseAssetPrecision":8,"quoteAsset":"USDT","quotePrecision":8,"quoteAssetPrecision":8,
            "orderTypes":["LIMIT","LIMIT_MAKER","MARKET","STOP_LOSS_LIMIT","TAKE_PROFIT_LIMIT"],"isSpotTradingAllowed":true,"filters":[
            {"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000.00000000","tickSize":"0.01000000"},
            {"filterType":"LOT_SIZE","minQty":"0.00010000","maxQty":"9000.00000000","stepSize":"0.00010000"},
            {"filterType":"ICEBERG_PARTS","limit":10},
            {"filterType":"MARKET_LOT_SIZE","minQty":"0.00000000","maxQty":"2768.55431111","stepSize":"0.00000000"},
            {"filterType":"NOTIONAL","minNotional":"5.00000000","applyMinToMarket":true,"maxNotional":"9000000.00000000",
            "applyMaxToMarket":false,"avgPriceMins":5},
            {"filterType":"MAX_NUM_ORDERS","maxNumOrders":200}]}]}
            """;

    /** The models with every meta prediction made confident and profitable: flat means ENTER, holding means HOLD. */
    public static final UnaryOperator<ModelStack> ALWAYS_LONG = models -> features -> {
        StackPrediction p = models.predict(features);
        return new StackPrediction(p.regime(), p.base(), p.meta().stream()
                .map(m -> new MetaPrediction(m.horizon(), m.modelVersion(), 0.99, 0.05, m.components())).toList());
    };
}
