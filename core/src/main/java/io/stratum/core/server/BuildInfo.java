package io.stratum.core.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

/** The version of this build and when this process started. */
@ApplicationScoped
public class BuildInfo {
    private final String version;
    private final Instant startedAt = Instant.now();

    public BuildInfo() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/META-INF/stratum-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        version = properties.getProperty("version", "unknown");
    }

    public String version() {
        return version;
    }

    public Instant startedAt() {
        return startedAt;
    }
}
