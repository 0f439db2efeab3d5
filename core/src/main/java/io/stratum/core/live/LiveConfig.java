package io.stratum.core.live;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of client WebSocket sessions (prefix {@code stratum.live}). */
@ConfigMapping(prefix = "stratum.live")
public interface LiveConfig {
    /** Time a new connection has to send its {@code hello} frame. */
    @WithDefault("10s")
    Duration helloTimeout();

    /** Open connections allowed from one IP address on one instance. */
    @WithDefault("1000")
    int connectionsPerIp();

    /** Sends (send, edit, delete) one session may make per second, sustained. */
    @WithDefault("50")
    int sendsPerSecond();

    /** Sends one session may make in a burst above the sustained rate. */
    @WithDefault("200")
    int sendBurst();
}
