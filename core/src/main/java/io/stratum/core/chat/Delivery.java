package io.stratum.core.chat;

import java.util.List;
import java.util.UUID;

/** A committed event and the users of this server it goes to. */
public record Delivery(ChatEvent event, List<UUID> recipients) {
}
