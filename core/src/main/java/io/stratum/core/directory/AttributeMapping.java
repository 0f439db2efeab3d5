package io.stratum.core.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.stratum.core.api.ApiException;

/**
 * Which directory attribute holds each field. {@code id} must be stable for the life of the
 * account (OpenLDAP {@code entryUUID}, AD {@code objectGUID}); {@code login} is what people type
 * (OpenLDAP {@code uid}, AD {@code sAMAccountName} or {@code userPrincipalName}). An empty
 * attribute name leaves the field empty. Every phone attribute is read, in order.
 */
public record AttributeMapping(String id, String login, String email, String name, String position, String department,
        String company, List<String> phones) {
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}|[0-9]+(\\.[0-9]+)+");

    /** The OpenLDAP (inetOrgPerson) attribute names. */
    public static AttributeMapping openLdap() {
        return new AttributeMapping("entryUUID", "uid", "mail", "cn", "title", "ou", "o", List.of("telephoneNumber", "mobile"));
    }

    /** The Active Directory attribute names. */
    public static AttributeMapping activeDirectory() {
        return new AttributeMapping("objectGUID", "sAMAccountName", "mail", "displayName", "title", "department", "company",
                List.of("telephoneNumber", "mobile", "ipPhone"));
    }

    /** A copy with blanks trimmed; 400 {@code invalid_setting} (field {@code attributes.x}) for a name LDAP cannot hold. */
    AttributeMapping validated() {
        List<String> cleanPhones = new ArrayList<>();
        for (String phone : phones == null ? List.<String>of() : phones) {
            if (phone != null && !phone.isBlank()) {
                cleanPhones.add(check("phones", phone, false));
            }
        }
        return new AttributeMapping(check("id", id, true), check("login", login, true), check("email", email, false),
                check("name", name, true), check("position", position, false), check("department", department, false),
                check("company", company, false), List.copyOf(cleanPhones));
    }

    /** Every attribute to request from the directory. */
    List<String> requested() {
        List<String> all = new ArrayList<>();
        for (String attribute : new String[] {id, login, email, name, position, department, company}) {
            if (!attribute.isEmpty() && !all.contains(attribute)) {
                all.add(attribute);
            }
        }
        phones.stream().filter(phone -> !all.contains(phone)).forEach(all::add);
        return all;
    }

    private static String check(String field, String value, boolean required) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty() && required) {
            throw new ApiException(400, "invalid_setting", "name the directory attribute that holds the " + field,
                    Map.of("field", "attributes." + field));
        }
        if (!clean.isEmpty() && !ATTRIBUTE.matcher(clean).matches()) {
            throw new ApiException(400, "invalid_setting", "'" + clean + "' is not an LDAP attribute name",
                    Map.of("field", "attributes." + field));
        }
        return clean;
    }
}
