package io.tradingcore.application.bench;

import io.tradingcore.ports.out.FeatureEngine;
import io.tradingcore.ports.out.ModelStack;
import io.tradingcore.ports.out.ModelTrainer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Wall time per port method (benchmark diagnostics only): wrap ports, run, print. Only with -Dbench.portTimes=true:
 * otherwise {@link #wrap} and {@link #timedTrainer} return what they are given (a reflective proxy and a map
 * lookup per port call are a measurable part of the in-memory cycle).
 */
final class PortTimer {
    private final Map<String, long[]> totals = new TreeMap<>();
    private final boolean enabled = Boolean.getBoolean("bench.portTimes");

    @SuppressWarnings("unchecked")
    <T> T wrap(Class<T> port, T target) {
        if (!enabled) {
            return target;
        }
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, (proxy, m, args) -> {
            long t0 = System.nanoTime();
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                long[] t = totals.computeIfAbsent(port.getSimpleName() + "." + m.getName(), k -> new long[2]);
                t[0] += System.nanoTime() - t0;
                t[1]++;
            }
        });
    }

    /** The trainer, with the feature engine and model stack it returns timed too. */
    ModelTrainer timedTrainer(ModelTrainer trainer) {
        if (!enabled) {
            return trainer;
        }
        return (candles, from, to, seed) -> {
            ModelTrainer.TrainedStack s = trainer.train(candles, from, to, seed);
            FeatureEngine engine = wrap(FeatureEngine.class, s.featureEngine());
            ModelStack stack = wrap(ModelStack.class, s.modelStack());
            return (ModelTrainer.TrainedStack) Proxy.newProxyInstance(ModelTrainer.class.getClassLoader(),
                    new Class<?>[]{ModelTrainer.TrainedStack.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "featureEngine" -> engine;
                        case "modelStack" -> stack;
                        default -> m.invoke(s, args);
                    });
        };
    }

    void reset() {
        totals.clear();
    }

    void print(String title) {
        System.out.println("port time, " + title + ":");
        totals.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).forEach(e ->
                System.out.printf(Locale.ROOT, "  %-55s %8.1f ms  %7d calls  %8.3f ms/call%n", e.getKey(), e.getValue()[0] / 1e6,
                        e.getValue()[1], e.getValue()[0] / 1e6 / e.getValue()[1]));
    }
}
