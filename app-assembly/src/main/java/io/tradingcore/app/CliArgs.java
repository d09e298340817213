package io.tradingcore.app;

import io.tradingcore.domain.Asset;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.ReferenceDataRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Parsing of command-line values with one-line errors naming the option. */
public final class CliArgs {

    private CliArgs() {
    }

    /** {@code 2025-01-01} (midnight UTC) or an hour-aligned ISO-8601 UTC instant. */
    public static HourTs hour(String option, String text) {
        try {
            if (text.length() == 10) {
                return HourTs.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            Instant t = Instant.parse(text);
            try {
                return HourTs.of(t);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, option + " " + text + " is not aligned to a UTC hour");
            }
        } catch (DateTimeParseException e) {
            throw new CliException(ExitCodes.USAGE, option + " '" + text
                    + "' is not a date (YYYY-MM-DD) or an ISO-8601 UTC hour (YYYY-MM-DDTHH:00:00Z)");
        }
    }

    /** Comma-separated BASE/QUOTE symbols, each already registered (ingested). */
    public static List<Asset> assets(ReferenceDataRepository reference, String csv) {
        List<Asset> known = reference.assets();
        List<Asset> out = new ArrayList<>();
        for (String raw : csv.split(",")) {
            String symbol = raw.strip().toUpperCase(Locale.ROOT);
            if (symbol.isEmpty()) {
                continue;
            }
            Asset a = known.stream().filter(k -> k.symbol().equals(symbol)).findFirst().orElseThrow(() ->
                    new CliException(ExitCodes.USAGE, "unknown asset '" + symbol + "' (known: "
                            + (known.isEmpty() ? "none, ingest candles first" : String.join(", ",
                            known.stream().map(Asset::symbol).toList())) + ")"));
            if (out.contains(a)) {
                throw new CliException(ExitCodes.USAGE, "asset " + symbol + " listed twice in --assets");
            }
            out.add(a);
        }
        if (out.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "--assets names no asset");
        }
        return out;
    }

    static UUID uuid(String option, String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, option + " '" + text + "' is not a UUID");
        }
    }
}
