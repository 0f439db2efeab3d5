package io.stratum.core.kafka;

/** The topics every server owns. The actual Kafka name is {@code <server id>.<suffix>}. */
public enum ServerTopic {
    /** Service life-cycle events: started, stopping, link state changes. */
    SYSTEM_EVENTS("system-events"),
    /** Administrator actions (audit), published by the console. */
    ADMIN_EVENTS("admin-events"),
    /** Committed chat events (messages, edits, membership), keyed by chat id, for live delivery by every instance. */
    CHAT_EVENTS("chat-events"),
    /** Ephemeral chat signals (typing, receipts, presence), keyed by chat id; never stored. */
    CHAT_SIGNALS("chat-signals");

    private final String suffix;

    ServerTopic(String suffix) {
        this.suffix = suffix;
    }

    /** The Kafka topic name on the server with this id. */
    public String nameFor(String serverId) {
        return serverId + "." + suffix;
    }
}
