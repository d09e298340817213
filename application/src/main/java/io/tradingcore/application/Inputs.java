package io.tradingcore.application;

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

/**
 * Checks of the values a use case is asked with (hours, asset symbols), failing with a {@link UseCaseException} whose
 * one-line message names the input ({@code what}: an option name for the CLI, a field name for a task payload).
 */
public final class Inputs {

    private Inputs() {
    }

    /** {@code 2025-01-01} (midnight UTC) or an hour-aligned ISO-8601 UTC instant. */
    public static HourTs hour(String what, String text) {
        try {
            if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}Z)?")) {
                // issue 17, item 11: Instant.parse also took "+05:30" and non-ASCII digits
                throw new DateTimeParseException("not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ", text, 0);
            }
            if (text.length() == 10) {
                return HourTs.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            Instant t = Instant.parse(text);
            try {
                return HourTs.of(t);
            } catch (IllegalArgumentException e) {
                throw new UseCaseException(what + " " + text + " is not aligned to a UTC hour");
            }
        } catch (DateTimeParseException e) {
            throw new UseCaseException(what + " '" + text
                    + "' is not a date (YYYY-MM-DD) or an ISO-8601 UTC hour (YYYY-MM-DDTHH:00:00Z)");
        }
    }

    /**
     * The elements of a comma-separated list as given ({@code what} names it): a blank list names no element; an empty
     * element ({@code BTC/USDT,} or {@code BTC/USDT,,ETH/USDT}) is refused as a likely typo rather than skipped.
     */
    public static List<String> commaSeparated(String what, String csv) {
        if (csv.isBlank()) {
            throw new UseCaseException(what + " names no asset");
        }
        String[] parts = csv.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                throw new UseCaseException(what + " '" + csv + "' has an empty element (number " + (i + 1) + " of "
                        + parts.length + "): remove the stray comma");
            }
        }
        return List.of(parts);
    }

    /** BASE/QUOTE symbols (none blank), each already registered (ingested), none twice, at least one. */
    public static List<Asset> assets(ReferenceDataRepository reference, String what, List<String> symbols) {
        List<Asset> known = reference.assets();
        List<Asset> out = new ArrayList<>();
        for (String raw : symbols) {
            String symbol = raw.strip().toUpperCase(Locale.ROOT);
            if (symbol.isEmpty()) {
                throw new UseCaseException(what + " has an empty element: remove the stray comma");
            }
            Asset a = known.stream().filter(k -> k.symbol().equals(symbol)).findFirst().orElseThrow(() ->
                    new UseCaseException("unknown asset '" + symbol + "' (known: "
                            + (known.isEmpty() ? "none, ingest candles first" : String.join(", ",
                            known.stream().map(Asset::symbol).toList())) + "); an asset is known once its candles are"
                            + " stored: ingest --csv FILE, or download-data --assets " + symbol + " --from DATE"));
            if (out.contains(a)) {
                throw new UseCaseException("asset " + symbol + " listed twice in " + what);
            }
            out.add(a);
        }
        if (out.isEmpty()) {
            throw new UseCaseException(what + " names no asset");
        }
        return out;
    }

    /** A session's cash is one quote currency: {@code assets} unchanged if they share one. */
    public static List<Asset> sameQuote(String what, List<Asset> assets) {
        if (assets.stream().map(Asset::quote).distinct().count() > 1) {
            throw new UseCaseException("all " + what + " must share one quote currency, got "
                    + assets.stream().map(Asset::symbol).toList());
        }
        return assets;
    }
}
