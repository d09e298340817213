package io.tradingcore.domain.hash;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * How {@link Canonical} writes one record class, built once per class: the text between its values
 * ({@code Name(c1=}, {@code ;c2=}, ..., {@code ;)}) as UTF-8 bytes, and each accessor as a generated function (a
 * direct call instead of reflection per value). A primitive component is read and written without boxing; one of a
 * record, enum, BigDecimal or String type is written without the dispatch over all types (records of that type keep
 * their plan, enums their constants' texts). The text is the same as writing {@code Name(c1=<value>;c2=<value>;)}
 * component by component in declaration order.
 */
final class RecordPlan {
    private static final ClassValue<RecordPlan> PLANS = new ClassValue<>() {
        @Override
        protected RecordPlan computeValue(Class<?> type) {
            return new RecordPlan(type);
        }
    };

    private final Component[] components;
    /** {@code Name()} (no components) or {@code ;)}: what follows the last value. */
    private final byte[] close;

    private RecordPlan(Class<?> type) {
        RecordComponent[] rc = type.getRecordComponents();
        this.components = new Component[rc.length];
        for (int i = 0; i < rc.length; i++) {
            String before = (i == 0 ? type.getSimpleName() + "(" : ";") + rc[i].getName() + "=";
            components[i] = component(type, rc[i], before.getBytes(StandardCharsets.UTF_8));
        }
        this.close = (rc.length == 0 ? type.getSimpleName() + "()" : ";)").getBytes(StandardCharsets.UTF_8);
    }

    static RecordPlan of(Class<?> type) {
        return PLANS.get(type);
    }

    /** How many components are read by reflection (a class that could not be looked into); 0 normally. */
    int reflective() {
        int n = 0;
        for (Component c : components) {
            n += c.reflective ? 1 : 0;
        }
        return n;
    }

    void write(CanonicalSink out, Record r, Canonical.Memo memo) {
        for (Component c : components) {
            out.put(c.before);
            c.value.write(out, r, memo);
        }
        out.put(close);
    }

    /** A record of a known class, or null; memoised records as the memo holds them. */
    void writeNullable(CanonicalSink out, Record r, Canonical.Memo memo) {
        if (r == null) {
            out.put('~');
        } else if (memo != null && memo.keeps(r)) {
            memo.emit(out, r);
        } else {
            write(out, r, memo);
        }
    }

    /** Reads one component of a record and writes its canonical text. */
    private interface ValueWriter {
        void write(CanonicalSink out, Object r, Canonical.Memo memo);
    }

    /** One component: the text before its value ({@code Name(c1=} or {@code ;cN=}) and how its value is read and written. */
    private record Component(byte[] before, ValueWriter value, boolean reflective) {
    }

    /** The plan of a record class that a component holds, looked up when first written (a record may contain its own type). */
    private static final class PlanOf {
        private final Class<?> type;
        private RecordPlan plan;

        PlanOf(Class<?> type) {
            this.type = type;
        }

        RecordPlan get() {
            RecordPlan p = plan;
            if (p == null) {
                p = RecordPlan.of(type);
                plan = p;
            }
            return p;
        }
    }

    @SuppressWarnings("unchecked")
    private static Component component(Class<?> type, RecordComponent rc, byte[] before) {
        Class<?> t = rc.getType();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle accessor = lookup.unreflect(rc.getAccessor());
            if (t == double.class || t == float.class) {
                // a float is written as the double it widens to, as a boxed Float is
                ToDoubleFunction<Object> get = (ToDoubleFunction<Object>) generate(lookup, accessor, ToDoubleFunction.class,
                        "applyAsDouble", double.class, type);
                return new Component(before, (out, r, memo) -> CanonicalWriter.writeDouble(out, get.applyAsDouble(r)), false);
            }
            if (t == long.class || t == int.class || t == short.class || t == byte.class) {
                ToLongFunction<Object> get = (ToLongFunction<Object>) generate(lookup, accessor, ToLongFunction.class,
                        "applyAsLong", long.class, type);
                return new Component(before, (out, r, memo) -> CanonicalWriter.writeLong(out, get.applyAsLong(r)), false);
            }
            if (t == boolean.class) {
                Predicate<Object> get = (Predicate<Object>) generate(lookup, accessor, Predicate.class, "test", boolean.class, type);
                return new Component(before, (out, r, memo) -> out.put(get.test(r) ? 'T' : 'F'), false);
            }
            // references, and a char (boxed: no canonical form, refused as before)
            Function<Object, Object> get = (Function<Object, Object>) generate(lookup, accessor, Function.class, "apply",
                    Object.class, type);
            return new Component(before, ofType(t, get), false);
        } catch (Throwable e) {
            // the class cannot be looked into from here: the accessor by reflection (same values, slower)
            java.lang.reflect.Method accessor = rc.getAccessor();
            accessor.setAccessible(true);
            return new Component(before, (out, r, memo) -> CanonicalWriter.write(out, invoke(accessor, r), memo), true);
        }
    }

    /**
     * Writes the value {@code get} reads, of declared type {@code t}: what {@link CanonicalWriter#write} writes for it,
     * without the dispatch when the type fixes the branch (a record class is final; an enum's constants are its own).
     */
    private static ValueWriter ofType(Class<?> t, Function<Object, Object> get) {
        if (t.isRecord()) {
            PlanOf plan = new PlanOf(t);
            return (out, r, memo) -> plan.get().writeNullable(out, (Record) get.apply(r), memo);
        }
        if (t.isEnum()) {
            byte[][] texts = CanonicalWriter.enumTexts(t);
            return (out, r, memo) -> {
                Object v = get.apply(r);
                out.put(v == null ? CanonicalWriter.NULL : texts[((Enum<?>) v).ordinal()]);
            };
        }
        if (java.math.BigDecimal.class.isAssignableFrom(t)) {
            return (out, r, memo) -> CanonicalWriter.writeDecimal(out, (java.math.BigDecimal) get.apply(r));
        }
        if (t == String.class) {
            return (out, r, memo) -> CanonicalWriter.writeString(out, (String) get.apply(r));
        }
        return (out, r, memo) -> CanonicalWriter.write(out, get.apply(r), memo);
    }

    private static Object invoke(java.lang.reflect.Method accessor, Object r) {
        try {
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + r.getClass().getName() + "." + accessor.getName(), e);
        }
    }

    /** An instance of {@code fn} whose method {@code method} calls {@code accessor} (LambdaMetafactory). */
    private static Object generate(MethodHandles.Lookup lookup, MethodHandle accessor, Class<?> fn, String method,
                                   Class<?> returns, Class<?> type) throws Throwable {
        MethodType sam = MethodType.methodType(returns, Object.class);
        Class<?> instantiatedReturn = returns;
        if (returns == Object.class) {
            // the accessor's own type (a primitive one boxed, as for a char)
            instantiatedReturn = MethodType.methodType(accessor.type().returnType()).wrap().returnType();
        }
        return LambdaMetafactory.metafactory(lookup, method, MethodType.methodType(fn), sam, accessor,
                MethodType.methodType(instantiatedReturn, type)).getTarget().invoke();
    }
}
