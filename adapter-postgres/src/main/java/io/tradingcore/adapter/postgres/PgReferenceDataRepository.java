package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.jooq.Tables.ACCOUNT;
import static io.tradingcore.adapter.postgres.jooq.Tables.ASSET;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.ports.out.ConflictingWriteException;
import io.tradingcore.ports.out.InvariantViolationException;
import io.tradingcore.ports.out.ReferenceDataRepository;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * asset and account: insert-if-missing, conflicts refused. New ids are allocated in the database: one
 * INSERT ... SELECT (smallest free id) ... ON CONFLICT DO NOTHING RETURNING under the unique name, so that
 * two processes can never both take one id or register one name twice; the loser of an id race (its
 * INSERT waited for the winner's commit, then did nothing) simply tries the next free id.
 */
final class PgReferenceDataRepository implements ReferenceDataRepository {
    /** Every attempt but the last loses only to a concurrent registration that committed meanwhile. */
    private static final int ALLOCATION_ATTEMPTS = 200;
    /** The smallest id in 1..32767 no row of {@code %1$s} uses (NULL when all are taken). */
    private static final String SMALLEST_FREE_ID = "(SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM %1$s WHERE %2$s = 1) THEN 1"
            + " ELSE (SELECT min(t.%2$s::int + 1) FROM %1$s t WHERE t.%2$s < 32767 AND NOT EXISTS"
            + " (SELECT 1 FROM %1$s u WHERE u.%2$s = t.%2$s + 1)) END)";

    private final Db db;

    PgReferenceDataRepository(Db db) {
        this.db = db;
    }

    @Override
    public void ensureAsset(Asset a) {
        db.tx("registering asset " + a.symbol(), tx -> {
            var r = tx.newRecord(ASSET);
            r.setAssetId(a.id().value());
            r.setSymbol(a.symbol());
            r.setBaseAsset(a.base());
            r.setQuoteAsset(a.quote());
            return Idempotent.insert(tx, ASSET, List.of(r), "asset", x -> "asset " + x.getAssetId() + " (" + x.getSymbol() + ")",
                    java.util.Set.of(ASSET.CREATED_AT_UTC));
        });
    }

    @Override
    public void ensureAccount(AccountId account, String name, String cashCurrency) {
        db.tx("registering account " + account, tx -> {
            var r = tx.newRecord(ACCOUNT);
            r.setAccountId(account.value());
            r.setAccountName(name);
            r.setCashCurrency(cashCurrency);
            return Idempotent.insert(tx, ACCOUNT, List.of(r), "account", x -> "account " + x.getAccountId(),
                    java.util.Set.of(ACCOUNT.CREATED_AT_UTC));
        });
    }

    @Override
    public Asset registerAsset(String symbol) {
        Asset parsed = Asset.of(1, symbol);
        String sql = "INSERT INTO asset (asset_id, symbol, base_asset, quote_asset) SELECT "
                + String.format(SMALLEST_FREE_ID, "asset", "asset_id") + ", ?, ?, ? ON CONFLICT DO NOTHING RETURNING asset_id";
        short id = allocate("registering asset " + parsed.symbol(), "asset", tx -> tx.resultQuery(sql, parsed.symbol(),
                parsed.base(), parsed.quote()).fetchOptional(0, Short.class), tx -> tx.selectFrom(ASSET)
                .where(ASSET.SYMBOL.eq(parsed.symbol())).fetchOptional().map(r -> r.getAssetId()));
        return new Asset(new AssetId(id), parsed.symbol(), parsed.base(), parsed.quote());
    }

    @Override
    public AccountId registerAccount(String name, String cashCurrency) {
        String sql = "INSERT INTO account (account_id, account_name, cash_currency) SELECT "
                + String.format(SMALLEST_FREE_ID, "account", "account_id") + ", ?, ? ON CONFLICT DO NOTHING RETURNING account_id";
        short id = allocate("registering account '" + name + "'", "account", tx -> tx.resultQuery(sql, name, cashCurrency)
                .fetchOptional(0, Short.class), tx -> tx.selectFrom(ACCOUNT).where(ACCOUNT.ACCOUNT_NAME.eq(name)).fetchOptional()
                .map(r -> {
                    if (!r.getCashCurrency().equals(cashCurrency)) {
                        throw new ConflictingWriteException("account '" + name + "' is already registered (id "
                                + r.getAccountId() + ") with cash currency " + r.getCashCurrency() + ", not " + cashCurrency);
                    }
                    return r.getAccountId();
                }));
        return new AccountId(id);
    }

    /** Inserts under the smallest free id, or finds the row stored under the same unique name. */
    private short allocate(String what, String table, Db.Work<Optional<Short>> insert, Db.Work<Optional<Short>> byName) {
        for (int attempt = 0; attempt < ALLOCATION_ATTEMPTS; attempt++) {
            Optional<Short> id = db.tx(what, tx -> {
                if (!tx.fetchExists(tx.selectOne().where(org.jooq.impl.DSL.condition(
                        String.format(SMALLEST_FREE_ID, table, table + "_id") + " IS NOT NULL")))) {
                    throw new InvariantViolationException(what + ": no free " + table + " id left (ids are SMALLINT, 1..32767)", null);
                }
                Optional<Short> inserted = insert.run(tx);
                return inserted.isPresent() ? inserted : byName.run(tx);
            });
            if (id.isPresent()) {
                return id.get();
            }
        }
        throw new ConflictingWriteException(what + ": " + ALLOCATION_ATTEMPTS + " attempts lost the race for a free "
                + table + " id to concurrent registrations; try again");
    }

    @Override
    public List<Asset> assets() {
        return db.read("reading assets", ctx -> ctx.selectFrom(ASSET).orderBy(ASSET.ASSET_ID).fetch(r ->
                new Asset(new AssetId(r.getAssetId()), r.getSymbol(), r.getBaseAsset(), r.getQuoteAsset())));
    }
}
