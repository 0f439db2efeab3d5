package io.stratum.deploy.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

import io.stratum.common.password.PasswordHash;
import io.stratum.common.settings.Role;

/**
 * A new settings.yaml with fresh random secrets (from {@link SecureRandom}) and a new server id.
 * The file is written readable by its owner only.
 */
public final class SettingsTemplate {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Role role;
    private String serverId;
    private String host = "localhost";
    private int httpPort = 8080;
    private int trustPort = 5001;
    private String postgresHost = "localhost:5432";
    private String kafkaHost = "localhost:9092";
    private String upstream;
    private String metricsPassword;

    public SettingsTemplate(Role role) {
        this.role = role;
        this.serverId = role.code() + "-" + randomHex(3);
    }

    public SettingsTemplate serverId(String id) {
        this.serverId = id;
        return this;
    }

    public SettingsTemplate host(String host) {
        this.host = host;
        return this;
    }

    public SettingsTemplate ports(int http, int trust) {
        this.httpPort = http;
        this.trustPort = trust;
        return this;
    }

    public SettingsTemplate postgresHost(String hostAndPort) {
        this.postgresHost = hostAndPort;
        return this;
    }

    public SettingsTemplate kafkaHost(String bootstrap) {
        this.kafkaHost = bootstrap;
        return this;
    }

    /** The server above this one: rts_host, rts_id and rts_token ("accept:connect"). */
    public SettingsTemplate upstream(String upstreamHost, String upstreamId, String tokenForAccept, String tokenForConnect) {
        this.upstream = "rts_host: " + upstreamHost + "\nrts_id: '" + upstreamId + "'\nrts_token: '"
                + tokenForAccept + ":" + tokenForConnect + "'\n";
        return this;
    }

    public String serverId() {
        return serverId;
    }

    /** The password of the generated metrics user {@code prometheus}; known only after {@link #render()}. */
    public String metricsPassword() {
        return metricsPassword;
    }

    /** A random token as written in settings.yaml: hex of {@code bytes} random bytes. */
    public static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    public String render() {
        String database = "stratum_" + serverId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        metricsPassword = randomHex(16);
        return """
                # Stratum %1$s settings, written by `stratum init %2$s` on %3$s.
                # Every key is described in docs/install.md. The secrets were generated at random:
                # keep this file private. Values of *_id, rts_host and rts_token stay in quotes.
                project_type: %2$s
                ccs_host: %4$s
                %5$s: '%6$s'
                %7$sapi_internal_token: %8$s
                secret_key_base: %9$s
                postgres_host: %10$s
                postgres_user: %11$s
                postgres_password: %12$s
                postgres_db: %11$s
                kafka_host: %13$s
                http_port: %14$d
                trust_port: %15$d
                admin_url: /admin
                logger_level: INFO
                # Metrics readers: user -> bcrypt hash (htpasswd -nbB USER PASSWORD makes one).
                prometheus_users:
                  prometheus: '%16$s'
                """.formatted(role.name(), role.code(), LocalDate.now(), host, role.idKey(), serverId,
                upstream == null ? "" : upstream, randomHex(32), randomHex(64), postgresHost, database,
                randomHex(24), kafkaHost, httpPort, trustPort, PasswordHash.hash(metricsPassword, 10));
    }

    /**
     * Writes settings.yaml and, next to it, {@code prometheus.password} holding the metrics
     * password (both owner-only). Refuses to overwrite an existing settings.yaml unless asked.
     */
    public Path writeTo(Path directory, boolean overwrite) {
        Path file = directory.resolve("settings.yaml");
        if (Files.exists(file) && !overwrite) {
            throw new IllegalStateException(file + " exists already; use --force to replace it (its secrets will change)");
        }
        String text = render();
        try {
            Files.createDirectories(directory);
            writePrivate(file, text);
            writePrivate(directory.resolve("prometheus.password"), metricsPassword + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePrivate(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text);
    }
}
