package io.stratum.deploy.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Process main: runs an embedded PostgreSQL on a data directory and port until told to stop
 * (SIGTERM), then stops it cleanly. Started by {@link EmbeddedPostgresServer}.
 */
public final class EmbeddedPostgresKeeper {
    private EmbeddedPostgresKeeper() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "localhost")
                .start();
        System.out.println("embedded PostgreSQL running on port " + postgres.getPort() + ", data in " + data);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
                System.out.println("embedded PostgreSQL stopped");
            } catch (Exception e) {
                System.out.println("embedded PostgreSQL did not stop cleanly: " + e);
            } finally {
                stopped.countDown();
            }
        }));
        stopped.await();
    }
}
