package io.stratum.common.settings;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A validated settings.yaml. {@link #toProperties()} is the one place where install-time settings
 * become the configuration properties the servers read through their typed mappings.
 */
public final class Settings {
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_TRUST_PORT = 5001;
    public static final int DEFAULT_POSTGRES_PORT = 5432;

    private final Path file;
    private final Role role;
    private final Map<SettingKey, Object> values;

    Settings(Path file, Role role, Map<SettingKey, Object> values) {
        this.file = file;
        this.role = role;
        this.values = values;
    }

    public Path file() {
        return file;
    }

    public Role role() {
        return role;
    }

    public String serverId() {
        return text(SettingKey.of(role.idKey()).orElseThrow()).orElseThrow();
    }

    public String host() {
        return text(SettingKey.CCS_HOST).orElseThrow();
    }

    public int httpPort() {
        return text(SettingKey.HTTP_PORT).map(Integer::parseInt).orElse(DEFAULT_HTTP_PORT);
    }

    public int trustPort() {
        return text(SettingKey.TRUST_PORT).map(Integer::parseInt).orElse(DEFAULT_TRUST_PORT);
    }

    public String postgresHost() {
        String value = text(SettingKey.POSTGRES_HOST).orElseThrow();
        int colon = value.lastIndexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    public int postgresPort() {
        String value = text(SettingKey.POSTGRES_HOST).orElseThrow();
        int colon = value.lastIndexOf(':');
        return colon < 0 ? DEFAULT_POSTGRES_PORT : Integer.parseInt(value.substring(colon + 1));
    }

    public String postgresUser() {
        return text(SettingKey.POSTGRES_USER).orElseThrow();
    }

    public String postgresPassword() {
        return text(SettingKey.POSTGRES_PASSWORD).orElseThrow();
    }

    public String postgresDatabase() {
        return text(SettingKey.POSTGRES_DB).orElseThrow();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + postgresHost() + ":" + postgresPort() + "/" + postgresDatabase();
    }

    public String kafkaBootstrapServers() {
        return text(SettingKey.KAFKA_HOST).orElseThrow();
    }

    public String adminUrl() {
        return text(SettingKey.ADMIN_URL).orElse("/admin");
    }

    /** The value of a single-valued key, if set. */
    public Optional<String> text(SettingKey key) {
        Object value = values.get(key);
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> prometheusUsers() {
        Object value = values.get(SettingKey.PROMETHEUS_USERS);
        return value == null ? Map.of() : Collections.unmodifiableMap((Map<String, String>) value);
    }

    /** The {@code file_service_env_override} block, if set: where uploaded files are stored. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, String>> fileStore() {
        Object value = values.get(SettingKey.FILE_SERVICE_ENV_OVERRIDE);
        return value == null ? Optional.empty() : Optional.of(Collections.unmodifiableMap((Map<String, String>) value));
    }

    /** The configuration properties these settings stand for, by property name. */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("stratum.server.id", serverId());
        p.put("stratum.server.role", role.code());
        p.put("stratum.server.host", host());
        text(SettingKey.REGION).ifPresent(v -> p.put("stratum.server.region", v));
        if (role != Role.RTS) {
            text(SettingKey.RTS_HOST).ifPresent(v -> p.put("stratum.upstream.host", v));
            text(SettingKey.RTS_ID).ifPresent(v -> p.put("stratum.upstream.id", v));
            text(SettingKey.RTS_TOKEN).ifPresent(v -> {
                int colon = v.indexOf(':');
                p.put("stratum.upstream.token-for-accept", v.substring(0, colon));
                p.put("stratum.upstream.token-for-connect", v.substring(colon + 1));
            });
        }
        p.put("stratum.security.api-internal-token", text(SettingKey.API_INTERNAL_TOKEN).orElseThrow());
        p.put("stratum.security.secret-key-base", text(SettingKey.SECRET_KEY_BASE).orElseThrow());
        p.put("stratum.trust.port", Integer.toString(trustPort()));
        p.put("stratum.admin.url", adminUrl());
        text(SettingKey.SYSLOG_HOST).ifPresent(v -> {
            int colon = v.lastIndexOf(':');
            p.put("stratum.audit.syslog.enabled", "true");
            p.put("stratum.audit.syslog.host", colon < 0 ? v : v.substring(0, colon));
            p.put("stratum.audit.syslog.port", colon < 0 ? "514" : v.substring(colon + 1));
            p.put("stratum.audit.syslog.protocol", text(SettingKey.SYSLOG_PROTOCOL).orElse("udp"));
        });
        text(SettingKey.SMS_PROVIDER_URL).ifPresent(v -> p.put("stratum.sms.url", v));
        text(SettingKey.SMS_PROVIDER_TOKEN).ifPresent(v -> p.put("stratum.sms.token", v));
        text(SettingKey.SMS_SENDER).ifPresent(v -> p.put("stratum.sms.sender", v));
        prometheusUsers().forEach((user, hash) -> p.put("stratum.metrics.prometheus-users.\"" + user + "\"", hash));
        fileStore().ifPresent(entries -> FileStoreSettings.toProperties(entries, p));

        p.put("quarkus.http.port", Integer.toString(httpPort()));
        p.put("quarkus.datasource.username", postgresUser());
        p.put("quarkus.datasource.password", postgresPassword());
        p.put("quarkus.datasource.reactive.url",
                "postgresql://" + postgresHost() + ":" + postgresPort() + "/" + postgresDatabase());
        p.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        text(SettingKey.LOGGER_LEVEL).ifPresent(v -> p.put("quarkus.log.level", v.toUpperCase(Locale.ROOT)));
        p.put("quarkus.log.console.json.enabled", Boolean.toString(text(SettingKey.LOGGER_FORMAT).orElse("text").equals("json")));
        return p;
    }

    @Override
    public String toString() {
        return "Settings[" + file + ", " + role.code() + "]";
    }
}
