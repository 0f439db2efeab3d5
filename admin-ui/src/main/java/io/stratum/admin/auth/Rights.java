package io.stratum.admin.auth;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one administrator may do. Stored as the role plus, for a limited administrator, the
 * {@code sections} column: {@code SECTION:READ|WRITE} items separated by commas.
 */
public record Rights(AdminRole role, Map<Section, Access> grants) {
    public Rights {
        grants = Map.copyOf(grants);
        if (role == AdminRole.LIMITED) {
            for (Section section : grants.keySet()) {
                if (!section.grantable()) {
                    throw new IllegalArgumentException("section " + section + " cannot be granted to a limited administrator");
                }
            }
        } else if (!grants.isEmpty()) {
            throw new IllegalArgumentException("only a limited administrator has chosen sections");
        }
    }

    public static Rights administrator() {
        return new Rights(AdminRole.ADMINISTRATOR, Map.of());
    }

    public static Rights security() {
        return new Rights(AdminRole.SECURITY, Map.of());
    }

    public static Rights limited(Map<Section, Access> grants) {
        return new Rights(AdminRole.LIMITED, grants);
    }

    /** Whether this administrator may use a section at the given level. */
    public boolean allows(Section section, Access access) {
        return switch (role) {
            case ADMINISTRATOR -> section != Section.DLP;
            case SECURITY -> section == Section.DLP;
            case LIMITED -> grants.containsKey(section) && grants.get(section).includes(access);
        };
    }

    /** Whether this administrator may at least read a section (it is shown in the menu). */
    public boolean sees(Section section) {
        return allows(section, Access.READ);
    }

    /** The {@code sections} column value. */
    public String sectionsColumn() {
        return grants.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().name() + ":" + e.getValue().name()).collect(Collectors.joining(","));
    }

    /** Reads the stored form; an unknown role or section is an error (the database was written by something else). */
    public static Rights parse(String role, String sections) {
        AdminRole parsedRole = AdminRole.valueOf(role.trim().toUpperCase(Locale.ROOT));
        Map<Section, Access> grants = new EnumMap<>(Section.class);
        if (parsedRole == AdminRole.LIMITED && sections != null && !sections.isBlank()) {
            for (String item : sections.split(",")) {
                String[] parts = item.trim().split(":");
                grants.put(Section.valueOf(parts[0]), parts.length > 1 ? Access.valueOf(parts[1]) : Access.READ);
            }
        }
        return new Rights(parsedRole, grants);
    }
}
