package io.tradingcore.app.live;

import io.tradingcore.app.CliException;
import io.tradingcore.app.ExitCodes;
import io.tradingcore.application.Inputs;
import io.tradingcore.domain.Asset;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** Argument checks the paper and live commands share, failing with one-line usage errors. */
public final class SessionArgs {

    private SessionArgs() {
    }

    /** A session's cash is one quote currency. */
    public static List<Asset> sameQuote(List<Asset> assets) {
        return Inputs.sameQuote("--assets", assets);
    }

    /** An absolute http(s) URL. */
    public static String url(String option, String text) {
        try {
            URI u = new URI(text);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new CliException(ExitCodes.USAGE, option + " '" + text + "' is not an http(s) URL");
            }
            return text;
        } catch (URISyntaxException e) {
            throw new CliException(ExitCodes.USAGE, option + " '" + text + "' is not a URL: " + e.getReason());
        }
    }
}
