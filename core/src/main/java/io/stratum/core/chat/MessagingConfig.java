package io.stratum.core.chat;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and tuning of messaging (prefix {@code stratum.messaging}). */
@ConfigMapping(prefix = "stratum.messaging")
public interface MessagingConfig {
    /** Largest message body in bytes (UTF-8); larger sends are refused with {@code body_too_large}. */
    @WithDefault("65536")
    int maxBodyBytes();

    /** Most members a group or channel may have. */
    @WithDefault("5000")
    int maxMembers();

    /** Most events written in one database transaction by the batching writer. */
    @WithDefault("512")
    int writeBatchSize();

    /** How long an outbox entry may wait for its Kafka confirmation before the relay publishes it again. */
    @WithDefault("5s")
    Duration outboxRedeliverAfter();

    /** Most events one page of history (or one resume of one chat) returns. */
    @WithDefault("200")
    int pageSize();

    /**
     * How long a send to a chat whose home is another server waits for the home's confirmation before
     * it is answered {@code queued} (the message stays queued and is delivered when the home answers).
     */
    @WithDefault("10s")
    Duration remoteConfirmTimeout();
}
