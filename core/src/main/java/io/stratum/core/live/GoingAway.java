package io.stratum.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * When the server begins to stop, every client WebSocket is closed with 1001 ("going away"), so
 * clients reconnect at once (to another instance, or to this one when it is back) and resume from
 * their cursors, instead of holding a connection the server will cut anyway. Runs before Quarkus
 * waits for open HTTP requests, so a stop with connected clients does not wait out the shutdown
 * timeout for connections that would never end by themselves.
 */
@ApplicationScoped
class GoingAway {
    static final int CLOSE_GOING_AWAY = 1001;
    private static final Logger LOGGER = Logger.getLogger(GoingAway.class);

    void closeAll(@Observes ShutdownDelayInitiatedEvent event, OpenConnections connections) {
        int count = 0;
        for (WebSocketConnection connection : connections) {
            connection.close(new CloseReason(CLOSE_GOING_AWAY, "server stopping; reconnect")).subscribe().with(done -> { }, failure -> { });
            count++;
        }
        LOGGER.infov("Stopping: closed client connections={0}", count);
    }
}
