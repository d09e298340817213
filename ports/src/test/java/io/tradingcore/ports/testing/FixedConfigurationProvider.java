package io.tradingcore.ports.testing;

import io.tradingcore.ports.out.ConfigurationProvider;
import io.tradingcore.ports.out.TradingConfig;
import java.util.Objects;

/** Serves one configuration. */
public final class FixedConfigurationProvider implements ConfigurationProvider {
    private final TradingConfig config;

    public FixedConfigurationProvider(TradingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public TradingConfig current() {
        return config;
    }
}
