package io.stratum.admin.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.stratum.admin.AdminConsoleConfig;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the console at {@code admin_url}: the pages are written for {@code /admin}, so requests
 * under the configured path are re-routed there (and {@code /admin} itself is not served when another
 * path is configured). Also adds the security headers to every console and admin API response.
 */
@ApplicationScoped
public class AdminPaths {
    /** The path the console's resources are declared under. */
    public static final String INTERNAL = "/admin";
    public static final String API = "/api/v1/admin";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    private static final Logger LOGGER = Logger.getLogger(AdminPaths.class);
    private static final String REROUTED = "stratum.admin.rerouted";

    private final String base;

    public AdminPaths(AdminConsoleConfig config) {
        this.base = normalise(config.url());
    }

    /** The console's public path, without a trailing slash. */
    public String base() {
        return base;
    }

    void install(@Observes Router router) {
        router.route().order(-100).handler(this::route);
        if (!base.equals(INTERNAL)) {
            LOGGER.infov("Administrator console at {0}", base);
        }
    }

    private void route(RoutingContext context) {
        String path = context.normalizedPath();
        boolean console = under(path, base);
        boolean api = under(path, API);
        if (console || api || context.get(REROUTED) != null) {
            headers(context.response());
        }
        if (!base.equals(INTERNAL) && context.get(REROUTED) == null) {
            if (console) {
                context.put(REROUTED, true);
                String query = context.request().query();
                context.reroute(INTERNAL + path.substring(base.length()) + (query == null ? "" : "?" + query));
                return;
            }
            if (under(path, INTERNAL)) {
                context.response().setStatusCode(404).end();
                return;
            }
        }
        context.next();
    }

    private static void headers(HttpServerResponse response) {
        response.headers()
                .set("Content-Security-Policy", CSP)
                .set("X-Frame-Options", "DENY")
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer")
                .set("Cache-Control", "no-store");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    static String normalise(String url) {
        String trimmed = url.strip();
        if (!trimmed.startsWith("/")) {
            trimmed = "/" + trimmed;
        }
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.equals("/") || !trimmed.matches("/[A-Za-z0-9._~/-]+")) {
            throw new IllegalArgumentException("admin_url must be a path such as /admin, not `" + url + "`");
        }
        return trimmed;
    }
}
