package io.tradingcore.application.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a task carries in {@code scheduled_tasks.task_data}: everything a worker on any machine needs to run it
 * (the configuration as its canonical JSON, the assets by symbol, the pinned model versions), as sorted JSON so
 * the stored bytes are readable and stable.
 */
public final class TaskPayloads {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private TaskPayloads() {
    }

    /** A walk-forward backtest, exactly as {@code backtest} would run it with these options. */
    public record Backtest(List<String> assets, String from, String to, String configJson, int seed, int commitEvery) {
        public Backtest {
            assets = List.copyOf(assets);
            if (assets.isEmpty()) {
                throw new IllegalArgumentException("a backtest task needs at least one asset");
            }
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(configJson, "configJson");
            if (commitEvery < 1 || commitEvery > 720) {
                throw new IllegalArgumentException("commitEvery must be between 1 and 720 hours, was " + commitEvery);
            }
        }
    }

    /**
     * One PAPER hour of one configured account. {@code models} are the versions pinned when the hour was
     * submitted ({@code "<name>/<ROLE>" -> version id}), so the cycle decides with them whoever runs it and when.
     */
    public record Cycle(String account, List<String> assets, String hour, String configJson, String initialCapital,
                        int seed, SortedMap<String, String> models) {
        public Cycle {
            Objects.requireNonNull(account, "account");
            assets = List.copyOf(assets);
            Objects.requireNonNull(hour, "hour");
            Objects.requireNonNull(configJson, "configJson");
            Objects.requireNonNull(initialCapital, "initialCapital");
            models = new TreeMap<>(models);
        }
    }

    public static String toJson(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode task payload " + payload + ": " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("task data is not a valid " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
