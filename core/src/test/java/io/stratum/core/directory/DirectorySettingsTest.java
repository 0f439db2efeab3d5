package io.stratum.core.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.stratum.core.api.ApiException;

class DirectorySettingsTest {
    private static DirectorySettings with(String url, String baseDn, String filter, AttributeMapping attributes, int interval) {
        return new DirectorySettings(true, url, "cn=svc", Optional.of("secret"), baseDn, filter, attributes, "", "", interval);
    }

    @Test
    void shouldAcceptActiveDirectorySettings() {
        DirectorySettings valid = with("ldaps://dc1.corp.local:636 ldaps://dc2.corp.local:636", " OU=Staff,DC=corp,DC=local ",
                "(&(objectCategory=person)(objectClass=user))", AttributeMapping.activeDirectory(), 60).validated();

        assertEquals("OU=Staff,DC=corp,DC=local", valid.baseDn());
        assertEquals(List.of("objectGUID", "sAMAccountName", "mail", "displayName", "title", "department", "company", "telephoneNumber",
                "mobile", "ipPhone"), valid.attributes().requested());
    }

    @Test
    void shouldNameTheWrongField() {
        assertEquals("url", field(with("http://dc1", "dc=x", "(a=b)", AttributeMapping.openLdap(), 60)));
        assertEquals("baseDn", field(with("ldap://dc1", " ", "(a=b)", AttributeMapping.openLdap(), 60)));
        assertEquals("userFilter", field(with("ldap://dc1", "dc=x", "(&(a=b)", AttributeMapping.openLdap(), 60)));
        assertEquals("syncIntervalMinutes", field(with("ldap://dc1", "dc=x", "(a=b)", AttributeMapping.openLdap(), -1)));
        assertEquals("attributes.login", field(with("ldap://dc1", "dc=x", "(a=b)",
                new AttributeMapping("entryUUID", "", "mail", "cn", "", "", "", List.of()), 60)));
        assertEquals("attributes.email", field(with("ldap://dc1", "dc=x", "(a=b)",
                new AttributeMapping("entryUUID", "uid", "mail)(x=", "cn", "", "", "", List.of()), 60)));
    }

    @Test
    void shouldAllowSavingTheIntegrationOffWithoutAnAddress() {
        DirectorySettings off = DirectorySettings.off().validated();

        assertEquals(false, off.enabled());
    }

    private static String field(DirectorySettings settings) {
        return String.valueOf(assertThrows(ApiException.class, settings::validated).details().get("field"));
    }
}
