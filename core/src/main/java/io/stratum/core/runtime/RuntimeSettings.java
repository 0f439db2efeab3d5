package io.stratum.core.runtime;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The store of runtime settings. Reads go to the database every time (settings are read on rare
 * paths: sending a PIN, saving a form), so a change made on one instance applies on all at once.
 * Saving writes the new value and its history row in one transaction.
 */
@ApplicationScoped
public class RuntimeSettings {
    private final Pool database;
    private final ObjectMapper json;

    public RuntimeSettings(Pool database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    /** The current value, or the setting's fallback when none was saved. */
    public <T> Uni<T> get(RuntimeSetting<T> setting) {
        return database.preparedQuery("SELECT value::text FROM runtime_setting WHERE name = $1")
                .execute(Tuple.of(setting.name()))
                .map(rows -> rows.iterator().hasNext() ? decode(setting, rows.iterator().next().getString(0)) : setting.fallback());
    }

    /** Saves a new value; returns its version (1 for the first save). */
    public <T> Uni<Integer> set(RuntimeSetting<T> setting, T value, String changedBy) {
        JsonObject encoded = new JsonObject(encode(value));
        return database.withTransaction(connection -> connection.preparedQuery("""
                        INSERT INTO runtime_setting (name, value, version, changed_by) VALUES ($1, $2, 1, $3)
                        ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, version = runtime_setting.version + 1,
                            changed_by = EXCLUDED.changed_by, changed_at = now()
                        RETURNING version""")
                .execute(Tuple.of(setting.name(), encoded, changedBy))
                .map(rows -> rows.iterator().next().getInteger(0))
                .call(version -> connection.preparedQuery(
                                "INSERT INTO runtime_setting_history (name, version, value, changed_by) VALUES ($1, $2, $3, $4)")
                        .execute(Tuple.of(setting.name(), version, encoded, changedBy))));
    }

    /** Every saved version of a setting, newest first. */
    public Uni<List<SettingChange>> history(String name) {
        return database.preparedQuery("SELECT name, version, value::text, changed_by, changed_at FROM runtime_setting_history "
                        + "WHERE name = $1 ORDER BY version DESC")
                .execute(Tuple.of(name))
                .map(RuntimeSettings::changes);
    }

    private static List<SettingChange> changes(RowSet<Row> rows) {
        List<SettingChange> changes = new ArrayList<>();
        for (Row row : rows) {
            changes.add(new SettingChange(row.getString(0), row.getInteger(1), row.getString(2), row.getString(3),
                    row.getOffsetDateTime(4)));
        }
        return changes;
    }

    private <T> T decode(RuntimeSetting<T> setting, String value) {
        try {
            return json.readValue(value, setting.type());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("runtime setting " + setting.name() + " holds a value this build cannot read", e);
        }
    }

    private String encode(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode a runtime setting", e);
        }
    }
}
