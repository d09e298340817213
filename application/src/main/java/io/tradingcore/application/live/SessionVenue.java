package io.tradingcore.application.live;

import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.ExchangeGateway;

/** The venue a session trades on, and what must happen to it before each hour's cycle. */
public interface SessionVenue {

    /** The port the cycle submits to and reads fills from. */
    ExchangeGateway gateway();

    /**
     * Brings the venue up to the start of {@code hour}: a simulation executes the orders of the previous
     * hour against its candle (now closed); a real venue needs nothing.
     */
    void beforeCycle(HourTs hour);

    /** A real venue: it moves by itself. */
    static SessionVenue real(ExchangeGateway gateway) {
        return new SessionVenue() {
            @Override
            public ExchangeGateway gateway() {
                return gateway;
            }

            @Override
            public void beforeCycle(HourTs hour) {
            }
        };
    }
}
