package io.stratum.common.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
    static final String SECRET = "s3cr3t-value-that-must-never-be-shown-0123456789";
    static final String VALID_CTS = """
            project_type: cts
            ccs_host: cts.example.org
            cts_id: 'cts-a'
            api_internal_token: %1$s
            secret_key_base: %1$s
            postgres_host: localhost:5433
            postgres_user: stratum
            postgres_password: %1$s
            postgres_db: stratum_cts_a
            kafka_host: localhost:9092
            http_port: 8081
            prometheus_users:
              prometheus: $2y$12$abcdefghijklmnopqrstuOabcdefghijklmnopqrstuvwxyz01234
            """.formatted(SECRET);

    @TempDir
    Path dir;

    @Test
    void shouldMapValidSettingsOntoProperties() throws IOException {
        Settings settings = SettingsFile.read(write(VALID_CTS), Optional.of(Role.CTS));

        Map<String, String> p = settings.toProperties();
        assertEquals("cts-a", p.get("stratum.server.id"));
        assertEquals("cts", p.get("stratum.server.role"));
        assertEquals("8081", p.get("quarkus.http.port"));
        assertEquals("jdbc:postgresql://localhost:5433/stratum_cts_a", settings.jdbcUrl());
        assertEquals("postgresql://localhost:5433/stratum_cts_a", p.get("quarkus.datasource.reactive.url"));
        assertEquals("localhost:9092", p.get("kafka.bootstrap.servers"));
        assertEquals("5001", p.get("stratum.trust.port"));
        assertTrue(p.get("stratum.metrics.prometheus-users.\"prometheus\"").startsWith("$2y$12$"));
    }

    @Test
    void shouldNameMissingRequiredKey() throws IOException {
        SettingsException e = assertThrows(SettingsException.class,
                () -> SettingsFile.read(write(VALID_CTS.replace("postgres_db: stratum_cts_a\n", "")), Optional.empty()));

        assertTrue(e.getMessage().contains("required key `postgres_db` is missing"), e.getMessage());
    }

    @Test
    void shouldNameUnknownKey() throws IOException {
        SettingsException e = assertThrows(SettingsException.class,
                () -> SettingsFile.read(write(VALID_CTS + "postgres_hots: db\n"), Optional.empty()));

        assertTrue(e.getMessage().contains("unknown key `postgres_hots`"), e.getMessage());
    }

    @Test
    void shouldGivePositionOfMalformedYamlWithoutShowingTheLine() throws IOException {
        SettingsException e = assertThrows(SettingsException.class,
                () -> SettingsFile.read(write(VALID_CTS + "postgres_password: [" + SECRET + "\n"), Optional.empty()));

        assertTrue(e.getMessage().contains("not valid YAML at line"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void shouldRefuseDuplicateKeys() throws IOException {
        SettingsException e = assertThrows(SettingsException.class,
                () -> SettingsFile.read(write(VALID_CTS + "postgres_password: other\n"), Optional.empty()));

        assertTrue(e.getMessage().contains("duplicate key postgres_password"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void shouldNeverShowSecretValueInShapeErrors() throws IOException {
        SettingsException e = assertThrows(SettingsException.class, () -> SettingsFile.read(
                write(VALID_CTS.replace("secret_key_base: " + SECRET, "secret_key_base: short-secret")), Optional.empty()));

        assertTrue(e.getMessage().contains("`secret_key_base` is too short"), e.getMessage());
        assertFalse(e.getMessage().contains("short-secret"), e.getMessage());
    }

    @Test
    void shouldShowNonSecretValueInShapeErrors() throws IOException {
        SettingsException e = assertThrows(SettingsException.class,
                () -> SettingsFile.read(write(VALID_CTS.replace("http_port: 8081", "http_port: eighty")), Optional.empty()));

        assertTrue(e.getMessage().contains("`http_port` must be a port number from 1 to 65535 (found `eighty`)"), e.getMessage());
    }

    @Test
    void shouldRefuseFileOfAnotherRole() throws IOException {
        SettingsException e = assertThrows(SettingsException.class,
                () -> SettingsFile.read(write(VALID_CTS), Optional.of(Role.RTS)));

        assertTrue(e.getMessage().contains("`project_type` is cts but this is the RTS server"), e.getMessage());
    }

    @Test
    void shouldRequireTheWholeUpstream() throws IOException {
        SettingsException e = assertThrows(SettingsException.class,
                () -> SettingsFile.read(write(VALID_CTS + "rts_host: rts.example.org\n"), Optional.empty()));

        assertTrue(e.getMessage().contains("missing `rts_id`, `rts_token`; the upstream server needs"), e.getMessage());
    }

    @Test
    void shouldSplitUpstreamTokens() throws IOException {
        Settings settings = SettingsFile.read(write(VALID_CTS
                + "rts_host: rts.example.org\nrts_id: rts-1\nrts_token: 'accept123:connect456'\n"), Optional.empty());

        Map<String, String> p = settings.toProperties();
        assertEquals("accept123", p.get("stratum.upstream.token-for-accept"));
        assertEquals("connect456", p.get("stratum.upstream.token-for-connect"));
        assertEquals("rts-1", p.get("stratum.upstream.id"));
    }

    @Test
    void shouldRefusePlainPasswordForMetricsUser() throws IOException {
        SettingsException e = assertThrows(SettingsException.class, () -> SettingsFile.read(write(VALID_CTS.replace(
                "$2y$12$abcdefghijklmnopqrstuOabcdefghijklmnopqrstuvwxyz01234", "verystrongpassword")), Optional.empty()));

        assertTrue(e.getMessage().contains("must be a bcrypt hash"), e.getMessage());
        assertFalse(e.getMessage().contains("verystrongpassword"));
    }

    @Test
    void shouldExplainMissingFile() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> SettingsFile.read(dir.resolve("nope.yaml"), Optional.empty()));

        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void shouldMapSyslogForwardingOntoAuditProperties() throws IOException {
        Settings settings = SettingsFile.read(write(VALID_CTS + "syslog_host: siem.corp.example:6514\nsyslog_protocol: tcp\n"), Optional.empty());
        var properties = settings.toProperties();
        assertEquals("true", properties.get("stratum.audit.syslog.enabled"));
        assertEquals("siem.corp.example", properties.get("stratum.audit.syslog.host"));
        assertEquals("6514", properties.get("stratum.audit.syslog.port"));
        assertEquals("tcp", properties.get("stratum.audit.syslog.protocol"));
        SettingsException wrong = assertThrows(SettingsException.class,
                () -> SettingsFile.read(write(VALID_CTS + "syslog_host: siem\nsyslog_protocol: rfc3164\n"), Optional.empty()));
        assertTrue(wrong.getMessage().contains("`syslog_protocol` must be udp or tcp"), wrong.getMessage());
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("settings.yaml");
        Files.writeString(file, text);
        return file;
    }
}
