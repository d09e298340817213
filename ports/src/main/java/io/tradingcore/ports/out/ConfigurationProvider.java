package io.tradingcore.ports.out;

/** Where the cycle gets its configuration (a file, a host service, a test fixture). */
public interface ConfigurationProvider {
    /**
     * The configuration in force. Validation happened when it was loaded: an invalid configuration
     * never reaches the cycle (IllegalArgumentException naming the key at load time).
     */
    TradingConfig current();
}
