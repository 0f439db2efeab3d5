package io.stratum.deploy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.stratum.deploy.install.Installation;
import io.stratum.deploy.kafka.KafkaBroker;
import io.stratum.deploy.postgres.PostgresServer;

@Command(name = "logs", mixinStandardHelpOptions = true, description = "Show a component's log: server (default), kafka or postgresql.")
final class LogsCommand implements Callable<Integer> {
    @Mixin
    InstallationOption installation;

    @Parameters(index = "0", defaultValue = "server", paramLabel = "COMPONENT", description = "server, kafka or postgresql")
    String component;

    @Option(names = {"-n", "--tail"}, defaultValue = "200", paramLabel = "N", description = "Show the last N lines (default 200).")
    int tail;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted.")
    boolean follow;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path log = logOf(installation.open());
        if (!Files.isRegularFile(log)) {
            throw new IllegalStateException("no " + component + " log yet at " + log);
        }
        var out = spec.commandLine().getOut();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        lines.subList(Math.max(0, lines.size() - tail), lines.size()).forEach(out::println);
        out.flush();
        if (follow) {
            follow(log, out);
        }
        return 0;
    }

    private Path logOf(Installation install) {
        return switch (component) {
            case "server" -> install.server().logFile();
            case "kafka" -> install.kafka().map(KafkaBroker::logFile)
                    .orElseThrow(() -> new IllegalStateException("Kafka is not run by this installation (kafka_host is remote)"));
            case "postgresql", "postgres" -> install.postgres().map(PostgresServer::logFile)
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL is not run by this installation (postgres_host is remote)"));
            default -> throw new IllegalArgumentException("COMPONENT must be server, kafka or postgresql, not `" + component + "`");
        };
    }

    private static void follow(Path log, java.io.PrintWriter out) throws IOException, InterruptedException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long position = file.length();
            while (!Thread.currentThread().isInterrupted()) {
                long length = file.length();
                if (length < position) {
                    position = 0;
                }
                if (length > position) {
                    file.seek(position);
                    byte[] chunk = new byte[(int) Math.min(length - position, 1 << 20)];
                    file.readFully(chunk);
                    position += chunk.length;
                    out.print(new String(chunk, StandardCharsets.UTF_8));
                    out.flush();
                }
                Thread.sleep(300);
            }
        }
    }
}
