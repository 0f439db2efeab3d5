package io.stratum.core.live;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.filters.QuarkusRequestWrapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Ends, for Quarkus' graceful shutdown, every HTTP request that is a WebSocket upgrade, as it
 * passes on to the WebSocket server. Quarkus 3.33 counts an upgraded request as one that never
 * ends, so a stop after any client had connected always waited out {@code quarkus.shutdown.timeout}
 * (10 s) and logged "Timed out waiting for graceful shutdown". A WebSocket is not a request to wait
 * for: {@link GoingAway} closes them all with 1001 as the stop begins, and the graceful wait is for
 * REST requests in flight.
 *
 * <p>Quarkus has no public way to say a request is done; this calls its package-private
 * {@code QuarkusRequestWrapper.done()}, which runs the done handlers once. If a later Quarkus
 * removes it, the filter logs that once and does nothing: stops then wait as before.
 */
@ApplicationScoped
class UpgradedRequests {
    private static final Logger LOGGER = Logger.getLogger(UpgradedRequests.class);
    private static final MethodHandle DONE = done();

    void mount(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::endUpgrades);
    }

    private void endUpgrades(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        if (DONE != null && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            QuarkusRequestWrapper wrapper = QuarkusRequestWrapper.get(request);
            if (wrapper != null) {
                try {
                    DONE.invoke(wrapper);
                } catch (Throwable e) {
                    LOGGER.debugv("Could not end the upgraded request for the graceful shutdown: {0}", e.toString());
                }
            }
        }
        routing.next();
    }

    private static MethodHandle done() {
        try {
            return MethodHandles.privateLookupIn(QuarkusRequestWrapper.class, MethodHandles.lookup())
                    .findVirtual(QuarkusRequestWrapper.class, "done", MethodType.methodType(void.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOGGER.infov("Stops with clients connected wait out quarkus.shutdown.timeout: {0}", e.toString());
            return null;
        }
    }
}
