package io.stratum.deploy.install;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stratum.common.settings.Settings;
import io.stratum.common.settings.SettingsFile;
import io.stratum.deploy.kafka.KafkaBroker;
import io.stratum.deploy.postgres.LocalPostgres;
import io.stratum.deploy.postgres.PostgresServer;
import io.stratum.deploy.process.Health;
import io.stratum.deploy.process.Markers;

/**
 * One installation directory holding a settings.yaml. PostgreSQL and Kafka are started only when
 * settings.yaml points at this machine; otherwise they belong to someone else and are only probed.
 * Layout: {@code settings.yaml}, {@code logs/}, {@code run/} (pid files), {@code data/}, {@code kafka/}.
 */
public final class Installation {
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

    private final Path directory;
    private final Settings settings;
    private final StratumHome home;

    public Installation(Path directory, StratumHome home) {
        this.directory = directory.toAbsolutePath().normalize();
        this.settings = SettingsFile.read(this.directory.resolve("settings.yaml"), Optional.empty());
        this.home = home;
    }

    public Settings settings() {
        return settings;
    }

    public RoleServer server() {
        return new RoleServer(settings, directory);
    }

    /** The local PostgreSQL, if settings.yaml points at this machine. */
    public Optional<PostgresServer> postgres() {
        if (!LOCAL_HOSTS.contains(settings.postgresHost())) {
            return Optional.empty();
        }
        boolean embedded = LocalPostgres.embeddedChosen() || Files.exists(marker("postgres.embedded"));
        return Optional.of(LocalPostgres.forMachine(directory, settings.postgresPort(), embedded));
    }

    /** The local Kafka broker, if settings.yaml names exactly one broker on this machine. */
    public Optional<KafkaBroker> kafka() {
        String servers = settings.kafkaBootstrapServers();
        int colon = servers.lastIndexOf(':');
        if (servers.contains(",") || colon < 0 || !LOCAL_HOSTS.contains(servers.substring(0, colon))) {
            return Optional.empty();
        }
        return Optional.of(new KafkaBroker(directory, Integer.parseInt(servers.substring(colon + 1)), home.kafkaLibraries()));
    }

    /** Starts what is missing: PostgreSQL (and the server's database), Kafka, the server; waits until ready. */
    public void up() {
        startInfrastructure();
        RoleServer server = server();
        server.start(home);
        server.awaitReady(READY_TIMEOUT);
    }

    /** PostgreSQL with this server's database, and Kafka. */
    public void startInfrastructure() {
        postgres().ifPresent(pg -> {
            if (pg.start()) {
                Markers.set(marker("postgres.started"));
            }
            if (LocalPostgres.embeddedChosen()) {
                Markers.set(marker("postgres.embedded"));
            }
            pg.ensureDatabase(settings.postgresUser(), settings.postgresPassword(), settings.postgresDatabase());
        });
        kafka().ifPresent(KafkaBroker::start);
    }

    /** Stops the server, then the Kafka broker and PostgreSQL if this installation started them. */
    public void down() {
        server().stop();
        stopInfrastructure();
    }

    public void stopInfrastructure() {
        kafka().ifPresent(KafkaBroker::stop);
        if (Markers.isSet(marker("postgres.started"))) {
            postgres().ifPresent(PostgresServer::stop);
            Markers.clear(marker("postgres.started"));
        }
    }

    /** Every component with its health: PostgreSQL, Kafka, the server. */
    public List<Health> status() {
        List<Health> rows = new ArrayList<>();
        rows.add(postgres().map(PostgresServer::health)
                .orElseGet(() -> Health.up("postgresql", "remote at " + settings.postgresHost() + " (checked by the server)")));
        rows.add(kafka().map(KafkaBroker::health)
                .orElseGet(() -> Health.up("kafka", "remote at " + settings.kafkaBootstrapServers() + " (checked by the server)")));
        rows.add(server().health());
        return rows;
    }

    private Path marker(String name) {
        return directory.resolve("run").resolve(name);
    }
}
