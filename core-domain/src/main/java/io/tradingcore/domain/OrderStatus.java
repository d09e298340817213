package io.tradingcore.domain;

/** Order status exactly as {@code order_status_enum}. Transitions live in {@code order.OrderStateMachine}. */
public enum OrderStatus {
    NEW, ACK, PARTIAL, FILLED, CANCELLED, REJECTED;

    /** True when no further event can change the order. */
    public boolean isTerminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED;
    }

    /** True while the venue may still fill the order. */
    public boolean isOpen() {
        return !isTerminal();
    }
}
