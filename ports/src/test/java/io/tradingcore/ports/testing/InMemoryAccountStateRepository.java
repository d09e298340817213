package io.tradingcore.ports.testing;

import io.tradingcore.domain.AccountId;
import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.RunMode;
import io.tradingcore.domain.run.RunKey;
import io.tradingcore.ports.out.AccountStateRepository;
import io.tradingcore.ports.out.HourlyState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The three hourly state tables in memory (replaced per hour, like the port's upsert). */
public final class InMemoryAccountStateRepository implements AccountStateRepository {
    private record Book(AccountId account, RunMode mode) {
    }

    private final Map<Book, TreeMap<HourTs, HourlyState>> states = new HashMap<>();

    @Override
    public synchronized void recordHourlyState(RunKey key, HourlyState state) {
        if (!state.hour().equals(key.hour())) {
            throw new IllegalArgumentException("state of " + state.hour() + " written under run hour " + key.hour());
        }
        states.computeIfAbsent(new Book(key.account(), key.mode()), k -> new TreeMap<>()).put(state.hour(), state);
    }

    @Override
    public synchronized Optional<HourlyState> latestBefore(AccountId account, RunMode mode, HourTs hour) {
        TreeMap<HourTs, HourlyState> m = states.getOrDefault(new Book(account, mode), new TreeMap<>());
        return Optional.ofNullable(m.lowerEntry(hour)).map(Map.Entry::getValue);
    }

    @Override
    public synchronized Optional<HourlyState> at(AccountId account, RunMode mode, HourTs hour) {
        return Optional.ofNullable(states.getOrDefault(new Book(account, mode), new TreeMap<>()).get(hour));
    }

    /** Test hook: all states of (account, mode) by hour. */
    public synchronized List<HourlyState> all(AccountId account, RunMode mode) {
        return List.copyOf(states.getOrDefault(new Book(account, mode), new TreeMap<>()).values());
    }
}
