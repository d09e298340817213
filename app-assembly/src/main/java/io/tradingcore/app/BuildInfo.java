package io.tradingcore.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Version and git commit of this build (from build-info.properties written at build time). */
public final class BuildInfo implements CommandLine.IVersionProvider {

    private static final Properties PROPS = load();

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/trading-core-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // absent in an IDE run: the defaults below apply
        }
        return p;
    }

    /** The 40-hex git commit of the build, or 40 zeros when unknown (e.g. built outside git). */
    public static String codeVersionSha() {
        String sha = PROPS.getProperty("git.commit.id", "");
        return sha.matches("[0-9a-f]{40}") ? sha : "0".repeat(40);
    }

    public static String version() {
        return PROPS.getProperty("version", "dev");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"trading-core " + version() + " (commit " + codeVersionSha() + ")"};
    }
}
