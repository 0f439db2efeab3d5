package io.stratum.deploy.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;


import io.stratum.deploy.process.Health;
import io.stratum.deploy.process.ServiceProcess;
import io.stratum.deploy.process.Waiting;

/**
 * A single-node Kafka broker (combined broker and controller, KRaft, no ZooKeeper) kept in a state
 * directory: {@code kafka/server.properties}, data in {@code data/kafka}, log in
 * {@code logs/kafka.log}. The client port is the one settings.yaml names; the controller listens
 * on the next port.
 */
public final class KafkaBroker {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path stateDirectory;
    private final int port;
    private final Path libraries;
    private final ServiceProcess process;

    public KafkaBroker(Path stateDirectory, int port, Path libraries) {
        this.stateDirectory = stateDirectory;
        this.port = port;
        this.libraries = libraries;
        this.process = new ServiceProcess("kafka", stateDirectory.resolve("run/kafka.pid"),
                stateDirectory.resolve("logs/kafka.log"), "kafka.Kafka");
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public Path logFile() {
        return process.logFile();
    }

    /** Starts the broker unless it answers already; waits until it does. True if this call started it. */
    public boolean start() {
        if (answers()) {
            return false;
        }
        if (!Files.isDirectory(libraries)) {
            throw new IllegalStateException("Kafka libraries not found in " + libraries + "; build first: mvn -pl deploy -am package -DskipTests");
        }
        Path config = writeConfig();
        Path data = stateDirectory.resolve("data/kafka");
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(config);
        }
        process.start(List.of(ServiceProcess.javaCommand(), "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
                "-Dlog4j2.configurationFile=" + writeLogConfig(), "-cp", libraries + "/*", "kafka.Kafka", config.toString()),
                stateDirectory, Map.of());
        if (!Waiting.until(START_TIMEOUT, () -> process.running().isPresent() && answers())) {
            throw new IllegalStateException("Kafka did not become ready in " + START_TIMEOUT.toSeconds() + " s; see " + logFile());
        }
        return true;
    }

    public boolean stop() {
        return process.stop();
    }

    public Health health() {
        return answers() ? Health.up("kafka", "broker at " + bootstrapServers())
                : Health.down("kafka", "no broker answers at " + bootstrapServers());
    }

    /**
     * True if something accepts connections on the broker port, whoever started it. The servers
     * check the cluster itself in their readiness; the command only needs to know it is there.
     */
    public boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Path writeConfig() {
        int controller = port + 1;
        String properties = """
                # Written by the stratum command: a single-node Kafka (KRaft, combined broker and controller).
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@localhost:%2$d
                listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                advertised.listeners=PLAINTEXT://localhost:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=6
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                """.formatted(port, controller, stateDirectory.resolve("data/kafka"));
        return write(stateDirectory.resolve("kafka/server.properties"), properties);
    }

    private Path writeLogConfig() {
        return write(stateDirectory.resolve("kafka/log4j2.properties"), """
                status = warn
                appender.console.type = Console
                appender.console.name = console
                appender.console.layout.type = PatternLayout
                appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n
                rootLogger.level = info
                rootLogger.appenderRef.console.ref = console
                logger.kafka.name = kafka
                logger.kafka.level = warn
                logger.apache.name = org.apache.kafka
                logger.apache.level = warn
                logger.server.name = kafka.server.KafkaRaftServer
                logger.server.level = info
                """);
    }

    private void format(Path config) {
        try {
            Files.createDirectories(logFile().getParent());
            Process format = new ProcessBuilder(ServiceProcess.javaCommand(), "-Xmx256m", "-cp", libraries + "/*", "kafka.tools.StorageTool",
                    "format", "-t", clusterId(),
                    "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed; see " + logFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, never starting with '-'
     * (the storage tool would read such an id as an option and fail; Kafka's own Uuid.randomUuid avoids
     * it the same way). One in 64 ids used to start with '-' and broke start-up.
     */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] id = new byte[16];
        String text;
        do {
            random.nextBytes(id);
            text = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        } while (text.startsWith("-"));
        return text;
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
