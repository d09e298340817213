/**
 * The adapter's own venue-neutral values, shared by the simulated exchange and the venue clients.
 *
 * <p>They mirror the exchange-facing ports of {@code io.tradingcore.ports.out} one to one, so
 * that the port implementations in {@code io.tradingcore.adapter.exchange} are thin translations;
 * keeping them here lets the venue code stay free of the domain's id types and lets the
 * simulated exchange carry what the ports leave out (time in force, free/locked balances).
 */
package io.tradingcore.adapter.exchange.model;
