package io.stratum.admin.web;

import java.time.Duration;

import jakarta.ws.rs.core.NewCookie;

/**
 * The console's cookies: HttpOnly, SameSite=Strict, Path=/ (the console and the admin API share the
 * session), Secure whenever the request came over HTTPS.
 */
public final class Cookies {
    public static final String SESSION = "stratum_admin";
    public static final String LANGUAGE = "stratum_lang";

    private Cookies() {
    }

    public static NewCookie session(String token, Duration lifetime, boolean secure) {
        return cookie(SESSION, token, (int) lifetime.toSeconds(), secure);
    }

    public static NewCookie clearSession(boolean secure) {
        return cookie(SESSION, "", 0, secure);
    }

    public static NewCookie language(String language, boolean secure) {
        return cookie(LANGUAGE, language, (int) Duration.ofDays(365).toSeconds(), secure);
    }

    private static NewCookie cookie(String name, String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
