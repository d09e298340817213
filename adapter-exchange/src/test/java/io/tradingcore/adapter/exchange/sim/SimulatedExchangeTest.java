package io.tradingcore.adapter.exchange.sim;

import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.OrderSide;
import io.tradingcore.domain.OrderType;
import io.tradingcore.ports.out.RejectReason;
import io.tradingcore.domain.OrderStatus;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.HourTs;
import io.tradingcore.adapter.exchange.model.OrderTicket;
import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.BookSnapshot;
import io.tradingcore.ports.out.SubmitResult;
import io.tradingcore.adapter.exchange.model.TimeInForce;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeOrderState;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedExchangeTest {
    static final Instant H0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant H1 = H0.plusSeconds(3600);
    static final Instant H2 = H1.plusSeconds(3600);
    static final String BTC = "BTC/USDT";

    static SimConfig.Builder config() {
        return SimConfig.builder().seed(7).defaultSpreadBps("2").slippageBps("1").makerFeeBps("2").takerFeeBps("7.5")
                .maxVolumeShare("0.1")
                .rules(SymbolRules.of(BTC, "0.01", "0.00001", "0.00001", "5"))
                .balance("USDT", "10000").balance("BTC", "1");
    }

    static SimulatedExchange sim(SimConfig.Builder b) {
        SimulatedExchange s = SimulatedExchange.create(b.build());
        s.addCandles(BTC, List.of(
                bar(H0, "40000", "40500", "39500", "40200", "100"),
                bar(H1, "40200", "40300", "38900", "39000", "100"),
                bar(H2, "39000", "41000", "38800", "40900", "100")));
        return s;
    }

    static Candle bar(Instant t, String o, String h, String l, String c, String v) {
        return new Candle(AssetId.of(1), HourTs.of(t), new BigDecimal(o), new BigDecimal(h), new BigDecimal(l), new BigDecimal(c), new BigDecimal(v));
    }

    static OrderTicket market(String id, OrderSide side, String qty, Instant at) {
        return new OrderTicket(new ClientOrderId(id), BTC, side, OrderType.MARKET, TimeInForce.IOC, new BigDecimal(qty), null, at);
    }

    static OrderTicket marketGtc(String id, OrderSide side, String qty, Instant at) {
        return new OrderTicket(new ClientOrderId(id), BTC, side, OrderType.MARKET, TimeInForce.GTC, new BigDecimal(qty), null, at);
    }

    static OrderTicket limit(String id, OrderSide side, String qty, String price, TimeInForce tif, Instant at) {
        return new OrderTicket(new ClientOrderId(id), BTC, side, OrderType.LIMIT, tif, new BigDecimal(qty), new BigDecimal(price), at);
    }

    static ExchangeOrderState accepted(SubmitResult s) {
        assertThat(s).isInstanceOf(SubmitResult.Accepted.class);
        return ((SubmitResult.Accepted) s).state();
    }

    static void assertNum(BigDecimal actual, String expected) {
        assertThat(actual).isEqualByComparingTo(expected);
    }

    @Nested
    class MarketOrders {
        @Test
        void marketBuyFillsAtOpenOfCandleHPlusHalfConfiguredSpreadPlusSlippageAsTaker() {
            SimulatedExchange s = sim(config());
            accepted(s.submit(market("b1", OrderSide.BUY, "0.1", H0)));
            s.executeThrough(H0);
            List<ExchangeFill> f = s.fills("b1");
            assertThat(f).hasSize(1);
            // 40000 * (1 + (1 bp half spread + 1 bp slippage) / 10000)
            assertNum(f.get(0).price(), "40008");
            assertNum(f.get(0).quantity(), "0.1");
            assertNum(f.get(0).fee(), "3.0006"); // 4000.8 * 7.5 bps
            assertThat(f.get(0).feeAsset()).isEqualTo("USDT");
            assertThat(f.get(0).liquidity()).isEqualTo("TAKER");
            assertThat(f.get(0).tradeTs()).isEqualTo(H0);
            assertThat(s.query("b1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
            assertNum(s.query("b1").orElseThrow().averagePrice(), "40008");
            assertNum(s.balances().get("USDT").free(), "5996.1994");
            assertNum(s.balances().get("USDT").locked(), "0");
            assertNum(s.balances().get("BTC").free(), "1.1");
        }

        @Test
        void marketSellFillsAtOpenMinusHalfSpreadMinusSlippageAndPaysFeeInQuote() {
            SimulatedExchange s = sim(config());
            accepted(s.submit(market("s1", OrderSide.SELL, "0.5", H0)));
            s.executeThrough(H0);
            ExchangeFill f = s.fills("s1").get(0);
            assertNum(f.price(), "39992");
            assertNum(f.fee(), "14.997"); // 19996 * 7.5 bps
            assertNum(s.balances().get("BTC").total(), "0.5");
            assertNum(s.balances().get("USDT").free(), "29981.003"); // 10000 + 19996 - 14.997
        }

        @Test
        void orderDecidedAtHourHFillsOnlyAgainstTheCandleOpeningAtH() {
            SimulatedExchange s = sim(config());
            accepted(s.submit(market("b1", OrderSide.BUY, "0.1", H1)));
            s.executeThrough(H0);
            assertThat(s.fills("b1")).isEmpty();
            assertThat(s.query("b1").orElseThrow().status()).isEqualTo(OrderStatus.ACK);
            s.executeThrough(H1);
            assertNum(s.fills("b1").get(0).price(), "40208.04"); // 40200 * 1.0002
            assertThat(s.fills("b1").get(0).tradeTs()).isEqualTo(H1);
        }

        @Test
        void halfSpreadComesFromLatestBookSnapshotAtOrBeforeTheHourAndIgnoresLaterOnes() {
            SimulatedExchange s = sim(config());
            AssetId btc = new AssetId((short) 1);
            s.addBooks(BTC, List.of(
                    new BookSnapshot(btc, H0.minusSeconds(60), new BigDecimal("40000"), new BigDecimal("40020"), BigDecimal.ONE, BigDecimal.ONE, "sim"),
                    new BookSnapshot(btc, H0.plusSeconds(1), new BigDecimal("39000"), new BigDecimal("41000"), BigDecimal.ONE, BigDecimal.ONE, "sim")));
            accepted(s.submit(market("b1", OrderSide.BUY, "0.1", H0)));
            s.executeThrough(H0);
            // spread 20 / 40000 (the bid) = 5 bps, half 2.5 bps, plus 1 bp slippage
            assertNum(s.fills("b1").get(0).price(), "40014");
        }

        @Test
        void gtcMarketRemainderBeyondVolumeShareCarriesToTheNextOpens() {
            SimulatedExchange s = sim(config().maxVolumeShare("0.001").balance("USDT", "20000")); // 0.1 BTC per 100-BTC bar
            accepted(s.submit(marketGtc("b1", OrderSide.BUY, "0.25", H0)));
            s.executeThrough(H0);
            assertThat(s.query("b1").orElseThrow().status()).isEqualTo(OrderStatus.PARTIAL);
            assertNum(s.query("b1").orElseThrow().filledQuantity(), "0.1");
            s.executeThrough(H2);
            List<ExchangeFill> f = s.fills("b1");
            assertThat(f).extracting(ExchangeFill::quantity).map(BigDecimal::stripTrailingZeros)
                    .containsExactly(new BigDecimal("0.1"), new BigDecimal("0.1"), new BigDecimal("0.05"));
            assertThat(f).extracting(ExchangeFill::tradeTs).containsExactly(H0, H1, H2);
            assertThat(s.query("b1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
            assertNum(s.balances().get("USDT").locked(), "0");
        }

        @Test
        void iocMarketRemainderBeyondVolumeShareIsCancelledAndItsReservationReleased() {
            SimulatedExchange s = sim(config().maxVolumeShare("0.001").balance("USDT", "20000"));
            accepted(s.submit(market("b1", OrderSide.BUY, "0.25", H0)));
            s.executeThrough(H0);
            ExchangeOrderState o = s.query("b1").orElseThrow();
            assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);
            assertNum(o.filledQuantity(), "0.1");
            assertNum(s.balances().get("USDT").locked(), "0");
            assertNum(s.balances().get("USDT").free(), "15996.1994"); // 20000 - 4000.8 - 3.0006
        }

        @Test
        void volumeShareIsSharedByOrdersOfTheSameBarInSubmissionOrder() {
            SimulatedExchange s = sim(config().maxVolumeShare("0.001"));
            accepted(s.submit(market("first", OrderSide.BUY, "0.08", H0)));
            accepted(s.submit(market("second", OrderSide.BUY, "0.08", H0)));
            s.executeThrough(H0);
            assertNum(s.query("first").orElseThrow().filledQuantity(), "0.08");
            assertNum(s.query("second").orElseThrow().filledQuantity(), "0.02");
        }

        @Test
        void zeroVolumeFlatCandleFillsNothingAndIocIsCancelled() {
            SimulatedExchange s = SimulatedExchange.create(config().build());
            s.addCandles(BTC, List.of(bar(H0, "40000", "40000", "40000", "40000", "0")));
            accepted(s.submit(market("b1", OrderSide.BUY, "0.1", H0)));
            s.executeThrough(H0);
            assertThat(s.fills("b1")).isEmpty();
            assertThat(s.query("b1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
            assertNum(s.balances().get("USDT").free(), "10000");
        }

        @Test
        void buyFeeIsChargedInBaseAssetWhenConfiguredLikeBinanceWithoutBnb() {
            SimulatedExchange s = sim(config().feeInBaseForBuys(true));
            accepted(s.submit(market("b1", OrderSide.BUY, "0.1", H0)));
            s.executeThrough(H0);
            ExchangeFill f = s.fills("b1").get(0);
            assertThat(f.feeAsset()).isEqualTo("BTC");
            assertNum(f.fee(), "0.000075"); // 0.1 * 7.5 bps
            assertNum(s.balances().get("BTC").free(), "1.099925");
            assertNum(s.balances().get("USDT").free(), "5999.2"); // 10000 - 4000.8, no quote fee
        }

        @Test
        void seededSlippageJitterIsReproducibleAndBounded() {
            List<BigDecimal> a = jitteredPrices(11);
            List<BigDecimal> b = jitteredPrices(11);
            List<BigDecimal> c = jitteredPrices(12);
            assertThat(a).isEqualTo(b);
            assertThat(a).isNotEqualTo(c);
            // base 40008 (2 bps), jitter adds [0, 5) bps = [0, 20)
            assertThat(a.get(0)).isBetween(new BigDecimal("40008"), new BigDecimal("40028"));
        }

        private List<BigDecimal> jitteredPrices(long seed) {
            SimulatedExchange s = sim(config().seed(seed).slippageJitterBps("5"));
            accepted(s.submit(market("b1", OrderSide.BUY, "0.01", H0)));
            accepted(s.submit(market("b2", OrderSide.BUY, "0.01", H1)));
            s.executeThrough(H1);
            return List.of(s.fills("b1").get(0).price(), s.fills("b2").get(0).price());
        }
    }

    @Nested
    class LimitOrders {
        @Test
        void limitBuyRestsUntilMarketTradesThroughThenFillsAtLimitAsMaker() {
            SimulatedExchange s = sim(config());
            accepted(s.submit(limit("l1", OrderSide.BUY, "0.1", "39000", TimeInForce.GTC, H0)));
            s.executeThrough(H0); // low 39500: not reached
            assertThat(s.fills("l1")).isEmpty();
            assertThat(s.query("l1").orElseThrow().status()).isEqualTo(OrderStatus.ACK);
            assertNum(s.balances().get("USDT").locked(), "3902.925"); // 3900 + 7.5 bps (the larger fee)
            s.executeThrough(H1); // low 38900 < 39000
            ExchangeFill f = s.fills("l1").get(0);
            assertNum(f.price(), "39000");
            assertThat(f.liquidity()).isEqualTo("MAKER");
            assertNum(f.fee(), "0.78"); // 3900 * 2 bps maker
            assertThat(f.tradeTs()).isEqualTo(H2.minusMillis(1));
            assertNum(s.balances().get("USDT").free(), "6099.22");
            assertNum(s.balances().get("USDT").locked(), "0");
        }

        @Test
        void limitThatIsOnlyTouchedDoesNotFill() {
            SimulatedExchange s = sim(config());
            accepted(s.submit(limit("l1", OrderSide.BUY, "0.1", "39500", TimeInForce.GTC, H0))); // low is exactly 39500
            s.executeThrough(H0);
            assertThat(s.fills("l1")).isEmpty();
        }

        @Test
        void limitSellFillsWhenHighTradesThroughIt() {
            SimulatedExchange s = sim(config());
            accepted(s.submit(limit("l1", OrderSide.SELL, "0.2", "40400", TimeInForce.GTC, H0)));
            s.executeThrough(H0); // high 40500
            ExchangeFill f = s.fills("l1").get(0);
            assertNum(f.price(), "40400");
            assertThat(f.liquidity()).isEqualTo("MAKER");
            assertNum(s.balances().get("BTC").total(), "0.8");
        }

        @Test
        void marketableLimitExecutesOnArrivalAsTakerAtNoWorseThanItsLimit() {
            SimulatedExchange s = sim(config());
            accepted(s.submit(limit("wide", OrderSide.BUY, "0.1", "40100", TimeInForce.GTC, H0)));
            accepted(s.submit(limit("tight", OrderSide.BUY, "0.1", "40005", TimeInForce.GTC, H0)));
            s.executeThrough(H0);
            assertNum(s.fills("wide").get(0).price(), "40008"); // the market price, better than the limit
            assertThat(s.fills("wide").get(0).liquidity()).isEqualTo("TAKER");
            assertNum(s.fills("tight").get(0).price(), "40005"); // slippage capped at the limit
            assertThat(s.fills("tight").get(0).tradeTs()).isEqualTo(H0);
        }

        @Test
        void iocLimitThatDoesNotTradeThroughOnItsFirstBarIsCancelled() {
            SimulatedExchange s = sim(config());
            accepted(s.submit(limit("l1", OrderSide.BUY, "0.1", "39000", TimeInForce.IOC, H0)));
            s.executeThrough(H1); // H1 would have traded through, but IOC only lives for H0
            assertThat(s.fills("l1")).isEmpty();
            assertThat(s.query("l1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
            assertNum(s.balances().get("USDT").locked(), "0");
        }

        @Test
        void gtcLimitPartiallyFilledByVolumeShareRestsAndIocRemainderIsCancelled() {
            SimulatedExchange s = sim(config().maxVolumeShare("0.001"));
            accepted(s.submit(limit("gtc", OrderSide.SELL, "0.15", "40400", TimeInForce.GTC, H0)));
            s.executeThrough(H0);
            assertThat(s.query("gtc").orElseThrow().status()).isEqualTo(OrderStatus.PARTIAL);
            assertNum(s.balances().get("BTC").locked(), "0.05");

            SimulatedExchange t = sim(config().maxVolumeShare("0.001"));
            accepted(t.submit(limit("ioc", OrderSide.SELL, "0.15", "40400", TimeInForce.IOC, H0)));
            t.executeThrough(H0);
            ExchangeOrderState o = t.query("ioc").orElseThrow();
            assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);
            assertNum(o.filledQuantity(), "0.1");
            assertNum(t.balances().get("BTC").locked(), "0");
            assertNum(t.balances().get("BTC").free(), "0.9");
        }
    }

    @Nested
    class Rejections {
        @Test
        void unknownSymbolIsRejected() {
            SimulatedExchange s = sim(config());
            SubmitResult r = s.submit(new OrderTicket(new ClientOrderId("x"), "ETH/USDT", OrderSide.BUY, OrderType.MARKET, TimeInForce.IOC, BigDecimal.ONE, null, H0));
            assertRejected(s, r, "x", RejectReason.UNKNOWN_SYMBOL);
        }

        @Test
        void quantityOffTheLotStepIsRejectedForLotSize() {
            SimulatedExchange s = sim(config());
            assertRejected(s, s.submit(market("x", OrderSide.BUY, "0.000015", H0)), "x", RejectReason.LOT_SIZE);
        }

        @Test
        void quantityBelowMinQtyIsRejectedForLotSize() {
            SimulatedExchange s = sim(config().rules(SymbolRules.of(BTC, "0.01", "0.00001", "0.001", "5")));
            assertRejected(s, s.submit(market("x", OrderSide.BUY, "0.0009", H0)), "x", RejectReason.LOT_SIZE);
        }

        @Test
        void limitPriceOffTheTickIsRejectedForTickSize() {
            SimulatedExchange s = sim(config());
            assertRejected(s, s.submit(limit("x", OrderSide.BUY, "0.1", "39000.005", TimeInForce.GTC, H0)), "x", RejectReason.TICK_SIZE);
        }

        @Test
        void notionalBelowMinimumIsRejected() {
            SimulatedExchange s = sim(config());
            // 0.0001 * 40000 = 4 < 5
            assertRejected(s, s.submit(market("x", OrderSide.BUY, "0.0001", H0)), "x", RejectReason.MIN_NOTIONAL);
            assertThat(s.query("x").orElseThrow().rejectMessage()).contains("minNotional 5");
        }

        @Test
        void buyBeyondFreeQuoteIsRejectedForInsufficientBalance() {
            SimulatedExchange s = sim(config());
            assertRejected(s, s.submit(market("x", OrderSide.BUY, "0.25", H0)), "x", RejectReason.INSUFFICIENT_BALANCE);
        }

        @Test
        void sellBeyondFreeBaseIsRejectedForInsufficientBalance() {
            SimulatedExchange s = sim(config());
            assertRejected(s, s.submit(market("x", OrderSide.SELL, "1.00001", H0)), "x", RejectReason.INSUFFICIENT_BALANCE);
        }

        @Test
        void fundsLockedByARestingOrderAreNotAvailableToTheNext() {
            SimulatedExchange s = sim(config());
            accepted(s.submit(limit("rest", OrderSide.BUY, "0.2", "39000", TimeInForce.GTC, H0)));
            assertRejected(s, s.submit(limit("next", OrderSide.BUY, "0.1", "39000", TimeInForce.GTC, H0)), "next", RejectReason.INSUFFICIENT_BALANCE);
        }

        @Test
        void marketOrderWithoutAnyMarketDataIsRejectedAsMarketClosed() {
            SimulatedExchange s = SimulatedExchange.create(config().build());
            assertRejected(s, s.submit(market("x", OrderSide.BUY, "0.1", H0)), "x", RejectReason.MARKET_CLOSED);
        }

        private void assertRejected(SimulatedExchange s, SubmitResult r, String id, RejectReason reason) {
            assertThat(r).isInstanceOf(SubmitResult.Rejected.class);
            assertThat(((SubmitResult.Rejected) r).reason()).isEqualTo(reason);
            ExchangeOrderState o = s.query(id).orElseThrow();
            assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(o.rejectReason()).isEqualTo(reason);
            assertThat(s.balances().get("USDT").free()).isLessThanOrEqualTo(new BigDecimal("10000"));
            s.executeThrough(H2);
            assertThat(s.fills(id)).isEmpty();
        }
    }

    @Nested
    class IdsAndLifecycle {
        @Test
        void resubmittingTheSameClientOrderIdReturnsTheExistingOrderAndNeverPlacesASecond() {
            SimulatedExchange s = sim(config());
            ExchangeOrderState first = accepted(s.submit(market("b1", OrderSide.BUY, "0.1", H0)));
            ExchangeOrderState again = accepted(s.submit(market("b1", OrderSide.BUY, "0.1", H0)));
            assertThat(again.venueOrderId()).isEqualTo(first.venueOrderId());
            s.executeThrough(H0);
            accepted(s.submit(market("b1", OrderSide.BUY, "0.1", H0)));
            s.executeThrough(H1);
            assertThat(s.fills("b1")).hasSize(1);
            assertNum(s.balances().get("BTC").free(), "1.1");
        }

        @Test
        void reusingAClientOrderIdForADifferentOrderReturnsTheOriginalUnchanged() {
            SimulatedExchange s = sim(config());
            ExchangeOrderState first = accepted(s.submit(limit("l1", OrderSide.BUY, "0.1", "39000", TimeInForce.GTC, H0)));
            ExchangeOrderState again = accepted(s.submit(limit("l1", OrderSide.BUY, "0.2", "39000", TimeInForce.GTC, H0)));
            assertThat(again).isEqualTo(first);
            assertNum(s.balances().get("USDT").locked(), "3902.925"); // only the first order's reservation
            s.executeThrough(H1);
            assertNum(s.query("l1").orElseThrow().filledQuantity(), "0.1");
        }

        @Test
        void resubmittingARejectedOrderReturnsTheSameRejection() {
            SimulatedExchange s = sim(config());
            s.submit(market("x", OrderSide.BUY, "0.0001", H0));
            SubmitResult again = s.submit(market("x", OrderSide.BUY, "0.0001", H0));
            assertThat(((SubmitResult.Rejected) again).reason()).isEqualTo(RejectReason.MIN_NOTIONAL);
        }

        @Test
        void cancelReleasesTheReservationAndLeavesTerminalOrdersAsTheyAre() {
            SimulatedExchange s = sim(config());
            accepted(s.submit(limit("l1", OrderSide.BUY, "0.1", "39000", TimeInForce.GTC, H0)));
            assertThat(s.openOrders()).extracting(o -> o.clientOrderId().value()).containsExactly("l1");
            assertThat(s.cancel("l1").status()).isEqualTo(OrderStatus.CANCELLED);
            assertNum(s.balances().get("USDT").free(), "10000");
            assertThat(s.openOrders()).isEmpty();
            s.executeThrough(H1);
            assertThat(s.fills("l1")).isEmpty();

            accepted(s.submit(market("m1", OrderSide.BUY, "0.1", H2)));
            s.executeThrough(H2);
            assertThat(s.cancel("m1").status()).isEqualTo(OrderStatus.FILLED);
            assertThatThrownBy(() -> s.cancel("nope")).isInstanceOf(NoSuchElementException.class).hasMessageContaining("nope");
            assertThat(s.query("nope")).isEmpty();
        }

        @Test
        void sameSeedAndInputsGiveIdenticalFillsAndTradeIdsAndOtherSeedsOtherIds() {
            List<ExchangeFill> a = run(5);
            assertThat(a).isEqualTo(run(5));
            assertThat(a).extracting(f -> f.exchangeTradeId().value()).doesNotContainAnyElementsOf(run(6).stream().map(f -> f.exchangeTradeId().value()).toList());
            Set<String> ids = new HashSet<>(a.stream().map(f -> f.exchangeTradeId().value()).toList());
            assertThat(ids).hasSize(a.size());
        }

        private List<ExchangeFill> run(long seed) {
            SimulatedExchange s = sim(config().seed(seed).maxVolumeShare("0.001").balance("USDT", "20000"));
            accepted(s.submit(marketGtc("g", OrderSide.BUY, "0.25", H0)));
            accepted(s.submit(limit("l", OrderSide.SELL, "0.1", "40400", TimeInForce.GTC, H0)));
            s.executeThrough(H2);
            return java.util.stream.Stream.concat(s.fills("g").stream(), s.fills("l").stream()).toList();
        }

        @Test
        void conflictingBarAndBarsForExecutedHoursAreRefused() {
            SimulatedExchange s = sim(config());
            assertThatThrownBy(() -> s.addCandles(BTC, List.of(bar(H0, "40001", "40500", "39500", "40200", "100"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conflicting bar");
            s.addCandles(BTC, List.of(bar(H0, "40000", "40500", "39500", "40200", "100"))); // identical re-delivery is fine
            s.executeThrough(H2);
            assertThatThrownBy(() -> s.addCandles(BTC, List.of(bar(H0.minusSeconds(3600), "1", "1", "1", "1", "1"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after hour");
        }
    }

    @Nested
    class TimeAndKnowledge {
        @Test
        void orderSubmittedAfterItsCandleOpenedMeetsThatOpenAtOnce() {
            SimulatedExchange s = sim(config());
            s.advanceTo(H0); // the cycle of H0 runs at H0: the open of candle H0 is known, its range is not
            accepted(s.submit(market("b1", OrderSide.BUY, "0.1", H0)));
            assertThat(s.fills("b1")).extracting(ExchangeFill::price).containsExactly(new BigDecimal("40008.000000000000000000"));
            assertThat(s.query("b1").orElseThrow().status()).isEqualTo(OrderStatus.FILLED);
        }

        @Test
        void restingLimitIsFilledOnlyOnceItsCandleHasClosed() {
            SimulatedExchange s = sim(config());
            s.advanceTo(H0);
            accepted(s.submit(limit("l1", OrderSide.BUY, "0.1", "39600", TimeInForce.GTC, H0))); // H0's low is 39500
            s.advanceTo(H0.plusSeconds(1800));
            assertThat(s.fills("l1")).isEmpty();
            assertThat(s.query("l1").orElseThrow().status()).isEqualTo(OrderStatus.ACK);
            s.advanceTo(H1);
            assertThat(s.fills("l1")).extracting(ExchangeFill::tradeTs).containsExactly(H1.minusMillis(1));
            assertThat(s.fills("l1").get(0).liquidity()).isEqualTo("MAKER");
        }

        @Test
        void iocLimitEndsWhenItsFirstCandleCloses() {
            SimulatedExchange s = sim(config());
            s.advanceTo(H0);
            accepted(s.submit(limit("l1", OrderSide.BUY, "0.1", "39000", TimeInForce.IOC, H0)));
            s.advanceTo(H1.minusSeconds(60));
            assertThat(s.query("l1").orElseThrow().status()).isEqualTo(OrderStatus.ACK);
            s.advanceTo(H1);
            assertThat(s.query("l1").orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(s.executedThrough()).contains(H0);
        }

        @Test
        void advancingStepByStepGivesTheSameFillsAsExecutingAtOnce() {
            SimulatedExchange stepwise = sim(config().slippageJitterBps("3").maxVolumeShare("0.001").balance("USDT", "20000"));
            SimulatedExchange atOnce = sim(config().slippageJitterBps("3").maxVolumeShare("0.001").balance("USDT", "20000"));
            for (SimulatedExchange s : List.of(stepwise, atOnce)) {
                accepted(s.submit(marketGtc("g", OrderSide.BUY, "0.25", H0)));
                accepted(s.submit(limit("l", OrderSide.SELL, "0.1", "40400", TimeInForce.GTC, H0)));
            }
            for (int m = 0; m <= 180; m += 30) {
                stepwise.advanceTo(H0.plusSeconds(m * 60L));
            }
            atOnce.executeThrough(H2);
            assertThat(stepwise.fills("g")).isEqualTo(atOnce.fills("g"));
            assertThat(stepwise.fills("l")).isEqualTo(atOnce.fills("l"));
            assertThat(stepwise.balances()).isEqualTo(atOnce.balances());
        }
    }
}
