package io.tradingcore.ports.service;

import static io.tradingcore.ports.service.CycleFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradingcore.domain.HourTs;
import io.tradingcore.domain.hash.CycleStep;
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
 * replay. Covers trading on two assets, a drawdown halt with forced exits and an operator reset, and dust.
 */
class StepHashGoldenTest {
    private static final HourTs FIRST = START.plusHours(LOOKBACK);

    @Test
    void twoAssetsTradingForFortyTwoHours() {
        assertThat(digest(runHours(ports(11, 48), FIRST, 42))).isEqualTo("86e7777147810e6cdff8303e7ff01877fd4fa0d4c1b4eaa4af4a4e11d49ab72b");
    }

    @Test
    void drawdownHaltForcedExitsAndReset() {
        InMemoryPorts p = CycleScenariosTest.crashScenario();
        List<CycleReport> r = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            r.add(p.cycle.run(CycleScenariosTest.oneAsset(FIRST.plusHours(i), Optional.empty())));
        }
        r.add(p.cycle.run(CycleScenariosTest.oneAsset(FIRST.plusHours(13),
                Optional.of(new OperatorReset("ops", "post-mortem done", Instant.parse("2024-01-01T18:30:00Z"))))));
        assertThat(digest(r)).isEqualTo("ed30311e9a4cba24cb5d40d26c59cc7e1e89c3940e49e0de2188538f474a9893");
    }

    @Test
    void dustHeldAndReportedOnce() {
        InMemoryPorts p = DustCycleTest.ports();
        assertThat(digest(runOneAsset(p, InMemoryPorts.btc(), 21, new BigDecimal("1000")))).isEqualTo("9f2ab5dc128b9ad35a4963dcd255d58bcc5f399d117d1999beb6a60071a9ada5");
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
