package io.stratum.admin.web;

import java.util.List;
import java.util.Locale;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/** The console's language: the toggle's cookie, else the browser's Accept-Language, else English. */
public final class ConsoleLocale {
    public static final List<String> LANGUAGES = List.of("en", "ru");

    private ConsoleLocale() {
    }

    public static Locale of(HttpServerRequest request) {
        Cookie chosen = request.getCookie(Cookies.LANGUAGE);
        if (chosen != null && LANGUAGES.contains(chosen.getValue())) {
            return Locale.forLanguageTag(chosen.getValue());
        }
        String header = request.getHeader("Accept-Language");
        if (header != null) {
            try {
                Locale best = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES.stream().map(Locale::forLanguageTag).toList());
                if (best != null) {
                    return best;
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header falls back to English
            }
        }
        return Locale.ENGLISH;
    }
}
