package io.stratum.admin.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.stratum.core.server.BuildInfo;

/**
 * The figures the Monitoring section shows, read from the same Micrometer registry that
 * {@code /q/metrics} exports, so the console and Prometheus never disagree.
 */
@ApplicationScoped
public class KeyMetrics {
    private final MeterRegistry registry;
    private final BuildInfo build;

    public KeyMetrics(MeterRegistry registry, BuildInfo build) {
        this.registry = registry;
        this.build = build;
    }

    /**
     * One figure.
     *
     * @param key    message key of its label (and its id in the API)
     * @param metric the Prometheus metric it comes from
     * @param value  the value, formatted for people
     */
    public record Figure(String key, String metric, String value) {
    }

    public List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("metric_uptime", "process_uptime_seconds", duration(Duration.between(build.startedAt(), Instant.now()))));
        figures.add(new Figure("metric_heap", "jvm_memory_used_bytes{area=heap}", megabytes(sum("jvm.memory.used", "heap"))
                + " / " + megabytes(sum("jvm.memory.max", "heap"))));
        figures.add(new Figure("metric_cpu", "process_cpu_usage", percent(gauge("process.cpu.usage"))));
        figures.add(new Figure("metric_systemCpu", "system_cpu_usage", percent(gauge("system.cpu.usage"))));
        figures.add(new Figure("metric_threads", "jvm_threads_live_threads", whole(gauge("jvm.threads.live"))));
        figures.add(new Figure("metric_openFiles", "process_files_open_files", whole(gauge("process.files.open"))));
        figures.add(new Figure("metric_httpRequests", "http_server_requests_seconds_count", whole(requests())));
        figures.add(new Figure("metric_databaseQueue", "postgresql_queue_size", whole(gauge("postgresql.queue.size"))));
        return figures;
    }

    private double gauge(String name) {
        Gauge gauge = registry.find(name).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    private double sum(String name, String area) {
        Search search = registry.find(name).tag("area", area);
        return search.gauges().stream().mapToDouble(Gauge::value).filter(v -> v >= 0).sum();
    }

    private double requests() {
        return registry.find("http.server.requests").timers().stream().mapToDouble(Timer::count).sum();
    }

    private static String whole(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.1f %%", value * 100);
    }

    private static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / (1024 * 1024));
    }

    private static String duration(Duration d) {
        return String.format(Locale.ROOT, "%dd %02dh %02dm %02ds", d.toDays(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
    }
}
