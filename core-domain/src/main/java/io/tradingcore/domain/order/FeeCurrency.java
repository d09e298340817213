package io.tradingcore.domain.order;

/**
 * What a fill's fee was charged in. QUOTE: paid from cash (the ledger books a FEE entry). BASE: withheld
 * from the bought asset, as Binance does for a BUY by default (buying 1 BTC with a 0.001 BTC fee leaves
 * 0.999 BTC), so it reduces the position instead of the cash.
 */
public enum FeeCurrency {
    QUOTE, BASE
}
