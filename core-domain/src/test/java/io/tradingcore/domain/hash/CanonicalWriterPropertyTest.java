package io.tradingcore.domain.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradingcore.domain.AssetId;
import io.tradingcore.domain.Candle;
import io.tradingcore.domain.DeterministicIds;
import io.tradingcore.domain.HourTs;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The byte writer (CanonicalWriter, RecordPlan, CanonicalSink) writes exactly the bytes of the reflective
 * StringBuilder writer stored step hashes were computed with ({@link LegacyCanonicalText}), on random values of
 * every supported type: records with primitive, boxed and reference components (public, private and nested), lists
 * (random access or not), sorted maps and sets, optionals, enums (with constant bodies), decimals, doubles and floats
 * (NaN, infinities, -0), integers at their limits, instants, UUIDs and strings of any characters (unpaired surrogates
 * included).
 */
class CanonicalWriterPropertyTest {

    enum Side {
        BUY, SELL {
            @Override
            public String toString() {
                return "sell (a constant with a body)";
            }
        }
    }

    record Prims(int i, long l, short s, byte b, double d, float f, boolean z) {
    }

    record Boxes(Integer i, Long l, Short s, Byte b, Double d, Float f, Boolean z) {
    }

    record Scalars(BigDecimal n, String s, Instant t, UUID u, Side e, Optional<Object> o) {
    }

    record Node(String name, List<Object> children, SortedMap<String, Object> attrs, SortedSet<Integer> ids, Object any) {
    }

    private record Hidden(double x, Object y) {
    }

    /** Components of a record, enum, BigDecimal and String type (written without the dispatch), its own type included. */
    record Chain(Chain next, Scalars scalars, Side side, BigDecimal amount, String note) {
    }

    record WithChar(char c) {
    }

    @Property(tries = 1500)
    void writesTheBytesOfTheReflectiveWriter(@ForAll long seed) {
        Object value = new Gen(new Random(seed)).value(4);
        byte[] expected = LegacyCanonicalText.text(value).getBytes(StandardCharsets.UTF_8);
        assertThat(Canonical.text(value).getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(Canonical.sha256(value)).isEqualTo(DeterministicIds.sha256Hex(expected));
    }

    /** The sink's hex (eight digits at a time when all sixteen are written), decimal and UUID writers, as the JDK writes them. */
    @Property(tries = 3000)
    void longsInHexAndDecimalAsTheJdkWritesThem(@ForAll long v, @ForAll int shift) {
        long x = v >>> (shift & 63);
        CanonicalSink sink = CanonicalSink.keeping();
        sink.putHex(x);
        sink.put(' ');
        sink.putLong(x);
        sink.put(' ');
        sink.putHex(v);
        sink.put(' ');
        sink.putUuid(v, x);
        assertThat(sink.text()).isEqualTo(Long.toHexString(x) + " " + x + " " + Long.toHexString(v) + " " + new UUID(v, x));
    }

    /** Values larger than the sink's buffer (flushed to the digest mid-way), and one string longer than it. */
    @Test
    void valuesLargerThanTheBufferHashAlike() {
        Gen gen = new Gen(new Random(7));
        List<Object> big = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            big.add(gen.value(2));
        }
        big.add("x".repeat(20_000) + "\u00e9" + "y".repeat(9000));
        big.add("z".repeat(8191));
        byte[] expected = LegacyCanonicalText.text(big).getBytes(StandardCharsets.UTF_8);
        assertThat(expected.length).isGreaterThan(100_000);
        assertThat(Canonical.sha256(big)).isEqualTo(DeterministicIds.sha256Hex(expected));
    }

    /** The memo paths (DATA: V1 with candle texts, V2 with candle digests) against the reflective writer. */
    @Property(tries = 100)
    void memoisedCandlesHashAsTheReflectiveText(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        Gen gen = new Gen(random);
        List<Candle> candles = new ArrayList<>();
        HourTs start = HourTs.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < 30; i++) {
            candles.add(Candle.of(new AssetId((short) 2), start.plusHours(i), "10" + i + ".5", "11" + i, "9" + i, "10" + i, i + ".125"));
        }
        Canonical.Memo texts = new Canonical.Memo(Candle.class);
        Canonical.Memo digests = Canonical.Memo.digests(Candle.class);
        for (int end = 10; end <= candles.size(); end++) {
            List<Object> value = java.util.Arrays.asList(gen.value(2), candles.subList(end - 10, end), gen.value(2));
            byte[] text = LegacyCanonicalText.text(value).getBytes(StandardCharsets.UTF_8);
            assertThat(Canonical.sha256(value, texts)).isEqualTo(DeterministicIds.sha256Hex(text));

            java.io.ByteArrayOutputStream v2 = new java.io.ByteArrayOutputStream();
            v2.writeBytes(("data/2;[" + LegacyCanonicalText.text(value.get(0)) + ",[").getBytes(StandardCharsets.UTF_8));
            for (Candle c : candles.subList(end - 10, end)) {
                v2.write(0xFF);
                v2.writeBytes(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(LegacyCanonicalText.text(c).getBytes(StandardCharsets.UTF_8)));
                v2.write(',');
            }
            v2.writeBytes(("]," + LegacyCanonicalText.text(value.get(2)) + ",]").getBytes(StandardCharsets.UTF_8));
            assertThat(Canonical.sha256OfDigests("data/2;", value, digests)).isEqualTo(DeterministicIds.sha256Hex(v2.toByteArray()));
        }
    }

    /** Every component of these records (public, nested, private, primitive) is read by a generated accessor. */
    @Test
    void accessorsAreGeneratedNotReflective() {
        for (Class<?> type : List.of(Prims.class, Boxes.class, Scalars.class, Node.class, Hidden.class, Chain.class, WithChar.class, Candle.class)) {
            assertThat(RecordPlan.of(type).reflective()).as(type.getName()).isZero();
        }
    }

    @Test
    void unsupportedValuesAreRefusedAsBefore() {
        assertThatThrownBy(() -> Canonical.sha256(new WithChar('x'))).hasMessageContaining("no canonical form for java.lang.Character");
        assertThatThrownBy(() -> Canonical.sha256(new java.util.HashSet<>(List.of(1)))).hasMessageContaining("no canonical form");
        assertThatThrownBy(() -> Canonical.sha256(new Node("n", List.of(new Object()), new TreeMap<>(), new TreeSet<>(), null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Random values of every supported type, nested to a depth. */
    private static final class Gen {
        private final Random r;

        Gen(Random r) {
            this.r = r;
        }

        Object value(int depth) {
            int k = r.nextInt(depth > 0 ? 14 : 10);
            return switch (k) {
                case 0 -> null;
                case 1 -> decimal();
                case 2 -> aDouble();
                case 3 -> aLong();
                case 4 -> string();
                case 5 -> new Prims((int) aLong(), aLong(), (short) aLong(), (byte) aLong(), aDouble(), (float) aDouble(), r.nextBoolean());
                case 6 -> new Boxes(r.nextBoolean() ? null : (int) aLong(), aLong(), (short) aLong(), (byte) aLong(),
                        aDouble(), r.nextBoolean() ? null : (float) aDouble(), r.nextBoolean());
                case 7 -> scalars();
                case 8 -> r.nextBoolean() ? Side.SELL : instant();
                case 9 -> new Hidden(aDouble(), r.nextBoolean() ? string() : BigInteger.ONE.equals(BigInteger.ONE));
                case 10 -> chain(depth);
                default -> node(depth - 1);
            };
        }

        private Chain chain(int depth) {
            Chain next = depth > 0 && r.nextBoolean() ? chain(depth - 1) : null;
            return new Chain(next, r.nextBoolean() ? null : scalars(), r.nextInt(3) == 0 ? null : Side.values()[r.nextInt(2)],
                    r.nextInt(3) == 0 ? null : decimal(), r.nextInt(3) == 0 ? null : string());
        }

        private Scalars scalars() {
            return new Scalars(decimal(), r.nextBoolean() ? null : string(), instant(), new UUID(r.nextLong(), r.nextLong()),
                    Side.values()[r.nextInt(2)], r.nextBoolean() ? Optional.empty() : Optional.of(decimal()));
        }

        private Node node(int depth) {
            List<Object> children = r.nextBoolean() ? new ArrayList<>() : new LinkedList<>();
            for (int i = r.nextInt(5); i > 0; i--) {
                children.add(value(depth));
            }
            SortedMap<String, Object> attrs = new TreeMap<>();
            for (int i = r.nextInt(4); i > 0; i--) {
                attrs.put(string(), value(depth));
            }
            SortedSet<Integer> ids = new TreeSet<>();
            for (int i = r.nextInt(4); i > 0; i--) {
                ids.add(r.nextInt());
            }
            return new Node(string(), r.nextBoolean() ? children : Collections.unmodifiableList(children), attrs, ids,
                    r.nextBoolean() ? Optional.ofNullable(value(depth)) : value(depth));
        }

        private long aLong() {
            return switch (r.nextInt(5)) {
                case 0 -> Long.MIN_VALUE + r.nextInt(3);
                case 1 -> Long.MAX_VALUE - r.nextInt(3);
                case 2 -> r.nextInt(2001) - 1000;
                default -> r.nextLong() >> r.nextInt(64);
            };
        }

        private double aDouble() {
            return switch (r.nextInt(6)) {
                case 0 -> new double[]{Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE, Double.MAX_VALUE, 0.1}[r.nextInt(8)];
                case 1 -> Double.longBitsToDouble(r.nextLong());
                default -> r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10);
            };
        }

        private BigDecimal decimal() {
            BigInteger unscaled = new BigInteger(r.nextInt(130) + 1, r);
            return new BigDecimal(r.nextBoolean() ? unscaled : unscaled.negate(), r.nextInt(30) - 5);
        }

        private Instant instant() {
            long s = r.nextInt(3) == 0 ? (r.nextLong() % 400_000_000_000L) : (r.nextInt(600_000) - 100_000) * 3600L;
            return Instant.ofEpochSecond(s, r.nextInt(4) == 0 ? r.nextInt(1_000_000_000) : 0);
        }

        private String string() {
            StringBuilder sb = new StringBuilder();
            for (int i = r.nextInt(12); i > 0; i--) {
                switch (r.nextInt(6)) {
                    case 0 -> sb.append((char) (0xD800 + r.nextInt(0x800))); // a surrogate, paired or not
                    case 1 -> sb.appendCodePoint(0x10000 + r.nextInt(0x10FFFF - 0x10000));
                    case 2 -> sb.append((char) (0x80 + r.nextInt(0x780)));
                    case 3 -> sb.append((char) r.nextInt(0x10000));
                    default -> sb.append((char) (r.nextInt(0x80)));
                }
            }
            return sb.toString();
        }
    }
}
