package io.stratum.admin;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The administrator console and admin API. */
@ConfigMapping(prefix = "stratum.admin")
public interface AdminConsoleConfig {
    /** Path of the console ({@code admin_url}). */
    @WithDefault("/admin")
    String url();

    /** Administrator sessions. */
    Session session();

    /** Login throttling and lockout. */
    Login login();

    /** The Logs section. */
    Logs logs();

    /** Administrator sessions. */
    interface Session {
        /** A session ends this long after login, whatever the activity. */
        @WithDefault("12h")
        Duration lifetime();

        /** A session ends after this long without a request. */
        @WithDefault("30m")
        Duration idleTimeout();
    }

    /** Login throttling: failures are counted over a sliding window, per login and per client IP. */
    interface Login {
        /** Failed logins of one login within the window after which it is locked. */
        @WithDefault("5")
        int maxFailuresPerLogin();

        /** Failed logins from one IP address within the window after which that address is refused. */
        @WithDefault("20")
        int maxFailuresPerIp();

        /** The window over which failures count; a lock lifts when its failures leave the window. */
        @WithDefault("15m")
        Duration window();
    }

    /** The Logs section: recent log lines kept in memory. */
    interface Logs {
        /** Whether log lines are kept and shown in the console. */
        @WithDefault("true")
        boolean enabled();

        /** How many recent lines are kept. */
        @WithDefault("500")
        int lines();
    }
}
