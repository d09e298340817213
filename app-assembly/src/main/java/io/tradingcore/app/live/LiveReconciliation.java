package io.tradingcore.app.live;

import io.tradingcore.adapter.exchange.BinanceGateway;
import io.tradingcore.adapter.exchange.StartupReconciliation;
import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.ClientOrderId;
import io.tradingcore.domain.ExchangeTradeId;
import io.tradingcore.ports.out.ExchangeFill;
import io.tradingcore.ports.out.ExchangeOrderState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Start-up reconciliation of a LIVE account: what the venue holds or did that our store does not know. Its
 * findings are warnings for the operator; fills of our own still-open orders are booked by the next cycle
 * (it reconciles open orders first), foreign orders are never touched.
 */
public final class LiveReconciliation {

    /** How far back fills are compared when the account has never run (and at most, after a long pause). */
    static final Duration MAX_LOOKBACK = Duration.ofDays(7);

    private LiveReconciliation() {
    }

    /** Compares the venue with the LIVE orders and fills stored for {@code account}; returns one line per finding. */
    public static List<String> run(DataSource ds, BinanceGateway venue, AccountId account, Instant now) {
        Set<ClientOrderId> ours = new TreeSet<>();
        Set<StartupReconciliation.KnownFill> known = new java.util.HashSet<>();
        Instant since = now.minus(MAX_LOOKBACK);
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT client_order_id FROM order_request WHERE account_id = ? AND run_mode = 'LIVE'")) {
                st.setShort(1, account.value());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ours.add(new ClientOrderId(rs.getString(1)));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement("SELECT o.client_order_id, f.exchange_trade_id FROM order_fill f"
                    + " JOIN order_request o ON o.order_id = f.order_id WHERE o.account_id = ? AND o.run_mode = 'LIVE'")) {
                st.setShort(1, account.value());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        known.add(new StartupReconciliation.KnownFill(new ClientOrderId(rs.getString(1)),
                                new ExchangeTradeId(rs.getString(2))));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT max(hour_ts_utc) FROM run_context WHERE account_id = ? AND run_mode = 'LIVE'")) {
                st.setShort(1, account.value());
                try (ResultSet rs = st.executeQuery()) {
                    Timestamp last = rs.next() ? rs.getTimestamp(1) : null;
                    if (last != null && last.toInstant().minus(Duration.ofHours(1)).isAfter(since)) {
                        since = last.toInstant().minus(Duration.ofHours(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the LIVE orders of account " + account + " failed: " + e.getMessage(), e);
        }
        StartupReconciliation.Report r = venue.reconcile(new StartupReconciliation.Request(ours, known, since));
        List<String> findings = new ArrayList<>();
        for (ExchangeFill f : r.missingFills()) {
            findings.add("fill not yet booked: " + f);
        }
        for (StartupReconciliation.ForeignOrder o : r.foreignOrders()) {
            findings.add("order not placed by this system on " + o.symbol() + ": venue id " + o.venueOrderId() + ", status "
                    + o.status() + ", filled " + o.filledQuantity().toPlainString() + " (" + o.why() + "); left untouched");
        }
        for (ExchangeOrderState s : r.ourOpenOrders()) {
            findings.add("our order still open on the venue: " + s);
        }
        return findings;
    }
}
