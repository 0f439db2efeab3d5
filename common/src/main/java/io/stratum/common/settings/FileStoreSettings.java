package io.stratum.common.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code file_service_env_override} block of settings.yaml (named after the reference product):
 * which file store keeps uploaded files and how to reach it. Each key inside the block is checked;
 * an unknown or missing one is named in the error. The secret key is never quoted.
 *
 * <pre>
 * file_service_env_override:
 *   ADAPTER: s3
 *   AWS_ACCESS_KEY_ID: access-key
 *   AWS_SECRET_ACCESS_KEY: secret-access-key
 *   AWS_S3_URI: https://storage.minio.local
 *   AWS_S3_BUCKET: cts-files
 * </pre>
 */
final class FileStoreSettings {
    static final String ADAPTER = "ADAPTER";
    static final String UPLOADS_DIR = "UPLOADS_DIR";
    static final String ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    static final String S3_URI = "AWS_S3_URI";
    static final String S3_BUCKET = "AWS_S3_BUCKET";
    static final String REGION = "AWS_REGION";
    private static final List<String> KEYS = List.of(ADAPTER, UPLOADS_DIR, ACCESS_KEY_ID, SECRET_ACCESS_KEY, S3_URI, S3_BUCKET, REGION);
    private static final List<String> S3_REQUIRED = List.of(ACCESS_KEY_ID, SECRET_ACCESS_KEY, S3_URI, S3_BUCKET);
    private static final String NAME = "file_service_env_override";

    private FileStoreSettings() {
    }

    static Map<String, String> normalise(Path file, SettingKey key, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new SettingsException(file + ": `" + key.key() + "` must be a list of `KEY: value` lines (ADAPTER, "
                    + String.join(", ", KEYS.subList(1, KEYS.size())) + ")");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (!KEYS.contains(name)) {
                throw new SettingsException(file + ": `" + key.key() + "` has an unknown key `" + name + "`; it accepts "
                        + String.join(", ", KEYS));
            }
            if (entry.getValue() == null || entry.getValue() instanceof Map<?, ?> || entry.getValue() instanceof List<?>) {
                throw new SettingsException(file + ": `" + key.key() + "` key `" + name + "` must be a single value");
            }
            entries.put(name, String.valueOf(entry.getValue()).trim());
        }
        return entries;
    }

    /** What is wrong with the block, naming the key at fault, or null. Never quotes the secret. */
    static String problem(Map<String, String> entries) {
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            if (entry.getValue().isEmpty()) {
                return "key `" + entry.getKey() + "` is empty";
            }
        }
        String adapter = entries.get(ADAPTER);
        if (adapter == null) {
            return "key `ADAPTER` is missing; set it to local or s3";
        }
        switch (adapter) {
            case "local" -> {
                for (String key : S3_REQUIRED) {
                    if (entries.containsKey(key)) {
                        return "key `" + key + "` applies only with ADAPTER: s3";
                    }
                }
                return null;
            }
            case "s3" -> {
                for (String key : S3_REQUIRED) {
                    if (!entries.containsKey(key)) {
                        return "key `" + key + "` is missing; ADAPTER: s3 needs " + String.join(", ", S3_REQUIRED);
                    }
                }
                if (entries.containsKey(UPLOADS_DIR)) {
                    return "key `" + UPLOADS_DIR + "` applies only with ADAPTER: local";
                }
                return uriProblem(entries.get(S3_URI));
            }
            default -> {
                return "key `ADAPTER` must be local or s3, not `" + adapter + "`";
            }
        }
    }

    private static String uriProblem(String text) {
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null) {
                return null;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        // The text is not quoted: an address with user:password@ would show a credential.
        return "key `" + S3_URI + "` must be the storage's address, such as https://storage.minio.local or http://10.0.0.5:9000";
    }

    /** The configuration properties ({@code stratum.files.*}) this block stands for. */
    static void toProperties(Map<String, String> entries, Map<String, String> properties) {
        properties.put("stratum.files.adapter", entries.get(ADAPTER));
        put(entries, UPLOADS_DIR, properties, "stratum.files.local.directory");
        put(entries, ACCESS_KEY_ID, properties, "stratum.files.s3.access-key-id");
        put(entries, SECRET_ACCESS_KEY, properties, "stratum.files.s3.secret-access-key");
        put(entries, S3_URI, properties, "stratum.files.s3.uri");
        put(entries, S3_BUCKET, properties, "stratum.files.s3.bucket");
        put(entries, REGION, properties, "stratum.files.s3.region");
    }

    private static void put(Map<String, String> entries, String key, Map<String, String> properties, String property) {
        String value = entries.get(key);
        if (value != null) {
            properties.put(property, value);
        }
    }
}
