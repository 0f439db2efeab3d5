package io.stratum.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

import io.smallrye.config.common.MapBackedConfigSource;
import io.stratum.common.settings.SettingsException;
import io.stratum.common.settings.SettingsFile;

/**
 * Offers settings.yaml, translated by {@link io.stratum.common.settings.Settings#toProperties()},
 * as a configuration source. Ordinal 275: above application.properties, below environment
 * variables and system properties (so a test or an operator can override a single value).
 *
 * <p>It never fails: the launcher has already refused a broken file with a clear message, and the
 * build, which has no settings.yaml, sees an empty source.
 */
public class SettingsConfigSourceProvider implements ConfigSourceProvider {
    static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ClassLoader classLoader) {
        Path file = SettingsFile.locate();
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            var properties = SettingsFile.read(file, Optional.empty()).toProperties();
            return List.of(new MapBackedConfigSource("settings.yaml (" + file + ")", properties, ORDINAL) {
            });
        } catch (SettingsException e) {
            return List.of();
        }
    }
}
