package io.tradingcore.ports.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.BooleanSupplier;

/** Kill points for crash/resume tests: a port proxy that dies at a chosen call as the process would. */
public final class Crashes {
    private Crashes() {
    }

    /** Stands in for the process dying: not a RuntimeException, so the cycle cannot record FAILED. */
    public static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        public SimulatedCrash(String where) {
            super("simulated crash at " + where);
        }
    }

    /**
     * {@code target} behind a proxy of {@code type} that throws {@link SimulatedCrash} at a call of
     * {@code method} for which {@code now} says true (asked once per call of that method), before the
     * call reaches {@code target} or after it returned ({@code afterCall}: the work is done, the answer lost).
     */
    @SuppressWarnings("unchecked")
    public static <T> T crashing(Class<T> type, T target, String method, boolean afterCall, BooleanSupplier now) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            boolean hit = m.getName().equals(method) && now.getAsBoolean();
            if (hit && !afterCall) {
                throw new SimulatedCrash(type.getSimpleName() + "." + method + " before the call");
            }
            Object r;
            try {
                r = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (hit) {
                throw new SimulatedCrash(type.getSimpleName() + "." + method + " after the call");
            }
            return r;
        });
    }
}
