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
 * How {@link Canonical} writes one record class, built once per class: its {@code Name(} and each component's
 * {@code name=} as UTF-8 bytes, and each accessor as a generated function (a direct call instead of reflection per
 * value); a primitive component is read and written without boxing. The text is the same as writing
 * {@code Name(c1=<value>;c2=<value>;)} component by component in declaration order.
 */
final class RecordPlan {
    private static final ClassValue<RecordPlan> PLANS = new ClassValue<>() {
        @Override
        protected RecordPlan computeValue(Class<?> type) {
            return new RecordPlan(type);
        }
    };

    private final byte[] open;
    private final Component[] components;

    private RecordPlan(Class<?> type) {
        this.open = (type.getSimpleName() + "(").getBytes(StandardCharsets.UTF_8);
        RecordComponent[] rc = type.getRecordComponents();
        this.components = new Component[rc.length];
        for (int i = 0; i < rc.length; i++) {
            components[i] = component(type, rc[i]);
        }
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
        out.put(open);
        for (Component c : components) {
            out.put(c.header);
            c.write(out, r, memo);
            out.put(';');
        }
        out.put(')');
    }

    /** Reads one component of a record and writes its canonical text. */
    private interface ValueWriter {
        void write(CanonicalSink out, Object r, Canonical.Memo memo);
    }

    /** One component: {@code name=} and how its value is read and written. */
    private static final class Component {
        final byte[] header;
        final ValueWriter value;
        final boolean reflective;

        Component(String name, ValueWriter value, boolean reflective) {
            this.header = (name + "=").getBytes(StandardCharsets.UTF_8);
            this.value = value;
            this.reflective = reflective;
        }

        void write(CanonicalSink out, Object r, Canonical.Memo memo) {
            value.write(out, r, memo);
        }
    }

    @SuppressWarnings("unchecked")
    private static Component component(Class<?> type, RecordComponent rc) {
        String name = rc.getName();
        Class<?> t = rc.getType();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle accessor = lookup.unreflect(rc.getAccessor());
            if (t == double.class || t == float.class) {
                // a float is written as the double it widens to, as a boxed Float is
                ToDoubleFunction<Object> get = (ToDoubleFunction<Object>) generate(lookup, accessor, ToDoubleFunction.class,
                        "applyAsDouble", double.class, type);
                return new Component(name, (out, r, memo) -> CanonicalWriter.writeDouble(out, get.applyAsDouble(r)), false);
            }
            if (t == long.class || t == int.class || t == short.class || t == byte.class) {
                ToLongFunction<Object> get = (ToLongFunction<Object>) generate(lookup, accessor, ToLongFunction.class,
                        "applyAsLong", long.class, type);
                return new Component(name, (out, r, memo) -> CanonicalWriter.writeLong(out, get.applyAsLong(r)), false);
            }
            if (t == boolean.class) {
                Predicate<Object> get = (Predicate<Object>) generate(lookup, accessor, Predicate.class, "test", boolean.class, type);
                return new Component(name, (out, r, memo) -> out.put(get.test(r) ? 'T' : 'F'), false);
            }
            // references, and a char (boxed: no canonical form, refused as before)
            Function<Object, Object> get = (Function<Object, Object>) generate(lookup, accessor, Function.class, "apply",
                    Object.class, type);
            return new Component(name, (out, r, memo) -> CanonicalWriter.write(out, get.apply(r), memo), false);
        } catch (Throwable e) {
            // the class cannot be looked into from here: the accessor by reflection (same values, slower)
            java.lang.reflect.Method accessor = rc.getAccessor();
            accessor.setAccessible(true);
            return new Component(name, (out, r, memo) -> CanonicalWriter.write(out, invoke(accessor, r), memo), true);
        }
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
