package io.stratum.core.directory;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import io.stratum.core.api.ApiException;

/**
 * The connection to the directory and how its entries map to people.
 *
 * @param enabled             directory login and sync on
 * @param url                 {@code ldap://host:389} or {@code ldaps://host:636}; several, space-separated, are tried in order
 * @param bindDn              the service account that searches (e.g. {@code CN=stratum,OU=Services,DC=corp,DC=local})
 * @param bindPassword        its password; write-only: empty when read back, and, when saving, empty keeps the stored one
 * @param baseDn              where people are searched (subtree)
 * @param userFilter          an LDAP filter selecting the people who may use Stratum
 * @param attributes          attribute names per field
 * @param disabledAttribute   OpenLDAP: an attribute that marks a disabled person (empty: none); AD's
 *                            {@code userAccountControl} bit 2 is always honoured
 * @param disabledValue       the value of {@code disabledAttribute} that means disabled (empty: any value)
 * @param syncIntervalMinutes minutes between scheduled syncs; 0 syncs only on an administrator's request
 */
public record DirectorySettings(boolean enabled, String url, String bindDn, Optional<String> bindPassword, String baseDn,
        String userFilter, AttributeMapping attributes, String disabledAttribute, String disabledValue, int syncIntervalMinutes) {
    public static final int MAX_SYNC_INTERVAL_MINUTES = 7 * 24 * 60;

    public DirectorySettings {
        bindPassword = bindPassword == null ? Optional.empty() : bindPassword.filter(p -> !p.isEmpty());
        disabledAttribute = disabledAttribute == null ? "" : disabledAttribute.strip();
        disabledValue = disabledValue == null ? "" : disabledValue.strip();
    }

    /** Off, with OpenLDAP attribute names: what is in force until an administrator saves settings. */
    public static DirectorySettings off() {
        return new DirectorySettings(false, "", "", Optional.empty(), "", "(objectClass=inetOrgPerson)", AttributeMapping.openLdap(),
                "", "", 60);
    }

    /** Whether a password is known (shown as "set", never as the value). */
    public boolean bindPasswordSet() {
        return bindPassword.isPresent();
    }

    /** A trimmed copy; 400 {@code invalid_setting} with the field for the first wrong value. */
    public DirectorySettings validated() {
        String cleanUrl = url == null ? "" : url.strip();
        String cleanFilter = userFilter == null ? "" : userFilter.strip();
        if (enabled || !cleanUrl.isEmpty()) {
            if (cleanUrl.isEmpty()) {
                throw invalid("url", "enter the directory address, e.g. ldap://dc1.corp.local:389 or ldaps://dc1.corp.local:636");
            }
            for (String one : cleanUrl.split("\\s+")) {
                checkUrl(one);
            }
        }
        if (enabled && (baseDn == null || baseDn.isBlank())) {
            throw invalid("baseDn", "enter the base DN people are searched under, e.g. OU=Staff,DC=corp,DC=local");
        }
        if (cleanFilter.isEmpty()) {
            cleanFilter = "(objectClass=*)";
        }
        if (!cleanFilter.startsWith("(") || !cleanFilter.endsWith(")") || !balanced(cleanFilter)) {
            throw invalid("userFilter", "the filter must be an LDAP filter in brackets, e.g. (&(objectClass=user)(mail=*))");
        }
        if (syncIntervalMinutes < 0 || syncIntervalMinutes > MAX_SYNC_INTERVAL_MINUTES) {
            throw invalid("syncIntervalMinutes", "the sync interval is 0 (on request only) to " + MAX_SYNC_INTERVAL_MINUTES + " minutes");
        }
        AttributeMapping mapping = (attributes == null ? AttributeMapping.openLdap() : attributes).validated();
        return new DirectorySettings(enabled, cleanUrl, bindDn == null ? "" : bindDn.strip(), bindPassword,
                baseDn == null ? "" : baseDn.strip(), cleanFilter, mapping, disabledAttribute, disabledValue, syncIntervalMinutes);
    }

    private static void checkUrl(String value) {
        try {
            URI uri = URI.create(value);
            if (!("ldap".equals(uri.getScheme()) || "ldaps".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid("url", "the address must start with ldap:// or ldaps:// and name a host: " + value);
            }
        } catch (IllegalArgumentException e) {
            throw invalid("url", "not a valid address: " + value);
        }
    }

    private static boolean balanced(String filter) {
        int depth = 0;
        for (char c : filter.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(400, "invalid_setting", message, Map.of("field", field));
    }
}
