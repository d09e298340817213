package io.tradingcore.application.report;

/** Hours spent in one drawdown tier and their share of all hours of the period. */
public record TierTime(String tier, long hours, double share) {
}
