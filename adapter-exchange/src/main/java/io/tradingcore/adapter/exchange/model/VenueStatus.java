package io.tradingcore.adapter.exchange.model;

/** Same constants and meaning as the domain's OrderStatus (the DDL's order_status). */
public enum VenueStatus {
    NEW, ACK, PARTIAL, FILLED, CANCELLED, REJECTED;

    public boolean isTerminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED;
    }
}
