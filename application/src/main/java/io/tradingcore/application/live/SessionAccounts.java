package io.tradingcore.application.live;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.ports.out.BacktestRunRepository;
import io.tradingcore.ports.out.ReferenceDataRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The dedicated account of a PAPER or LIVE session, found by its unique name (so a restart trades the same
 * account) or registered under the smallest free id.
 */
// TODO(issue 13): raw JDBC in the application module; move its account lookup by name behind repository methods
// in adapter-postgres (ModuleBoundariesTest.applicationRunsNoRawSql excepts this class until then).
public final class SessionAccounts {

    private SessionAccounts() {
    }

    /** "BTC/USDT,ETH/USDT" as a name part: "BTC_USDT-ETH_USDT" (assets in id order, so the order given does not matter). */
    public static String assetsPart(List<Asset> assets) {
        return assets.stream().sorted().map(a -> a.symbol().replace('/', '_')).collect(Collectors.joining("-"));
    }

    /** The id of account {@code name}, registering it (cash in {@code cashCurrency}) when it does not exist yet. */
    public static AccountId ensure(DataSource ds, ReferenceDataRepository reference, BacktestRunRepository backtests,
                                   String name, String cashCurrency) {
        Optional<AccountId> existing = find(ds, name);
        if (existing.isPresent()) {
            reference.ensureAccount(existing.get(), name, cashCurrency);
            return existing.get();
        }
        AccountId id = backtests.nextFreeAccount();
        reference.ensureAccount(id, name, cashCurrency);
        return id;
    }

    /** The account named {@code name}, if registered. */
    public static Optional<AccountId> find(DataSource ds, String name) {
        try (Connection c = ds.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT account_id FROM account WHERE account_name = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(AccountId.of(rs.getShort(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("looking up account '" + name + "' failed: " + e.getMessage(), e);
        }
    }
}
