/**
 * What the simulated exchange and the venue clients share that the ports do not have: the order as a venue receives
 * it ({@link io.tradingcore.adapter.exchange.model.OrderTicket}, with a time in force), free and locked balances,
 * venue decimal helpers ({@link io.tradingcore.adapter.exchange.model.VenueDecimals}) and the venue gateway itself.
 * Candles, book snapshots and results (order states, fills, submission outcomes) are the domain's and the ports' own
 * types: nothing here copies a port type.
 */
package io.tradingcore.adapter.exchange.model;
