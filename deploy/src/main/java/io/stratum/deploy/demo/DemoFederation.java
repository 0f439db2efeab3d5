package io.stratum.deploy.demo;

import io.stratum.deploy.mail.DemoMailbox;
import io.stratum.deploy.mail.MailCatcherProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import io.stratum.common.settings.Role;
import io.stratum.common.settings.Settings;
import io.stratum.common.settings.SettingsFile;
import io.stratum.deploy.install.RoleServer;
import io.stratum.deploy.install.SettingsTemplate;
import io.stratum.deploy.install.StratumHome;
import io.stratum.deploy.kafka.KafkaBroker;
import io.stratum.deploy.postgres.LocalPostgres;
import io.stratum.deploy.postgres.PostgresServer;
import io.stratum.deploy.process.Health;
import io.stratum.deploy.process.Markers;

/**
 * The demo federation in a directory: {@code infra/} for the shared PostgreSQL and Kafka, and one
 * directory per server with its settings.yaml, logs and pid files. Settings are written once, on
 * the first {@link #up()}, and kept afterwards.
 */
public final class DemoFederation {
    public static final List<DemoServer> SERVERS = List.of(
            new DemoServer("rts", Role.RTS, 8180, 5101, null),
            new DemoServer("ets", Role.ETS, 8181, 5102, "rts"),
            new DemoServer("cts-a", Role.CTS, 8182, 5103, "ets"),
            new DemoServer("cts-b", Role.CTS, 8183, 5104, "ets"),
            new DemoServer("cts-c", Role.CTS, 8184, 5105, "rts"));
    public static final int KAFKA_PORT = 19092;
    public static final int POSTGRES_PORT = 5432;
    public static final int MAIL_PORT = 19025;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    /** Stops the servers in parallel; daemon threads, so the command exits whatever happens. */
    private static final Executor STOPPING = Executors.newFixedThreadPool(SERVERS.size(), task -> {
        Thread thread = new Thread(task, "demo-stop");
        thread.setDaemon(true);
        return thread;
    });

    private final Path directory;
    private final StratumHome home;

    public DemoFederation(Path directory, StratumHome home) {
        this.directory = directory.toAbsolutePath().normalize();
        this.home = home;
    }

    /** Starts PostgreSQL, Kafka and all five servers; returns when every server is ready. */
    public void up() {
        PostgresServer postgres = postgres();
        if (postgres.start()) {
            Markers.set(infra().resolve("run/postgres.started"));
        }
        kafka().start();
        mailCatcher().start();
        List<RoleServer> servers = new ArrayList<>();
        for (DemoServer server : SERVERS) {
            boolean fresh = existingSettings(server).isEmpty();
            Settings settings = settingsOf(server);
            if (fresh) {
                // A database of this name is left over from an earlier demo whose directory is gone;
                // its data was sealed with that demo's secrets, so the new demo starts clean.
                postgres.dropDatabase(settings.postgresDatabase());
            }
            postgres.ensureDatabase(settings.postgresUser(), settings.postgresPassword(), settings.postgresDatabase());
            RoleServer role = new RoleServer(settings, directory.resolve(server.name()));
            role.start(home);
            servers.add(role);
        }
        try {
            for (RoleServer server : servers) {
                server.awaitReady(READY_TIMEOUT);
            }
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\nThe other servers keep running; stop everything with: stratum demo down");
        }
        DemoLogins logins = new DemoLogins(MAIL_PORT);
        for (DemoServer server : SERVERS) {
            logins.configure(server, settingsOf(server), directory.resolve(server.name()));
        }
        new DemoTrusts(directory).configure(SERVERS, this::settingsOf);
    }

    /**
     * Stops the servers (all at once: each may take several seconds to stop gracefully), then
     * Kafka, and PostgreSQL if the demo started it. Leaves the data for the next start.
     */
    public void down() {
        List<CompletableFuture<Boolean>> stops = new ArrayList<>();
        for (DemoServer server : SERVERS) {
            existingSettings(server).ifPresent(settings -> stops.add(
                    CompletableFuture.supplyAsync(() -> new RoleServer(settings, directory.resolve(server.name())).stop(), STOPPING)));
        }
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
        kafka().stop();
        mailCatcher().stop();
        Path started = infra().resolve("run/postgres.started");
        if (Markers.isSet(started)) {
            postgres().stop();
            Markers.clear(started);
        }
    }

    /** Shared infrastructure and every server with its health. */
    public List<Health> status() {
        List<Health> rows = new ArrayList<>();
        rows.add(postgres().health());
        rows.add(kafka().health());
        rows.add(mailCatcher().health());
        for (DemoServer server : SERVERS) {
            rows.add(existingSettings(server)
                    .map(settings -> new RoleServer(settings, directory.resolve(server.name())).health())
                    .orElse(Health.down("server " + server.name(), "not set up; run `stratum demo`")));
        }
        return rows;
    }

    /** Name, role, id, upstream and URLs of each server, for the table `stratum demo` prints. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-6s %-4s %-6s %-9s %-24s %-30s %s", "NAME", "ROLE", "ID", "UPSTREAM", "URL", "CONSOLE", "SETTINGS"));
        for (DemoServer server : SERVERS) {
            String url = "http://localhost:" + server.httpPort();
            lines.add(String.format("%-6s %-4s %-6s %-9s %-24s %-30s %s", server.name(), server.role().name(), server.name(),
                    server.upstream() == null ? "-" : server.upstream(), url, url + "/admin",
                    directory.resolve(server.name()).resolve("settings.yaml")));
        }
        return lines;
    }

    /** What a newcomer needs to log in as a chat user. */
    public List<String> describeLogins() {
        return DemoLogins.describe(MAIL_PORT);
    }

    /** The mail the demo servers sent, oldest first. */
    public DemoMailbox mailbox() {
        return mailCatcher().mailbox();
    }

    private MailCatcherProcess mailCatcher() {
        return new MailCatcherProcess(infra(), MAIL_PORT);
    }

    private Settings settingsOf(DemoServer server) {
        Path dir = directory.resolve(server.name());
        return existingSettings(server).orElseGet(() -> {
            SettingsTemplate template = new SettingsTemplate(server.role()).serverId(server.name())
                    .ports(server.httpPort(), server.trustPort())
                    .postgresHost("localhost:" + POSTGRES_PORT)
                    .kafkaHost("localhost:" + KAFKA_PORT);
            if (server.upstream() != null) {
                int upstreamTrustPort = SERVERS.stream().filter(s -> s.name().equals(server.upstream())).findFirst().orElseThrow().trustPort();
                template.upstream("localhost:" + upstreamTrustPort, server.upstream(), SettingsTemplate.randomHex(24),
                        SettingsTemplate.randomHex(24));
            }
            return SettingsFile.read(template.writeTo(dir, false), Optional.of(server.role()));
        });
    }

    private Optional<Settings> existingSettings(DemoServer server) {
        Path file = directory.resolve(server.name()).resolve("settings.yaml");
        return Files.exists(file) ? Optional.of(SettingsFile.read(file, Optional.of(server.role()))) : Optional.empty();
    }

    private Path infra() {
        return directory.resolve("infra");
    }

    private PostgresServer postgres() {
        return LocalPostgres.forMachine(infra(), POSTGRES_PORT, LocalPostgres.embeddedChosen());
    }

    private KafkaBroker kafka() {
        return new KafkaBroker(infra(), KAFKA_PORT, home.kafkaLibraries());
    }

}
