package io.stratum.common.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class SchemaVersionTest {
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    @Test
    void shouldKnowTheNewestMigrationFile() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", SchemaVersion.LOCATION))) {
            int newest = files.map(f -> MIGRATION.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max().orElseThrow();
            assertEquals(newest, SchemaVersion.LATEST, "raise SchemaVersion.LATEST with each new migration");
        }
    }

    @Test
    void shouldRefuseOnlyANewerDatabase() {
        assertNull(SchemaVersion.refusal(0));
        assertNull(SchemaVersion.refusal(SchemaVersion.LATEST));
        assertTrue(SchemaVersion.refusal(SchemaVersion.LATEST + 1).contains("downgrades are refused"));
    }
}
