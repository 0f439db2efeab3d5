package io.stratum.core.chat;

import java.util.List;
import java.util.UUID;

/**
 * The devices connected to this instance, as the chat log reaches them directly: a committed event
 * goes to them at once instead of after a round trip through Kafka (which brings it to the other
 * instances). Implemented by the live sessions.
 */
public interface LocalDelivery {
    /**
     * Hands a committed event to every device of {@code recipients} connected here. Any thread;
     * returns at once, never blocks. Events of one chat may arrive out of order or twice (here and
     * from another path): each device session drops what it already has and fills gaps from
     * PostgreSQL.
     */
    void deliver(LiveEvent event, List<UUID> recipients);
}
