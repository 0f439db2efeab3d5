package io.stratum.trusts.link;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The trust link (prefix {@code stratum.trust}; settings.yaml {@code trust_port}). */
@ConfigMapping(prefix = "stratum.trust")
public interface TrustLinkConfig {
    /** TCP port the link listens on; 0 picks a free one (tests). */
    @WithDefault("5001")
    int port();

    /** How often the dialer looks for trusts to connect. */
    @WithDefault("2s")
    Duration dialInterval();

    /** First wait after a failed dial; doubles per failure up to {@link #retryMax()}. */
    @WithDefault("1s")
    Duration retryMin();

    @WithDefault("60s")
    Duration retryMax();

    /** A ping is sent after this much silence; a link silent for three times as long is closed. */
    @WithDefault("10s")
    Duration heartbeat();

    /** Time allowed for the handshake. */
    @WithDefault("10s")
    Duration handshakeTimeout();
}
