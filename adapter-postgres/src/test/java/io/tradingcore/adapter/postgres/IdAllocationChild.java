package io.tradingcore.adapter.postgres;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child JVM of {@link IdAllocationIT}: waits until the go-file exists (so that all children race), then
 * registers one account or asset through the adapter and prints {@code id=<n>}.
 * Arguments: url user password goFile (account|asset) name.
 */
public final class IdAllocationChild {

    private IdAllocationChild() {
    }

    public static void main(String[] args) throws Exception {
        Path go = Path.of(args[3]);
        try (HikariDataSource pool = Databases.pool(new Databases.DbTarget(args[0], args[1], args[2], "child"), 2)) {
            PostgresAdapter adapter = PostgresAdapter.create(pool);
            adapter.referenceData().assets(); // the pool is warm before the race
            while (!Files.exists(go)) {
                Thread.sleep(5);
            }
            int id = args[4].equals("account")
                    ? adapter.referenceData().registerAccount(args[5], "USDT").value()
                    : adapter.referenceData().registerAsset(args[5]).id().value();
            System.out.println("id=" + id);
        }
    }
}
