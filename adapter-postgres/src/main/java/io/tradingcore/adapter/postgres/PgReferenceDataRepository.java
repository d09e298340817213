package io.tradingcore.adapter.postgres;

import static io.tradingcore.adapter.postgres.jooq.Tables.ACCOUNT;
import static io.tradingcore.adapter.postgres.jooq.Tables.ASSET;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.AssetId;
import io.tradingcore.ports.out.ReferenceDataRepository;
import java.util.List;

/** asset and account: insert-if-missing, conflicts refused. */
final class PgReferenceDataRepository implements ReferenceDataRepository {
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
    public List<Asset> assets() {
        return db.read("reading assets", ctx -> ctx.selectFrom(ASSET).orderBy(ASSET.ASSET_ID).fetch(r ->
                new Asset(new AssetId(r.getAssetId()), r.getSymbol(), r.getBaseAsset(), r.getQuoteAsset())));
    }
}
