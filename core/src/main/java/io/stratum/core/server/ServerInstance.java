package io.stratum.core.server;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * This process among the instances of one server (several may share its PostgreSQL and Kafka):
 * a random id drawn at each start, so that an instance recognises what it published itself.
 */
@ApplicationScoped
public class ServerInstance {
    private final UUID id = UUID.randomUUID();

    public UUID id() {
        return id;
    }
}
