package io.tradingcore.ports.service;

import static io.tradingcore.ports.service.CycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.hash.CycleStep;
import io.tradingcore.domain.hash.DataHashFormat;
import io.tradingcore.domain.risk.OperatorReset;
import io.tradingcore.ports.in.CycleReport;
import io.tradingcore.ports.testing.InMemoryPorts;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Step hashes of fixed scenarios pinned to the values the cycle produced before it was split into named steps: a
 * refactor of the cycle (or of hashing) that changes any stored hash fails here, before a stored run would fail to
 * replay. Pinned for both DATA hash formats (V1 as stored before 2026-12-06, V2 current). Covers trading on two assets, a drawdown halt with forced exits and an operator reset, and dust.
 */
class StepHashGoldenTest {
    private static final HourTs FIRST = START.plusHours(LOOKBACK);

    // V1 (before 2026-12-06): the values stored runs were hashed with; only DATA differs between the formats
    @Test
    void twoAssetsTradingForFortyTwoHours() {
        assertThat(digest(runHours(v1(ports(11, 48)), FIRST, 42))).isEqualTo("86e7777147810e6cdff8303e7ff01877fd4fa0d4c1b4eaa4af4a4e11d49ab72b");
        assertThat(digest(runHours(ports(11, 48), FIRST, 42))).isEqualTo(V2_TWO_ASSETS);
    }

    @Test
    void drawdownHaltForcedExitsAndReset() {
        assertThat(digest(crash(v1(CycleScenariosTest.crashScenario())))).isEqualTo("ed30311e9a4cba24cb5d40d26c59cc7e1e89c3940e49e0de2188538f474a9893");
        assertThat(digest(crash(CycleScenariosTest.crashScenario()))).isEqualTo(V2_CRASH);
    }

    @Test
    void dustHeldAndReportedOnce() {
        assertThat(digest(runOneAsset(v1(DustCycleTest.ports()), InMemoryPorts.btc(), 21, new BigDecimal("1000")))).isEqualTo("9f2ab5dc128b9ad35a4963dcd255d58bcc5f399d117d1999beb6a60071a9ada5");
        assertThat(digest(runOneAsset(DustCycleTest.ports(), InMemoryPorts.btc(), 21, new BigDecimal("1000")))).isEqualTo(V2_DUST);
    }

    /** The V2 DATA hash differs from V1's for the same inputs, every other step is the same. */
    @Test
    void formatsDifferOnlyInData() {
        List<CycleReport> a = runHours(v1(ports(11, 48)), FIRST, 6);
        List<CycleReport> b = runHours(ports(11, 48), FIRST, 6);
        for (int i = 0; i < a.size(); i++) {
            for (CycleStep s : CycleStep.values()) {
                if (s == CycleStep.DATA) {
                    assertThat(b.get(i).stepHashes().get(s)).isNotEqualTo(a.get(i).stepHashes().get(s));
                } else {
                    assertThat(b.get(i).stepHashes().get(s)).isEqualTo(a.get(i).stepHashes().get(s));
                }
            }
        }
    }

    /**
     * A replay recomputing hours stored in V1 gets their V1 hashes (the stored hash is matched by recomputing that
     * format on the same inputs); an hour whose stored hash matches no format keeps the current format's hash.
     */
    @Test
    void recomputedHoursKeepTheFormatTheyWereStoredIn() {
        List<CycleReport> stored = runHours(v1(ports(11, 48)), FIRST, 6);
        java.util.Map<HourTs, String> byHour = new java.util.TreeMap<>();
        for (int i = 0; i < stored.size(); i++) {
            byHour.put(FIRST.plusHours(i), stored.get(i).stepHashes().get(CycleStep.DATA).orElseThrow());
        }
        byHour.put(FIRST.plusHours(5), "0".repeat(64)); // tampered: no format reproduces it
        InMemoryPorts replay = ports(11, 48);
        replay.cycle.hashingData(DataHashFormat.CURRENT, h -> Optional.ofNullable(byHour.get(h)));
        List<CycleReport> again = runHours(replay, FIRST, 6);
        List<CycleReport> v2 = runHours(ports(11, 48), FIRST, 6);
        for (int i = 0; i < 5; i++) {
            assertThat(again.get(i).stepHashes()).isEqualTo(stored.get(i).stepHashes());
        }
        assertThat(again.get(5).stepHashes()).isEqualTo(v2.get(5).stepHashes());
    }

    private static final String V2_TWO_ASSETS = "f5b123f9f481bab1589af257ce01f85dea6a6b95232321d48ea32df836a757ae";
    private static final String V2_CRASH = "a1942075ced357a1ce2a3d22faca9a27b524b352228a2339336bfb4eb57e14cb";
    private static final String V2_DUST = "738fb09732248105529cf6ccc9e0efbe2dcb7977b33b72f8fd17bf6bc66e7841";

    private static InMemoryPorts v1(InMemoryPorts p) {
        p.cycle.hashingData(DataHashFormat.V1, h -> Optional.empty());
        return p;
    }

    private static List<CycleReport> crash(InMemoryPorts p) {
        List<CycleReport> r = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            r.add(p.cycle.run(CycleScenariosTest.oneAsset(FIRST.plusHours(i), Optional.empty())));
        }
        r.add(p.cycle.run(CycleScenariosTest.oneAsset(FIRST.plusHours(13),
                Optional.of(new OperatorReset("ops", "post-mortem done", Instant.parse("2024-01-01T18:30:00Z"))))));
        return r;
    }

    private static String digest(List<CycleReport> reports) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (CycleReport r : reports) {
                md.update(r.outcome().name().getBytes(StandardCharsets.UTF_8));
                for (CycleStep s : CycleStep.values()) {
                    md.update((s.name() + "=" + r.stepHashes().get(s).orElse("-") + ";").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
