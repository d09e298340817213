package io.tradingcore.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the model stack says about one asset-hour. Lists are put in a fixed order (base by role
 * then horizon, meta by horizon) so that hashing and persistence never depend on producer order;
 * duplicates are refused.
 */
public record StackPrediction(RegimeResult regime, List<BasePrediction> base, List<MetaPrediction> meta) {
    public StackPrediction {
        Objects.requireNonNull(regime, "stack.regime");
        List<BasePrediction> b = new ArrayList<>(base);
        b.sort(Comparator.comparing(BasePrediction::role).thenComparing(BasePrediction::horizon));
        for (int i = 1; i < b.size(); i++) {
            if (b.get(i).role() == b.get(i - 1).role() && b.get(i).horizon() == b.get(i - 1).horizon()) {
                throw new IllegalArgumentException("duplicate base prediction " + b.get(i).role() + "/" + b.get(i).horizon());
            }
        }
        List<MetaPrediction> m = new ArrayList<>(meta);
        m.sort(Comparator.comparing(MetaPrediction::horizon));
        for (int i = 1; i < m.size(); i++) {
            if (m.get(i).horizon() == m.get(i - 1).horizon()) {
                throw new IllegalArgumentException("duplicate meta prediction for " + m.get(i).horizon());
            }
        }
        base = List.copyOf(b);
        meta = List.copyOf(m);
    }

    /** The meta prediction for a horizon, if the stack produced one. */
    public Optional<MetaPrediction> meta(Horizon horizon) {
        return meta.stream().filter(p -> p.horizon() == horizon).findFirst();
    }
}
