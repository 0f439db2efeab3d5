package io.stratum.common.settings;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every key settings.yaml may contain. Names follow the reference product so that its
 * administrators feel at home. A key not listed here is an error that names it.
 *
 * <p>Keys for features that do not exist yet are deliberately absent: accepting a setting that
 * does nothing would mislead the administrator. Each feature adds its keys here.
 */
public enum SettingKey {
    PROJECT_TYPE("project_type", Kind.TEXT, EnumSet.allOf(Role.class), false,
            "Server role: cts, ets or rts."),
    CCS_HOST("ccs_host", Kind.HOST, EnumSet.allOf(Role.class), false,
            "This server's public DNS name; must match its TLS certificate."),
    CTS_ID("cts_id", Kind.SERVER_ID, EnumSet.of(Role.CTS), false, "This CTS server's id."),
    ETS_ID("ets_id", Kind.SERVER_ID, EnumSet.of(Role.ETS), false, "This ETS server's id."),
    RTS_ID("rts_id", Kind.SERVER_ID, EnumSet.of(Role.RTS), false,
            "On an RTS: this server's id. On a CTS or ETS: the id of the upstream RTS (or ETS)."),
    RTS_HOST("rts_host", Kind.HOST_PORT, EnumSet.noneOf(Role.class), false,
            "Upstream RTS (or ETS) for a CTS or ETS: its trust link host, or host:port when the port is not 5001."),
    RTS_TOKEN("rts_token", Kind.TOKEN_PAIR, EnumSet.noneOf(Role.class), true,
            "Trust tokens for the upstream server: \"<token_for_accept>:<token_for_connect>\"."),
    REGION("region", Kind.TEXT, EnumSet.noneOf(Role.class), false,
            "RTS region code, for example ru."),
    API_INTERNAL_TOKEN("api_internal_token", Kind.SECRET, EnumSet.allOf(Role.class), true,
            "Secret for calls between this server's own processes."),
    SECRET_KEY_BASE("secret_key_base", Kind.SECRET, EnumSet.allOf(Role.class), true,
            "Secret for signing sessions and tokens."),
    POSTGRES_HOST("postgres_host", Kind.HOST_PORT, EnumSet.allOf(Role.class), false,
            "PostgreSQL host, optionally host:port (default port 5432)."),
    POSTGRES_USER("postgres_user", Kind.TEXT, EnumSet.allOf(Role.class), false,
            "PostgreSQL user."),
    POSTGRES_PASSWORD("postgres_password", Kind.SECRET, EnumSet.allOf(Role.class), true,
            "PostgreSQL password."),
    POSTGRES_DB("postgres_db", Kind.TEXT, EnumSet.allOf(Role.class), false,
            "PostgreSQL database of this server (each server has its own)."),
    KAFKA_HOST("kafka_host", Kind.TEXT, EnumSet.allOf(Role.class), false,
            "Kafka bootstrap servers, host:port[,host:port...]."),
    HTTP_PORT("http_port", Kind.PORT, EnumSet.noneOf(Role.class), false,
            "Port of the client API, the console and the health and metrics endpoints (default 8080)."),
    TRUST_PORT("trust_port", Kind.PORT, EnumSet.noneOf(Role.class), false,
            "Port of the trust link between servers (default 5001)."),
    ADMIN_URL("admin_url", Kind.PATH, EnumSet.noneOf(Role.class), false,
            "Path of the administrator console (default /admin)."),
    SYSLOG_HOST("syslog_host", Kind.HOST_PORT, EnumSet.noneOf(Role.class), false,
            "Syslog server (SIEM) the audit log is forwarded to, host or host:port (default port 514); unset: no forwarding."),
    SYSLOG_PROTOCOL("syslog_protocol", Kind.TEXT, EnumSet.noneOf(Role.class), false,
            "Transport to syslog_host: udp (default) or tcp."),
    SMS_PROVIDER_URL("sms_provider_url", Kind.URL, EnumSet.noneOf(Role.class), false,
            "SMS provider HTTP API (generic JSON API, see docs/sms.md) used for phone login codes until the console's Registration page sets one; unset: no SMS login."),
    SMS_PROVIDER_TOKEN("sms_provider_token", Kind.SECRET, EnumSet.noneOf(Role.class), true,
            "Bearer token for sms_provider_url."),
    SMS_SENDER("sms_sender", Kind.TEXT, EnumSet.noneOf(Role.class), false,
            "Sender name or number shown on the phone (default Stratum)."),
    PROMETHEUS_USERS("prometheus_users", Kind.USER_HASHES, EnumSet.noneOf(Role.class), true,
            "Users allowed to read the metrics endpoint: user -> bcrypt hash (htpasswd -B)."),
    LOGGER_LEVEL("logger_level", Kind.LOG_LEVEL, EnumSet.noneOf(Role.class), false,
            "Global log level: TRACE, DEBUG, INFO, WARN or ERROR (default INFO)."),
    LOGGER_FORMAT("logger_format", Kind.TEXT, EnumSet.noneOf(Role.class), false,
            "Log line format: text (default) or json."),
    FILE_SERVICE_ENV_OVERRIDE("file_service_env_override", Kind.FILE_STORE, EnumSet.noneOf(Role.class), true,
            "Where uploaded files are stored: ADAPTER local (default; UPLOADS_DIR) or s3 (AWS_ACCESS_KEY_ID, "
                    + "AWS_SECRET_ACCESS_KEY, AWS_S3_URI, AWS_S3_BUCKET, optional AWS_REGION).");

    /** The shape a value must have. */
    public enum Kind {
        TEXT, HOST, HOST_PORT, PORT, PATH, URL, SERVER_ID, SECRET, TOKEN_PAIR, USER_HASHES, LOG_LEVEL, FILE_STORE
    }

    private final String key;
    private final Kind kind;
    private final Set<Role> requiredFor;
    private final boolean secret;
    private final String description;

    SettingKey(String key, Kind kind, Set<Role> requiredFor, boolean secret, String description) {
        this.key = key;
        this.kind = kind;
        this.requiredFor = requiredFor;
        this.secret = secret;
        this.description = description;
    }

    /** The key as written in settings.yaml. */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public boolean requiredFor(Role role) {
        return requiredFor.contains(role);
    }

    /** A secret's value never appears in a log line, an error message or a page. */
    public boolean secret() {
        return secret;
    }

    public String description() {
        return description;
    }

    public static Optional<SettingKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
