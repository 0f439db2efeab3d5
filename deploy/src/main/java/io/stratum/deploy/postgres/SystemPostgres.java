package io.stratum.deploy.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.stratum.deploy.process.Health;

/**
 * The Debian system cluster, run with {@code pg_ctlcluster} (as root it switches to the postgres
 * user itself). The first cluster {@code pg_lsclusters} lists is used.
 */
final class SystemPostgres implements PostgresServer {
    private final String version;
    private final String cluster;
    private final int port;

    private SystemPostgres(String version, String cluster, int port) {
        this.version = version;
        this.cluster = cluster;
        this.port = port;
    }

    /** The system cluster, if Debian's PostgreSQL tools and a cluster are installed. */
    static Optional<PostgresServer> find() {
        if (!Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster"))) {
            return Optional.empty();
        }
        // Ver Cluster Port Status Owner Data-directory Log-file
        String listing = Shell.run(List.of("pg_lsclusters", "--no-header"), null).trim();
        if (listing.isEmpty()) {
            return Optional.empty();
        }
        String[] columns = listing.lines().findFirst().orElseThrow().trim().split("\\s+");
        return Optional.of(new SystemPostgres(columns[0], columns[1], Integer.parseInt(columns[2])));
    }

    @Override
    public boolean start() {
        if (online()) {
            return false;
        }
        Shell.run(List.of("pg_ctlcluster", version, cluster, "start"), null);
        return true;
    }

    @Override
    public void stop() {
        if (online()) {
            Shell.run(List.of("pg_ctlcluster", version, cluster, "stop"), null);
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String superuserSql(String sql) {
        return Shell.run(List.of("runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-t", "-A",
                "-v", "ON_ERROR_STOP=1", "-p", Integer.toString(port), "-d", "postgres"), sql);
    }

    @Override
    public Health health() {
        return online() ? Health.up("postgresql", "system cluster " + version + "/" + cluster + " on port " + port)
                : Health.down("postgresql", "system cluster " + version + "/" + cluster + " is stopped");
    }

    @Override
    public Path logFile() {
        return Path.of("/var/log/postgresql/postgresql-" + version + "-" + cluster + ".log");
    }

    private boolean online() {
        String listing = Shell.run(List.of("pg_lsclusters", "--no-header", version, cluster), null);
        return listing.contains("online");
    }
}
