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

    /** Sends (send, edit, delete) one user may make per second over all their connected devices, sustained. */
    @WithDefault("50")
    int sendsPerSecond();

    /** Sends one user may make in a burst above the sustained rate, over all their connected devices. */
    @WithDefault("200")
    int sendBurst();
}
