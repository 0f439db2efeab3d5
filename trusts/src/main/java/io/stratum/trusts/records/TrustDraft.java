package io.stratum.trusts.records;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an administrator submits to create or change a trust. On a change, an empty token keeps the
 * stored one. {@link #validated} names every broken field at once.
 */
public record TrustDraft(String remoteId, String name, String kind, String endpoint, String clientHost, String tokenForAccept,
        String tokenForConnect, Boolean enabled, Boolean allowTrustSearch, Boolean allowEmail, Map<String, String> notes) {

    /** The bookkeeping fields of the reference product's Servers pages. */
    public static final List<String> NOTE_FIELDS = List.of("client", "installed_by", "our_contact", "client_contact", "partner",
            "docs_url", "config_url", "problems", "update_responsibility", "rts_id");
    private static final List<String> RESPONSIBILITIES = List.of("", "us", "client", "partner");
    private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{16,200}");
    private static final int DEFAULT_TRUST_PORT = 5001;

    /**
     * This draft cleaned up (trimmed, endpoint with its port), or {@link TrustInvalid}. {@code creating}
     * requires both tokens; {@code ownId} may not be trusted.
     */
    public TrustDraft validated(boolean creating, String ownId) {
        Map<String, String> errors = new LinkedHashMap<>();
        String id = trim(remoteId);
        if (!SERVER_ID.matcher(id).matches()) {
            errors.put("remoteId", "the remote server's id: 1-63 letters, digits, '.', '_' or '-'");
        } else if (id.equals(ownId)) {
            errors.put("remoteId", "this is this server's own id");
        }
        String title = trim(name);
        if (title.isEmpty() || title.length() > 100) {
            errors.put("name", "a short name of 1 to 100 characters");
        }
        String kindCode = trim(kind).toUpperCase(Locale.ROOT);
        if (List.of(TrustKind.values()).stream().noneMatch(k -> k.name().equals(kindCode))) {
            errors.put("kind", "one of RTS, ETS, CTS, TTS");
        }
        String address = endpoint(trim(endpoint));
        if (address == null) {
            errors.put("endpoint", "the remote's trust link address: host or host:port (default port 5001)");
        }
        String shown = trim(clientHost);
        if (!shown.isEmpty() && !HOST.matcher(shown).matches()) {
            errors.put("clientHost", "a host name such as chat.partner.example, or empty");
        }
        String accept = trim(tokenForAccept);
        String connect = trim(tokenForConnect);
        checkToken(errors, "tokenForAccept", accept, creating);
        checkToken(errors, "tokenForConnect", connect, creating);
        Map<String, String> cleanNotes = new LinkedHashMap<>();
        if (notes != null) {
            notes.forEach((key, value) -> {
                if (!NOTE_FIELDS.contains(key)) {
                    errors.put(key, "unknown field; the bookkeeping fields are " + String.join(", ", NOTE_FIELDS));
                } else if (value != null && value.length() > 2000) {
                    errors.put(key, "at most 2000 characters");
                } else if (value != null && !value.isBlank()) {
                    cleanNotes.put(key, value.strip());
                }
            });
        }
        if (!RESPONSIBILITIES.contains(cleanNotes.getOrDefault("update_responsibility", ""))) {
            errors.put("update_responsibility", "us, client or partner");
        }
        if (!errors.isEmpty()) {
            throw new TrustInvalid(errors);
        }
        return new TrustDraft(id, title, kindCode, address, shown, accept, connect, enabled == null || enabled,
                Boolean.TRUE.equals(allowTrustSearch), Boolean.TRUE.equals(allowEmail), cleanNotes);
    }

    private static void checkToken(Map<String, String> errors, String field, String token, boolean required) {
        if (token.isEmpty()) {
            if (required) {
                errors.put(field, "required: 16 to 200 visible characters, agreed with the remote's administrator");
            }
        } else if (!TOKEN.matcher(token).matches()) {
            errors.put(field, "16 to 200 visible characters without spaces");
        }
    }

    private static String endpoint(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? text : text.substring(0, colon);
        if (!HOST.matcher(host).matches()) {
            return null;
        }
        if (colon < 0) {
            return host + ":" + DEFAULT_TRUST_PORT;
        }
        try {
            int port = Integer.parseInt(text.substring(colon + 1));
            return port >= 1 && port <= 65535 ? host + ":" + port : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
