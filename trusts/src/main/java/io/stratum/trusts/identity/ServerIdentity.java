package io.stratum.trusts.identity;

import jakarta.annotation.Priority;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.stratum.core.boot.StartupOrder;
import io.stratum.core.security.KeySeal;
import io.stratum.core.security.SecurityConfig;
import io.stratum.core.server.ServerConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * This server's signing key: loaded from {@code server_identity} at start, or generated and stored
 * on the very first start. Concurrent first starts of several instances agree on one key (the
 * insert does nothing on conflict and every instance then reads the stored row).
 */
@ApplicationScoped
public class ServerIdentity {
    private static final Logger LOGGER = Logger.getLogger(ServerIdentity.class);
    private static final String PURPOSE = "server identity v1";
    static final String UNSEALABLE = "the stored signing key cannot be opened with this secret_key_base: "
            + "secret_key_base was changed, or postgres_db belongs to another installation";

    private final Pool database;
    private final ServerConfig server;
    private final KeySeal seal;
    private final AtomicReference<SigningKey> key = new AtomicReference<>();
    private final AtomicReference<String> problem = new AtomicReference<>("not loaded yet");

    public ServerIdentity(Pool database, ServerConfig server, SecurityConfig security) {
        this.database = database;
        this.server = server;
        this.seal = new KeySeal(security.secretKeyBase(), PURPOSE);
    }

    void onStart(@Observes @Priority(StartupOrder.READINESS) StartupEvent event) {
        load().onFailure(failure -> !(failure instanceof KeySeal.UnsealException))
                .retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(loaded -> {
                    key.set(loaded);
                    problem.set("");
                    LOGGER.infov("Server signing key: {0} fingerprint={1}", SigningKey.ALGORITHM, loaded.fingerprint());
                }, failure -> {
                    problem.set(UNSEALABLE);
                    LOGGER.errorv("Server signing key not available: {0}", UNSEALABLE);
                });
    }

    /** The signing key, once loaded. */
    public Optional<SigningKey> signingKey() {
        return Optional.ofNullable(key.get());
    }

    /** Empty when the key is loaded; otherwise why not, for readiness. */
    public String problem() {
        return problem.get();
    }

    private Uni<SigningKey> load() {
        return loadOnce().onFailure(failure -> !(failure instanceof KeySeal.UnsealException)).invoke(failure -> {
            // The failure's class only: a driver message may quote the parameters it could not encode.
            problem.set("database not reachable (" + failure.getClass().getSimpleName() + "); retrying");
            LOGGER.warnv("Loading the server signing key failed ({0}); retrying", failure.getClass().getName());
        });
    }

    private Uni<SigningKey> loadOnce() {
        return read().onItem().ifNull().switchTo(() -> {
            SigningKey generated = SigningKey.generate();
            return database.preparedQuery("INSERT INTO server_identity (server_id, algorithm, public_key, private_key_sealed) "
                            + "VALUES ($1, $2, $3, $4) ON CONFLICT (server_id) DO NOTHING")
                    .execute(Tuple.of(server.id(), SigningKey.ALGORITHM, Buffer.buffer(generated.publicKey()),
                            Buffer.buffer(seal.seal(generated.privateKeyBytes(), server.id()))))
                    .invoke(() -> LOGGER.infov("Generated the server signing key for {0}", server.id()))
                    .chain(this::read);
        });
    }

    private Uni<SigningKey> read() {
        return database.preparedQuery("SELECT private_key_sealed FROM server_identity WHERE server_id = $1")
                .execute(Tuple.of(server.id()))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    byte[] sealed = row.getBuffer("private_key_sealed").getBytes();
                    return SigningKey.fromPrivateKey(seal.unseal(sealed, server.id()));
                });
    }
}
