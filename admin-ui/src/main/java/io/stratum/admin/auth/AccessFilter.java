package io.stratum.admin.auth;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;
import io.stratum.admin.web.AdminPaths;
import io.stratum.admin.web.ClientRequest;
import io.stratum.admin.web.Cookies;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * Checks every request to an admin endpoint (any resource of {@code io.stratum.admin}) on the
 * server: the endpoint's rule ({@link AdminAccess}, {@link AnyAdministrator} or
 * {@link PublicAdminEndpoint}; none means 403), the session (401, or the login page for the
 * console), whether the section exists on this server's role (404, {@link RoleSections}), the right (403), and for state-changing methods the CSRF token in {@code X-CSRF-Token}
 * and the Origin (403). Non-blocking: one database query per request, on the reactive client.
 */
public class AccessFilter {
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Logger LOGGER = Logger.getLogger(AccessFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SessionStore sessions;
    private final CurrentAdmin current;
    private final AdminPaths paths;
    private final RoleSections roleSections;

    public AccessFilter(SessionStore sessions, CurrentAdmin current, AdminPaths paths, RoleSections roleSections) {
        this.sessions = sessions;
        this.current = current;
        this.paths = paths;
        this.roleSections = roleSections;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Response> check(ContainerRequestContext context, ResourceInfo resource, HttpServerRequest request) {
        Method method = resource.getResourceMethod();
        if (method == null || !resource.getResourceClass().getPackageName().startsWith("io.stratum.admin")) {
            return Uni.createFrom().nullItem();
        }
        boolean api = context.getUriInfo().getPath().startsWith(AdminPaths.API);
        boolean safe = SAFE_METHODS.contains(context.getMethod());
        if (!safe && ClientRequest.crossOrigin(request)) {
            return Uni.createFrom().item(refuse(api, 403, "cross_origin", "request from another site refused"));
        }
        if (method.isAnnotationPresent(PublicAdminEndpoint.class)) {
            return Uni.createFrom().nullItem();
        }
        AdminAccess access = method.getAnnotation(AdminAccess.class);
        boolean anyAdministrator = method.isAnnotationPresent(AnyAdministrator.class);
        if (access == null && !anyAdministrator) {
            LOGGER.errorv("Admin endpoint without an access rule refused: {0}.{1}", resource.getResourceClass().getSimpleName(), method.getName());
            return Uni.createFrom().item(refuse(api, 403, "forbidden", "this endpoint has no access rule"));
        }
        Cookie cookie = request.getCookie(Cookies.SESSION);
        return sessions.find(cookie == null ? null : cookie.getValue(), ClientRequest.ip(request)).map(found -> {
            if (found.isEmpty()) {
                return loginRequired(api, request);
            }
            AdminPrincipal admin = found.get();
            if (access != null && !roleSections.present(access.value())) {
                return refuse(api, 404, "section_absent", "there is no " + access.value().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " section on this server: it is an " + roleSections.role().toUpperCase(Locale.ROOT)
                        + " and the section exists on " + RoleSections.rolesWith(access.value()) + " only");
            }
            if (access != null && !admin.rights().allows(access.value(), access.access())) {
                return refuse(api, 403, "forbidden", "your rights do not include " + access.value() + " " + access.access());
            }
            if (!safe && !Tokens.same(request.getHeader(CSRF_HEADER), admin.csrfToken())) {
                return refuse(api, 403, "csrf", "missing or wrong " + CSRF_HEADER + " header; reload the page");
            }
            current.set(admin);
            return null;
        });
    }

    private Response loginRequired(boolean api, HttpServerRequest request) {
        if (api) {
            return refuse(true, 401, "login_required", "log in first: POST " + AdminPaths.API + "/session");
        }
        String login = paths.base() + "/login";
        if (ClientRequest.htmx(request)) {
            return Response.status(401).header("HX-Redirect", login).build();
        }
        return Response.seeOther(URI.create(login)).build();
    }

    private Response refuse(boolean api, int status, String error, String message) {
        if (api) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", error, "message", message)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + status + "</title>"
                        + "<link rel=\"stylesheet\" href=\"" + paths.base() + "/assets/console.css\"></head><body><main class=\"refusal\">"
                        + "<h1>" + status + "</h1><p id=\"refusal\">" + message + "</p><p><a href=\"" + paths.base()
                        + "\">" + paths.base() + "</a></p></main></body></html>")
                .build();
    }
}
