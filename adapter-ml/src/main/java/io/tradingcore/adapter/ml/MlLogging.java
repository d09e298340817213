package io.tradingcore.adapter.ml;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tribuo (and XGBoost through commons-logging) log through {@code java.util.logging}: about a hundred INFO lines per
 * training (every tree, every epoch). Nothing in this library changes logging by itself; a host that does not want
 * those lines calls {@link #quietTribuo()} once at start-up (the CLI does). A host that routes
 * {@code java.util.logging} into SLF4J instead (jul-to-slf4j's {@code SLF4JBridgeHandler.install()}) can simply set
 * the {@code org.tribuo} and {@code ml.dmlc} loggers to WARN in its own logging configuration.
 */
public final class MlLogging {

    /** The logger names quietened; held here strongly, since java.util.logging keeps a logger's level only while it is referenced. */
    public static final List<String> NAMES = List.of("org.tribuo", "ml.dmlc");

    private static final List<Logger> HELD = NAMES.stream().map(Logger::getLogger).toList();

    private MlLogging() {
    }

    /** Only warnings and errors from Tribuo and XGBoost from now on (their loggers set to {@link Level#WARNING}). */
    public static void quietTribuo() {
        HELD.forEach(l -> l.setLevel(Level.WARNING));
    }
}
