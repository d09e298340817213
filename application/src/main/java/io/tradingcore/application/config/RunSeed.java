package io.tradingcore.application.config;

/**
 * One seed per run. The run's seed is recorded with the backtest (or session) and every cycle; each fold's models train
 * with a seed derived from it ({@code seed x 1,000,003 + fold index}) and the simulated venue uses it as
 * {@code simulation.seed}, which is stored in the run's configuration (so replay uses the stored one). It comes from
 * {@code --seed}, or from {@code simulation.seed} of the configuration when only that is set, or is 42. Both set and
 * different is refused: a run has one seed.
 */
public final class RunSeed {
    /** The seed when neither {@code --seed} nor {@code simulation.seed} is given. */
    public static final int DEFAULT = 42;

    /** The run's seed and its configuration with {@code simulation.seed} equal to it. */
    public record Resolved(int seed, ConfigLoader.Loaded config) {
    }

    private RunSeed() {
    }

    /**
     * @param cliSeed {@code --seed}, null when not given
     * @param config  the loaded configuration
     * @throws IllegalArgumentException when both are given and differ, or {@code simulation.seed} is no int
     */
    public static Resolved resolve(Integer cliSeed, ConfigLoader.Loaded config) {
        if (config.simulationSeedGiven()) {
            long s = config.config().simulation().seed();
            if (cliSeed != null && cliSeed != s) {
                throw new IllegalArgumentException("--seed " + cliSeed + " and simulation.seed " + s + " of the configuration differ:"
                        + " a run has one seed (training and the simulated venue derive theirs from it); give one of them, or the same value");
            }
            if (s != (int) s) {
                throw new IllegalArgumentException("simulation.seed must be a 32-bit integer (it is the run's seed), was " + s);
            }
            return new Resolved((int) s, config);
        }
        int seed = cliSeed == null ? DEFAULT : cliSeed;
        return new Resolved(seed, ConfigLoader.withSimulationSeed(config, seed));
    }
}
