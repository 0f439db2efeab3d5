package io.stratum.core.federation;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/** Signals where no trust links are built in (a server without the trusts module): nothing leads anywhere. */
@DefaultBean
@ApplicationScoped
public class NoFederationSignals implements FederationSignals {
    @Override
    public boolean send(String destination, String kind, JsonObject payload) {
        return false;
    }

    @Override
    public Uni<JsonObject> ask(String destination, String kind, JsonObject question, Duration timeout) {
        return Uni.createFrom().failure(FederationErrors.unreachable(destination));
    }
}
