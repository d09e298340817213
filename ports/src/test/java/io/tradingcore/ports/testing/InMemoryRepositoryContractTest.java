package io.tradingcore.ports.testing;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.Asset;
import java.util.List;

/** The repository contracts hold for the in-memory stores. */
class InMemoryRepositoryContractTest extends RepositoryContract {
    @Override
    protected Stores freshStores() {
        return new Stores(new InMemoryRunContextRepository(), new InMemoryMarketDataRepository(), new InMemoryDecisionRecordRepository(),
                new InMemoryExecutionRepository(), new InMemoryAccountStateRepository());
    }

    @Override
    protected void createReferenceData(Stores stores, AccountId account, List<Asset> assets) {
        // in memory there are no reference tables
    }
}
