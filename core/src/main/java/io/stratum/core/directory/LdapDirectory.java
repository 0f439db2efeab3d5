package io.stratum.core.directory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.net.SocketFactory;

import jakarta.enterprise.context.ApplicationScoped;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;

/**
 * The directory over LDAP (UnboundID LDAP SDK; one connection per call, no pool). Every method
 * <b>blocks</b> on the network for up to {@link DirectoryConfig#ldapTimeout()} per request: call
 * it from a worker thread, never from an event loop. {@code ldaps://} URLs use the JVM's trust
 * store and check the host name. Failures are {@link DirectoryUnavailable} (no answer),
 * {@link DirectoryRefused} (the settings are wrong) and, for {@link #authenticate},
 * {@link CredentialsRejected}. Passwords never appear in a message.
 */
@ApplicationScoped
public class LdapDirectory {
    private static final int PAGE_SIZE = 500;
    private static final String AD_ACCOUNT_CONTROL = "userAccountControl";
    private static final int AD_ACCOUNT_DISABLED = 0x2;
    private static final Set<String> BINARY = Set.of("objectguid", "objectsid");
    private static final Set<ResultCode> UNAVAILABLE = Set.of(ResultCode.CONNECT_ERROR, ResultCode.SERVER_DOWN, ResultCode.TIMEOUT,
            ResultCode.UNAVAILABLE, ResultCode.BUSY);

    private final DirectoryConfig config;

    public LdapDirectory(DirectoryConfig config) {
        this.config = config;
    }

    /** Every person the user filter selects under the base DN, page by page. */
    public List<DirectoryPerson> people(DirectorySettings settings) {
        try (LDAPConnection connection = serviceConnection(settings)) {
            SearchRequest request = new SearchRequest(settings.baseDn(), SearchScope.SUB, Filter.create(settings.userFilter()),
                    attributes(settings));
            List<DirectoryPerson> people = new ArrayList<>();
            ASN1OctetString cookie = null;
            while (true) {
                request.setControls(new SimplePagedResultsControl(PAGE_SIZE, cookie, false));
                SearchResult result = connection.search(request);
                for (SearchResultEntry entry : result.getSearchEntries()) {
                    person(settings, entry).ifPresent(people::add);
                }
                SimplePagedResultsControl page = SimplePagedResultsControl.get(result);
                if (page == null || !page.moreResultsToReturn()) {
                    return people;
                }
                cookie = page.getCookie();
            }
        } catch (LDAPException e) {
            throw failure("searching " + settings.baseDn(), e);
        }
    }

    /**
     * Finds the one person whose login attribute equals {@code login} (with the service account),
     * then binds as that person with {@code password}. Returns the person, disabled or not (the
     * caller decides). A blank password is rejected before anything is sent: LDAP would treat it
     * as an unauthenticated bind and succeed.
     */
    public DirectoryPerson authenticate(DirectorySettings settings, String login, String password) {
        if (password == null || password.isEmpty()) {
            throw new CredentialsRejected("empty password");
        }
        DirectoryPerson person;
        try (LDAPConnection connection = serviceConnection(settings)) {
            Filter filter = Filter.createANDFilter(Filter.create(settings.userFilter()),
                    Filter.createEqualityFilter(settings.attributes().login(), login));
            List<DirectoryPerson> found = new ArrayList<>();
            for (SearchResultEntry entry : connection.search(new SearchRequest(settings.baseDn(), SearchScope.SUB, filter,
                    attributes(settings))).getSearchEntries()) {
                person(settings, entry).ifPresent(found::add);
            }
            if (found.size() != 1) {
                throw new CredentialsRejected(found.isEmpty() ? "no such login" : "the login matches " + found.size() + " people");
            }
            person = found.get(0);
        } catch (LDAPException e) {
            throw failure("searching " + settings.baseDn(), e);
        }
        try (LDAPConnection connection = connect(settings.url())) {
            connection.bind(person.dn(), password);
        } catch (LDAPException e) {
            if (unavailable(e)) {
                throw failure("binding as the person", e);
            }
            throw new CredentialsRejected("the directory refused the password: " + e.getResultCode());
        }
        return person;
    }

    private LDAPConnection serviceConnection(DirectorySettings settings) {
        LDAPConnection connection = connect(settings.url());
        if (settings.bindDn().isEmpty()) {
            return connection;
        }
        try {
            connection.bind(settings.bindDn(), settings.bindPassword().orElse(""));
            return connection;
        } catch (LDAPException e) {
            connection.close();
            if (unavailable(e)) {
                throw failure("binding as the service account", e);
            }
            throw new DirectoryRefused("the directory refused the service account " + settings.bindDn()
                    + ": check the bind DN and password (" + explanation(e) + ")");
        }
    }

    /** Connects to the first of the space-separated URLs that answers. */
    private LDAPConnection connect(String urls) {
        LDAPException last = null;
        for (String one : urls.strip().split("\\s+")) {
            try {
                LDAPURL url = new LDAPURL(one);
                LDAPConnectionOptions options = new LDAPConnectionOptions();
                options.setConnectTimeoutMillis((int) config.ldapTimeout().toMillis());
                options.setResponseTimeoutMillis(config.ldapTimeout().toMillis());
                options.setFollowReferrals(false);
                SocketFactory sockets = null;
                if ("ldaps".equalsIgnoreCase(url.getScheme())) {
                    options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
                    sockets = new SSLUtil(JVMDefaultTrustManager.getInstance()).createSSLSocketFactory();
                }
                return new LDAPConnection(sockets, options, url.getHost(), url.getPort());
            } catch (LDAPException e) {
                last = e;
            } catch (GeneralSecurityException e) {
                throw new DirectoryRefused("TLS could not be set up for " + one + ": " + e.getMessage());
            }
        }
        throw failure("connecting to " + urls, last);
    }

    private static String[] attributes(DirectorySettings settings) {
        List<String> attributes = new ArrayList<>(settings.attributes().requested());
        attributes.add(AD_ACCOUNT_CONTROL);
        if (!settings.disabledAttribute().isEmpty()) {
            attributes.add(settings.disabledAttribute());
        }
        return attributes.toArray(String[]::new);
    }

    private static Optional<DirectoryPerson> person(DirectorySettings settings, SearchResultEntry entry) {
        AttributeMapping mapping = settings.attributes();
        String id = text(entry, mapping.id());
        String login = text(entry, mapping.login());
        if (id.isEmpty() || login.isEmpty()) {
            return Optional.empty();
        }
        List<String> phones = new ArrayList<>();
        for (String attribute : mapping.phones()) {
            for (String value : values(entry, attribute)) {
                if (!value.isBlank() && !phones.contains(value.strip())) {
                    phones.add(value.strip());
                }
            }
        }
        return Optional.of(new DirectoryPerson(id, entry.getDN(), login, text(entry, mapping.email()).toLowerCase(Locale.ROOT),
                text(entry, mapping.name()), text(entry, mapping.position()), text(entry, mapping.department()),
                text(entry, mapping.company()), phones, disabled(settings, entry)));
    }

    private static boolean disabled(DirectorySettings settings, SearchResultEntry entry) {
        String control = text(entry, AD_ACCOUNT_CONTROL);
        if (!control.isEmpty()) {
            try {
                if ((Long.parseLong(control) & AD_ACCOUNT_DISABLED) != 0) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // Not AD's integer flags: not a sign of a disabled account.
            }
        }
        if (settings.disabledAttribute().isEmpty()) {
            return false;
        }
        List<String> values = values(entry, settings.disabledAttribute());
        return settings.disabledValue().isEmpty() ? !values.isEmpty()
                : values.stream().anyMatch(value -> value.equalsIgnoreCase(settings.disabledValue()));
    }

    private static String text(SearchResultEntry entry, String name) {
        List<String> values = values(entry, name);
        return values.isEmpty() ? "" : values.get(0).strip();
    }

    private static List<String> values(SearchResultEntry entry, String name) {
        if (name.isEmpty()) {
            return List.of();
        }
        Attribute attribute = entry.getAttribute(name);
        if (attribute == null) {
            return List.of();
        }
        if (BINARY.contains(name.toLowerCase(Locale.ROOT))) {
            List<String> values = new ArrayList<>();
            for (byte[] value : attribute.getValueByteArrays()) {
                values.add(binary(value));
            }
            return values;
        }
        return List.of(attribute.getValues());
    }

    /** AD's objectGUID in its usual text form (the first three fields little-endian); other binaries in hex. */
    private static String binary(byte[] bytes) {
        if (bytes.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            long high = ((long) buffer.getInt() & 0xffffffffL) << 32 | ((long) buffer.getShort() & 0xffff) << 16 | buffer.getShort() & 0xffff;
            long low = ByteBuffer.wrap(bytes, 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
            return new UUID(high, low).toString();
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append("%02x".formatted(b));
        }
        return hex.toString();
    }

    private static boolean unavailable(LDAPException e) {
        return UNAVAILABLE.contains(e.getResultCode());
    }

    private static RuntimeException failure(String doing, LDAPException e) {
        if (e == null || unavailable(e)) {
            return new DirectoryUnavailable("the directory did not answer while " + doing + (e == null ? "" : ": " + explanation(e)));
        }
        return new DirectoryRefused("the directory refused " + doing + ": " + explanation(e));
    }

    private static String explanation(LDAPException e) {
        String diagnostic = e.getDiagnosticMessage();
        return e.getResultCode() + (diagnostic == null || diagnostic.isBlank() ? "" : " - " + diagnostic);
    }
}
