package io.stratum.core.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.stratum.core.account.Platform;
import io.stratum.core.boot.Periodic;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The reference product's usage metrics that come from the database: {@code android_users},
 * {@code ios_users}, {@code web_users}, {@code desktop_users} (the reference admin guide's "working
 * clients" of that platform: devices, not people, so a user's two phones count twice; a device works
 * while it is not logged out or revoked and its refresh token has not expired), {@code messages_count} (messages stored) and
 * {@code pg_database_size} (bytes), {@code total_users} (registered users, blocked ones too),
 * {@code active_users} (users not blocked or disabled) and {@code users_count{company}} (active users
 * by company; {@code none} for users without one). Counted every {@link MetricsConfig#usageRefresh()} (30 s) by one non-blocking query, never per scrape.
 */
@ApplicationScoped
public class UsageMetrics {
    private static final Logger LOGGER = Logger.getLogger(UsageMetrics.class);

    private final Pool database;
    private final Periodic periodic;
    private final MetricsConfig config;
    private final Map<Platform, AtomicLong> devices = new EnumMap<>(Platform.class);
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong databaseBytes = new AtomicLong();
    private final AtomicLong totalUsers = new AtomicLong();
    private final AtomicLong activeUsers = new AtomicLong();
    private final MultiGauge usersByCompany;

    public UsageMetrics(Pool database, Periodic periodic, MetricsConfig config, MeterRegistry registry) {
        this.database = database;
        this.periodic = periodic;
        this.config = config;
        for (Platform platform : Platform.values()) {
            AtomicLong count = new AtomicLong();
            devices.put(platform, count);
            Gauge.builder(platform.code() + "_users", count, AtomicLong::get)
                    .description("Working " + platform.code() + " clients: devices logged in, not revoked, refresh token not expired").register(registry);
        }
        Gauge.builder("messages_count", messages, AtomicLong::get).description("Messages stored on this server").register(registry);
        Gauge.builder("pg_database_size", databaseBytes, AtomicLong::get)
                .description("Size of this server's PostgreSQL database in bytes").register(registry);
        Gauge.builder("total_users", totalUsers, AtomicLong::get).description("Registered users, blocked ones included").register(registry);
        Gauge.builder("active_users", activeUsers, AtomicLong::get).description("Registered users that are not blocked or disabled")
                .register(registry);
        usersByCompany = MultiGauge.builder("users_count").description("Active users by company").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
        periodic.every(config.usageRefresh(), this::refresh);
    }

    void refresh() {
        database.query("""
                        SELECT 'platform:' || d.platform, count(*) FROM device d WHERE d.revoked_at IS NULL AND EXISTS
                            (SELECT 1 FROM device_token t WHERE t.device_id = d.id AND t.kind = 'refresh' AND t.expires_at > now())
                            GROUP BY d.platform
                        UNION ALL SELECT 'messages', count(*) FROM chat_event WHERE kind = 'message'
                        UNION ALL SELECT 'database', pg_database_size(current_database())
                        UNION ALL SELECT 'users:total', count(*) FROM chat_user WHERE source <> 'system' AND status <> 'deleted'
                        UNION ALL SELECT 'company:' || company, count(*) FROM chat_user
                            WHERE source <> 'system' AND status = 'active' GROUP BY company""")
                .execute()
                .subscribe().with(rows -> {
                    devices.values().forEach(count -> count.set(0));
                    List<MultiGauge.Row<?>> companies = new ArrayList<>();
                    long active = 0;
                    for (Row row : rows) {
                        String key = row.getString(0);
                        long value = row.getLong(1);
                        if (key.startsWith("platform:")) {
                            Platform.fromCode(key.substring("platform:".length())).ifPresent(p -> devices.get(p).set(value));
                        } else if (key.startsWith("company:")) {
                            String company = key.substring("company:".length());
                            companies.add(MultiGauge.Row.of(Tags.of("company", company.isBlank() ? "none" : company), value));
                            active += value;
                        } else if (key.equals("users:total")) {
                            totalUsers.set(value);
                        } else if (key.equals("messages")) {
                            messages.set(value);
                        } else {
                            databaseBytes.set(value);
                        }
                    }
                    activeUsers.set(active);
                    usersByCompany.register(companies, true);
                }, failure -> LOGGER.warnv("Usage metrics not refreshed: {0}", failure.getClass().getName()));
    }
}
