package io.tradingcore.app;

import io.tradingcore.application.Inputs;
import io.tradingcore.domain.Asset;
import io.tradingcore.domain.HourTs;
import io.tradingcore.ports.out.ReferenceDataRepository;
import java.util.List;
import java.util.UUID;

/** Parsing of command-line values with one-line errors naming the option (usage errors, exit code 2). */
public final class CliArgs {

    private CliArgs() {
    }

    /** {@code 2025-01-01} (midnight UTC) or an hour-aligned ISO-8601 UTC instant. */
    public static HourTs hour(String option, String text) {
        return Inputs.hour(option, text);
    }

    /** Comma-separated BASE/QUOTE symbols, each already registered (ingested). */
    public static List<Asset> assets(ReferenceDataRepository reference, String csv) {
        return Inputs.assets(reference, "--assets", Inputs.commaSeparated("--assets", csv));
    }

    /**
     * An output directory (created when missing) must not be an existing file: that used to fail with a bare
     * FileAlreadyExistsException after the work was done (issue 17, item 10).
     */
    static void outputDirectory(String option, java.nio.file.Path dir) {
        if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
            throw new CliException(ExitCodes.USAGE, option + " " + dir + " is an existing file, not a directory");
        }
    }

    static UUID uuid(String option, String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, option + " '" + text + "' is not a UUID");
        }
    }
}
