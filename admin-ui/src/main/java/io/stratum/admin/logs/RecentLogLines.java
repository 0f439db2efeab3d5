package io.stratum.admin.logs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;

import io.quarkus.runtime.StartupEvent;
import io.stratum.admin.AdminConsoleConfig;

/**
 * A ring buffer of this process's most recent log lines, fed by a JBoss LogManager handler on the
 * root logger. Lines are formatted without stack traces (the full log keeps them). Holds nothing
 * and installs nothing when the Logs section is switched off.
 */
@ApplicationScoped
public class RecentLogLines {
    private final AdminConsoleConfig.Logs config;
    private final Deque<Line> lines = new ArrayDeque<>();
    private final Handler handler = new Ring();
    private volatile boolean capturing = true;

    public RecentLogLines(AdminConsoleConfig config) {
        this.config = config.logs();
    }

    /** One log line. */
    public record Line(String level, String text) {
    }

    void install(@Observes StartupEvent event) {
        if (config.enabled()) {
            handler.setFormatter(new PatternFormatter("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5p [%c{2.}] (%t) %s"));
            handler.setLevel(Level.ALL);
            Logger.getLogger("").addHandler(handler);
        }
    }

    @PreDestroy
    void uninstall() {
        Logger.getLogger("").removeHandler(handler);
    }

    /** Whether the section can work at all (the handler is installed: {@code stratum.admin.logs.enabled}). */
    public boolean enabled() {
        return config.enabled();
    }

    /** Starts or stops keeping lines (the runtime switch of the Logs section); stopping forgets the kept lines. */
    public void capture(boolean on) {
        capturing = on;
        if (!on) {
            synchronized (lines) {
                lines.clear();
            }
        }
    }

    /** The most recent lines, newest last, optionally only those at or above a level and containing a text. */
    public List<Line> recent(String minimumLevel, String contains) {
        int threshold = minimumLevel == null || minimumLevel.isBlank() ? Integer.MIN_VALUE : parse(minimumLevel).intValue();
        String needle = contains == null ? "" : contains.toLowerCase(Locale.ROOT);
        List<Line> copy;
        synchronized (lines) {
            copy = new ArrayList<>(lines);
        }
        return copy.stream().filter(l -> parse(l.level()).intValue() >= threshold)
                .filter(l -> needle.isEmpty() || l.text().toLowerCase(Locale.ROOT).contains(needle)).toList();
    }

    private static Level parse(String level) {
        try {
            return org.jboss.logmanager.Level.parse(level.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.ALL;
        }
    }

    private final class Ring extends ExtHandler {
        @Override
        protected void doPublish(ExtLogRecord record) {
            if (capturing) {
                add(record);
            }
        }

        private void add(LogRecord record) {
            String text = getFormatter().format(record);
            String level = record.getLevel().getName();
            synchronized (lines) {
                lines.addLast(new Line(level, text));
                while (lines.size() > config.lines()) {
                    lines.removeFirst();
                }
            }
        }
    }
}
