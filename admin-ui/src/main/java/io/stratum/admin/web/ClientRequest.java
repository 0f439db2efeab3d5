package io.stratum.admin.web;

import java.util.Locale;

import io.vertx.core.http.HttpServerRequest;

/** What the console needs to know about a request: the client's address, HTTPS, htmx. */
public final class ClientRequest {
    private ClientRequest() {
    }

    /** The client's IP address (behind a proxy: what quarkus.http.proxy settings make of X-Forwarded-For). */
    public static String ip(HttpServerRequest request) {
        return request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
    }

    public static boolean secure(HttpServerRequest request) {
        return "https".equals(request.scheme());
    }

    /** Whether htmx sent the request (it then wants HX-Redirect rather than a 303). */
    public static boolean htmx(HttpServerRequest request) {
        return request.getHeader("HX-Request") != null;
    }

    /** Whether a state-changing request comes from another site (its Origin names another host). */
    public static boolean crossOrigin(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        String host = request.getHeader("Host");
        if (origin == null) {
            return false;
        }
        String originHost = origin.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").toLowerCase(Locale.ROOT);
        return host == null || !originHost.equals(host.toLowerCase(Locale.ROOT));
    }
}
