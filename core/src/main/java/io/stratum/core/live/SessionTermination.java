package io.stratum.core.live;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.stratum.core.chat.ChatEventPublisher;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Closes the live WebSockets of devices whose tokens were revoked (logout, an administrator ending a
 * user's sessions, a directory account disabled), on every instance of this server: the request goes
 * out on the chat-signals topic and each instance's {@link ChatEventFeed} closes its own matching
 * sessions with close code 4401. Call it after the revocation is committed; tokens already refuse
 * new connections, this only ends the open ones.
 */
@ApplicationScoped
public class SessionTermination {
    static final String SIGNAL = "devices_revoked";

    private final ChatEventPublisher publisher;

    public SessionTermination(ChatEventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Ends the open sessions of these devices of the user; an empty list does nothing. */
    public void end(UUID user, List<UUID> devices) {
        if (devices.isEmpty()) {
            return;
        }
        JsonArray ids = new JsonArray();
        devices.forEach(device -> ids.add(device.toString()));
        publisher.signal(user, new JsonObject().put("type", SIGNAL).put("devices", ids), List.of(user));
    }
}
