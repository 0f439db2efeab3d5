package io.stratum.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.stratum.common.settings.Role;
import io.stratum.common.settings.SettingsException;
import io.stratum.common.settings.SettingsFile;
import io.stratum.deploy.install.SettingsTemplate;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a settings.yaml for a new server with fresh random secrets and a new server id.")
final class InitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ROLE", description = "cts, ets or rts")
    String role;

    @Option(names = {"-d", "--dir"}, defaultValue = ".", paramLabel = "DIR", description = "Directory to write settings.yaml into (default: current).")
    Path directory;

    @Option(names = "--id", paramLabel = "ID", description = "Server id (default: ROLE-<random>).")
    String id;

    @Option(names = "--host", defaultValue = "localhost", paramLabel = "HOST", description = "Public DNS name, ccs_host (default: localhost).")
    String host;

    @Option(names = "--http-port", defaultValue = "8080", paramLabel = "PORT", description = "Client, console and health port (default: 8080).")
    int httpPort;

    @Option(names = "--trust-port", defaultValue = "5001", paramLabel = "PORT", description = "Trust link port (default: 5001).")
    int trustPort;

    @Option(names = "--kafka", defaultValue = "localhost:9092", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers (default: localhost:9092).")
    String kafka;

    @Option(names = "--force", description = "Replace an existing settings.yaml (its secrets change).")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Role parsed = Role.fromCode(role).orElseThrow(() -> new IllegalArgumentException("ROLE must be cts, ets or rts, not `" + role + "`"));
        SettingsTemplate template = new SettingsTemplate(parsed).host(host).ports(httpPort, trustPort).kafkaHost(kafka);
        if (id != null) {
            template.serverId(id);
        }
        Path file = template.writeTo(directory, force);
        try {
            SettingsFile.read(file, Optional.of(parsed));
        } catch (SettingsException e) {
            deleteQuietly(file);
            deleteQuietly(file.resolveSibling("prometheus.password"));
            throw e;
        }
        var out = spec.commandLine().getOut();
        out.println("Wrote " + file + " for " + parsed.name() + " server " + template.serverId() + ".");
        out.println("The metrics user `prometheus` has its password in " + file.resolveSibling("prometheus.password") + ".");
        out.println("Next: stratum up --dir " + directory + ", then stratum add-admin --dir " + directory + " -u admin -p PASSWORD");
        return 0;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the error about the settings matters more than this one
        }
    }
}
