package io.stratum.common.settings;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks every key of a parsed settings.yaml against {@link SettingKey} and the role. */
final class SettingsValidator {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?");
    private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    private static final Set<String> LOG_LEVELS = Set.of("DEBUG", "INFO", "WARN", "ERROR");
    private static final Set<String> LOG_FORMATS = Set.of("text", "json");
    private static final int MIN_GENERATED_SECRET = 32;
    private static final List<SettingKey> UPSTREAM = List.of(SettingKey.RTS_HOST, SettingKey.RTS_ID, SettingKey.RTS_TOKEN);

    private SettingsValidator() {
    }

    static Settings validate(Path file, Map<String, Object> raw, Optional<Role> expectedRole) {
        Map<SettingKey, Object> values = new EnumMap<>(SettingKey.class);
        for (Map.Entry<String, Object> entry : raw.entrySet()) {
            SettingKey key = SettingKey.of(entry.getKey()).orElseThrow(() -> new SettingsException(
                    file + ": unknown key `" + entry.getKey() + "`; see docs/install.md for the keys settings.yaml accepts"));
            if (entry.getValue() == null) {
                throw new SettingsException(file + ": `" + key.key() + "` has no value");
            }
            values.put(key, normalise(file, key, entry.getValue()));
        }
        Role role = role(file, values, expectedRole);
        for (SettingKey key : SettingKey.values()) {
            if (key.requiredFor(role) && !values.containsKey(key)) {
                throw new SettingsException(file + ": required key `" + key.key() + "` is missing; it holds: " + key.description());
            }
        }
        checkRoleSpecific(file, role, values);
        values.forEach((key, value) -> checkShape(file, key, value));
        return new Settings(file, role, values);
    }

    private static Role role(Path file, Map<SettingKey, Object> values, Optional<Role> expectedRole) {
        Object type = values.get(SettingKey.PROJECT_TYPE);
        if (type == null) {
            throw new SettingsException(file + ": required key `project_type` is missing; it holds: " + SettingKey.PROJECT_TYPE.description());
        }
        Role role = Role.fromCode(type.toString()).orElseThrow(() -> new SettingsException(
                file + ": `project_type` must be cts, ets or rts, not `" + type + "`"));
        expectedRole.filter(expected -> expected != role).ifPresent(expected -> {
            throw new SettingsException(file + ": `project_type` is " + role.code() + " but this is the "
                    + expected.name() + " server; start the " + role.name() + " server with this file");
        });
        return role;
    }

    private static void checkRoleSpecific(Path file, Role role, Map<SettingKey, Object> values) {
        for (Role other : Role.values()) {
            SettingKey idKey = SettingKey.of(other.idKey()).orElseThrow();
            boolean upstreamId = idKey == SettingKey.RTS_ID && role != Role.RTS;
            if (other != role && !upstreamId && values.containsKey(idKey)) {
                throw new SettingsException(file + ": `" + idKey.key() + "` does not apply to a " + role.name()
                        + "; its own id is `" + role.idKey() + "`");
            }
        }
        if (role == Role.RTS) {
            for (SettingKey key : List.of(SettingKey.RTS_HOST, SettingKey.RTS_TOKEN)) {
                if (values.containsKey(key)) {
                    throw new SettingsException(file + ": `" + key.key() + "` does not apply to an RTS; "
                            + "an RTS links to other regions through trusts");
                }
            }
        } else {
            if (values.containsKey(SettingKey.REGION)) {
                throw new SettingsException(file + ": `region` applies only to an RTS");
            }
            long present = UPSTREAM.stream().filter(values::containsKey).count();
            if (present != 0 && present != UPSTREAM.size()) {
                String missing = UPSTREAM.stream().filter(k -> !values.containsKey(k)).map(k -> "`" + k.key() + "`")
                        .collect(Collectors.joining(", "));
                throw new SettingsException(file + ": missing " + missing + "; the upstream server needs "
                        + "rts_host, rts_id and rts_token together");
            }
        }
    }

    private static Object normalise(Path file, SettingKey key, Object value) {
        if (key.kind() == SettingKey.Kind.FILE_STORE) {
            return FileStoreSettings.normalise(file, key, value);
        }
        if (key.kind() == SettingKey.Kind.USER_HASHES) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new SettingsException(file + ": `" + key.key() + "` must be a list of `user: bcrypt-hash` lines");
            }
            Map<String, String> users = new LinkedHashMap<>();
            map.forEach((user, hash) -> users.put(String.valueOf(user), hash == null ? "" : String.valueOf(hash)));
            return users;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new SettingsException(file + ": `" + key.key() + "` must be a single value");
        }
        return String.valueOf(value).trim();
    }

    private static void checkShape(Path file, SettingKey key, Object value) {
        String problem = problem(key, value);
        if (problem != null) {
            String shown = key.secret() ? "" : " (found `" + value + "`)";
            throw new SettingsException(file + ": `" + key.key() + "` " + problem + shown);
        }
    }

    @SuppressWarnings("unchecked")
    private static String problem(SettingKey key, Object value) {
        if (key.kind() == SettingKey.Kind.FILE_STORE) {
            return FileStoreSettings.problem((Map<String, String>) value);
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<String, String> user : ((Map<String, String>) map).entrySet()) {
                if (!USER.matcher(user.getKey()).matches()) {
                    return "has a user name that is not letters, digits, '.', '_' or '-'";
                }
                if (!BCRYPT.matcher(user.getValue()).matches()) {
                    return "for user `" + user.getKey() + "` must be a bcrypt hash (htpasswd -nbB), not a password";
                }
            }
            return null;
        }
        String text = (String) value;
        if (text.isEmpty()) {
            return "is empty";
        }
        return switch (key.kind()) {
            case TEXT -> textProblem(key, text);
            case HOST -> HOST.matcher(text).matches() ? null : "must be a host name or IP address";
            case HOST_PORT -> hostPortProblem(text);
            case PORT -> portProblem(text);
            case PATH -> PATH.matcher(text).matches() ? null : "must be a path such as /admin";
            case URL -> urlProblem(text);
            case SERVER_ID -> SERVER_ID.matcher(text).matches() ? null
                    : "must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit";
            case SECRET -> secretProblem(key, text);
            case TOKEN_PAIR -> tokenPairProblem(text);
            case LOG_LEVEL -> LOG_LEVELS.contains(text.toUpperCase(Locale.ROOT)) ? null
                    : "must be one of DEBUG, INFO, WARN, ERROR";
            case USER_HASHES -> "must be a list of `user: bcrypt-hash` lines";
            case FILE_STORE -> "must be a list of `KEY: value` lines";
        };
    }

    private static String textProblem(SettingKey key, String text) {
        if (key == SettingKey.LOGGER_FORMAT && !LOG_FORMATS.contains(text)) {
            return "must be text or json";
        }
        if (key == SettingKey.SYSLOG_PROTOCOL && !text.equals("udp") && !text.equals("tcp")) {
            return "must be udp or tcp";
        }
        if (key == SettingKey.KAFKA_HOST) {
            for (String server : text.split(",")) {
                if (hostPortProblem(server.trim()) != null) {
                    return "must be host:port[,host:port...]";
                }
            }
        }
        return null;
    }

    private static String urlProblem(String text) {
        try {
            java.net.URI uri = new java.net.URI(text);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return web && uri.getHost() != null ? null : "must be an http:// or https:// URL";
        } catch (java.net.URISyntaxException e) {
            return "must be an http:// or https:// URL";
        }
    }

    private static String hostPortProblem(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? text : text.substring(0, colon);
        if (!HOST.matcher(host).matches()) {
            return "must be a host name or IP address, optionally with :port";
        }
        return colon < 0 ? null : portProblem(text.substring(colon + 1));
    }

    private static String portProblem(String text) {
        try {
            int port = Integer.parseInt(text);
            return port >= 1 && port <= 65535 ? null : "must be a port number from 1 to 65535";
        } catch (NumberFormatException e) {
            return "must be a port number from 1 to 65535";
        }
    }

    private static String secretProblem(SettingKey key, String text) {
        boolean generated = key == SettingKey.SECRET_KEY_BASE || key == SettingKey.API_INTERNAL_TOKEN;
        if (generated && text.length() < MIN_GENERATED_SECRET) {
            return "is too short: it must have at least " + MIN_GENERATED_SECRET + " characters (`stratum init` generates one)";
        }
        return null;
    }

    private static String tokenPairProblem(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) {
            return "must be \"<token_for_accept>:<token_for_connect>\"";
        }
        return null;
    }
}
