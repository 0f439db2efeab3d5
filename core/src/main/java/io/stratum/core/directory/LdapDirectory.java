package io.stratum.core.directory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

import javax.naming.AuthenticationException;
import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.ServiceUnavailableException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.Control;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.PagedResultsControl;
import javax.naming.ldap.PagedResultsResponseControl;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * The directory over LDAP, through the JDK's JNDI provider (no pooling: one connection per call).
 * Every method <b>blocks</b> on the network for up to {@link DirectoryConfig#ldapTimeout()} per
 * request: call it from a worker thread, never from an event loop. Failures are
 * {@link DirectoryUnavailable} (no answer), {@link DirectoryRefused} (the settings are wrong) and,
 * for {@link #authenticate}, {@link CredentialsRejected}. Passwords never appear in a message.
 */
@ApplicationScoped
public class LdapDirectory {
    private static final int PAGE_SIZE = 500;
    private static final String AD_ACCOUNT_CONTROL = "userAccountControl";
    private static final int AD_ACCOUNT_DISABLED = 0x2;

    private final DirectoryConfig config;

    public LdapDirectory(DirectoryConfig config) {
        this.config = config;
    }

    /** Every person the user filter selects under the base DN, page by page. */
    public List<DirectoryPerson> people(DirectorySettings settings) {
        List<DirectoryPerson> people = new ArrayList<>();
        LdapContext context = serviceContext(settings);
        try {
            byte[] cookie = null;
            do {
                context.setRequestControls(new Control[] {new PagedResultsControl(PAGE_SIZE, cookie, Control.NONCRITICAL)});
                NamingEnumeration<SearchResult> results = context.search(settings.baseDn(), settings.userFilter(), controls(settings));
                while (results.hasMore()) {
                    person(settings, results.next()).ifPresent(people::add);
                }
                cookie = nextPage(context.getResponseControls());
            } while (cookie != null && cookie.length > 0);
            return people;
        } catch (NamingException | IOException e) {
            throw failure("searching " + settings.baseDn(), e);
        } finally {
            close(context);
        }
    }

    /**
     * Finds the one person whose login attribute equals {@code login} (with the service account),
     * then binds as that person with {@code password}. Returns the person, disabled or not (the
     * caller decides). A blank password is rejected before anything is sent: LDAP would treat it
     * as an anonymous bind and succeed.
     */
    public DirectoryPerson authenticate(DirectorySettings settings, String login, String password) {
        if (password == null || password.isEmpty()) {
            throw new CredentialsRejected("empty password");
        }
        DirectoryPerson person;
        LdapContext service = serviceContext(settings);
        try {
            String filter = "(&" + settings.userFilter() + "(" + settings.attributes().login() + "={0}))";
            NamingEnumeration<SearchResult> results = service.search(settings.baseDn(), filter, new Object[] {login}, controls(settings));
            List<DirectoryPerson> found = new ArrayList<>();
            while (results.hasMore()) {
                person(settings, results.next()).ifPresent(found::add);
            }
            if (found.size() != 1) {
                throw new CredentialsRejected(found.isEmpty() ? "no such login" : "the login matches " + found.size() + " people");
            }
            person = found.get(0);
        } catch (NamingException e) {
            throw failure("searching " + settings.baseDn(), e);
        } finally {
            close(service);
        }
        try {
            close(connect(settings.url(), person.dn(), password));
        } catch (AuthenticationException e) {
            throw new CredentialsRejected("wrong password");
        } catch (NamingException e) {
            throw failure("binding as the person", e);
        }
        return person;
    }

    private LdapContext serviceContext(DirectorySettings settings) {
        try {
            return connect(settings.url(), settings.bindDn(), settings.bindPassword().orElse(""));
        } catch (AuthenticationException e) {
            throw new DirectoryRefused("the directory refused the service account " + settings.bindDn()
                    + ": check the bind DN and password (" + explanation(e) + ")");
        } catch (NamingException e) {
            throw failure("binding as the service account", e);
        }
    }

    private LdapContext connect(String url, String dn, String password) throws NamingException {
        Hashtable<String, Object> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        environment.put(Context.PROVIDER_URL, url);
        environment.put(Context.REFERRAL, "ignore");
        environment.put("com.sun.jndi.ldap.connect.timeout", Long.toString(config.ldapTimeout().toMillis()));
        environment.put("com.sun.jndi.ldap.read.timeout", Long.toString(config.ldapTimeout().toMillis()));
        environment.put("java.naming.ldap.attributes.binary", "objectGUID objectSid");
        if (dn.isEmpty()) {
            environment.put(Context.SECURITY_AUTHENTICATION, "none");
        } else {
            environment.put(Context.SECURITY_AUTHENTICATION, "simple");
            environment.put(Context.SECURITY_PRINCIPAL, dn);
            environment.put(Context.SECURITY_CREDENTIALS, password);
        }
        return new InitialLdapContext(environment, null);
    }

    private static SearchControls controls(DirectorySettings settings) {
        List<String> attributes = new ArrayList<>(settings.attributes().requested());
        attributes.add(AD_ACCOUNT_CONTROL);
        if (!settings.disabledAttribute().isEmpty()) {
            attributes.add(settings.disabledAttribute());
        }
        SearchControls controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setReturningAttributes(attributes.toArray(String[]::new));
        return controls;
    }

    private static java.util.Optional<DirectoryPerson> person(DirectorySettings settings, SearchResult result) throws NamingException {
        Attributes attributes = result.getAttributes();
        AttributeMapping mapping = settings.attributes();
        String id = text(attributes, mapping.id());
        String login = text(attributes, mapping.login());
        if (id.isEmpty() || login.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> phones = new ArrayList<>();
        for (String attribute : mapping.phones()) {
            each(attributes, attribute, value -> {
                if (!value.isBlank() && !phones.contains(value.strip())) {
                    phones.add(value.strip());
                }
            });
        }
        return java.util.Optional.of(new DirectoryPerson(id, result.getNameInNamespace(), login,
                text(attributes, mapping.email()).toLowerCase(Locale.ROOT), text(attributes, mapping.name()),
                text(attributes, mapping.position()), text(attributes, mapping.department()), text(attributes, mapping.company()),
                phones, disabled(settings, attributes)));
    }

    private static boolean disabled(DirectorySettings settings, Attributes attributes) throws NamingException {
        String control = text(attributes, AD_ACCOUNT_CONTROL);
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
        List<String> values = new ArrayList<>();
        each(attributes, settings.disabledAttribute(), values::add);
        return settings.disabledValue().isEmpty() ? !values.isEmpty()
                : values.stream().anyMatch(value -> value.equalsIgnoreCase(settings.disabledValue()));
    }

    private static String text(Attributes attributes, String name) throws NamingException {
        if (name.isEmpty()) {
            return "";
        }
        List<String> values = new ArrayList<>();
        each(attributes, name, values::add);
        return values.isEmpty() ? "" : values.get(0).strip();
    }

    private static void each(Attributes attributes, String name, Consumer<String> sink) throws NamingException {
        Attribute attribute = attributes.get(name);
        if (attribute == null) {
            return;
        }
        NamingEnumeration<?> values = attribute.getAll();
        while (values.hasMore()) {
            Object value = values.next();
            sink.accept(value instanceof byte[] bytes ? binary(bytes) : String.valueOf(value));
        }
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

    private static byte[] nextPage(Control[] controls) {
        if (controls != null) {
            for (Control control : controls) {
                if (control instanceof PagedResultsResponseControl paged) {
                    return paged.getCookie();
                }
            }
        }
        return null;
    }

    private static RuntimeException failure(String doing, Exception e) {
        if (e instanceof CommunicationException || e instanceof ServiceUnavailableException
                || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("timed out")) {
            return new DirectoryUnavailable("the directory did not answer while " + doing + ": " + explanation(e));
        }
        return new DirectoryRefused("the directory refused " + doing + ": " + explanation(e));
    }

    private static String explanation(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return root == e ? text : text + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private static void close(Context context) {
        try {
            context.close();
        } catch (NamingException e) {
            // Closing a connection we are done with: nothing to do about a failure.
        }
    }
}
