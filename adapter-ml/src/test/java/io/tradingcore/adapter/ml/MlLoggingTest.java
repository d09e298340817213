package io.tradingcore.adapter.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class MlLoggingTest {

    @Test
    void quietTribuoLeavesOnlyWarningsOfTribuoAndXgboostAndTouchesNoOtherLogger() {
        Logger tree = Logger.getLogger("org.tribuo.common.tree.AbstractCARTTrainer");
        Logger xgb = Logger.getLogger("ml.dmlc.xgboost4j.java.XGBoost");
        Logger other = Logger.getLogger("com.example.host");
        Level rootBefore = Logger.getLogger("").getLevel();
        MlLogging.quietTribuo();
        assertThat(tree.isLoggable(Level.INFO)).isFalse();
        assertThat(tree.isLoggable(Level.WARNING)).isTrue();
        assertThat(xgb.isLoggable(Level.INFO)).isFalse();
        assertThat(other.isLoggable(Level.INFO)).as("a host's own logger").isEqualTo(Logger.getLogger("").isLoggable(Level.INFO));
        assertThat(Logger.getLogger("").getLevel()).isEqualTo(rootBefore);
    }
}
