package io.stratum.common.settings;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a settings.yaml strictly: malformed YAML, an unknown key, a missing required key or a
 * value of the wrong shape each give a {@link SettingsException} naming the file and the key.
 */
public final class SettingsFile {
    /** Environment variable naming the settings file. */
    public static final String ENV_VARIABLE = "STRATUM_SETTINGS";
    /** System property naming the settings file; wins over the environment variable. */
    public static final String SYSTEM_PROPERTY = "stratum.settings";
    /** The file used when neither is set: settings.yaml in the working directory. */
    public static final String DEFAULT_NAME = "settings.yaml";

    private static final int MAX_FILE_BYTES = 1 << 20;

    private SettingsFile() {
    }

    /** Where the running process looks for its settings. */
    public static Path locate() {
        String path = System.getProperty(SYSTEM_PROPERTY);
        if (path == null || path.isBlank()) {
            path = System.getenv(ENV_VARIABLE);
        }
        return Path.of(path == null || path.isBlank() ? DEFAULT_NAME : path);
    }

    /**
     * Reads and validates a settings file.
     *
     * @param expectedRole the role of the binary reading it; empty when any role is fine (the
     *                     {@code stratum} command)
     */
    public static Settings read(Path file, Optional<Role> expectedRole) {
        Map<String, Object> raw = parse(file);
        return SettingsValidator.validate(file, raw, expectedRole);
    }

    static Map<String, Object> parse(Path file) {
        String text = readText(file);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(MAX_FILE_BYTES);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Object document;
        try {
            document = yaml.load(text);
        } catch (MarkedYAMLException e) {
            throw new SettingsException(file + ": not valid YAML" + where(e.getProblemMark()) + ": "
                    + e.getProblem());
        } catch (YAMLException e) {
            throw new SettingsException(file + ": not valid YAML: " + e.getClass().getSimpleName());
        }
        if (document == null) {
            throw new SettingsException(file + ": the file is empty; run `stratum init cts|ets|rts` to create one");
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new SettingsException(file + ": expected `key: value` lines at the top level");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new SettingsException(file + ": a key must be text, found " + entry.getKey());
            }
            result.put(key, entry.getValue());
        }
        return result;
    }

    private static String readText(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new SettingsException(file + ": larger than 1 MiB; this is not a settings file");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SettingsException(file + ": no such file; create it with `stratum init cts|ets|rts` "
                    + "or point " + ENV_VARIABLE + " at it");
        } catch (MalformedInputException e) {
            throw new SettingsException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new SettingsException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    // The problem text of SnakeYAML never quotes the document; the snippet it can print does, and
    // might show a secret, so only the position is used.
    private static String where(Mark mark) {
        return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }
}
