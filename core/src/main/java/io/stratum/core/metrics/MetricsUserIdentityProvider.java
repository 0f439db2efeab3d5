package io.stratum.core.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stratum.common.password.PasswordHash;

/**
 * Checks HTTP basic credentials for the metrics endpoint against {@code prometheus_users}. A bcrypt
 * check costs a quarter of a second, so it runs on a worker thread and a successful check is
 * remembered as a SHA-256 digest: a scraper every 15 s does not pay it again.
 */
@ApplicationScoped
public class MetricsUserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    /** The role a metrics reader gets. */
    public static final String ROLE = "metrics";
    private static final Logger LOGGER = Logger.getLogger(MetricsUserIdentityProvider.class);

    private final Map<String, String> hashes;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

    public MetricsUserIdentityProvider(MetricsConfig config) {
        this.hashes = Map.copyOf(config.prometheusUsers());
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String user = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        byte[] digest = digest(user, password);
        byte[] remembered = verified.get(user);
        if (remembered != null && MessageDigest.isEqual(remembered, digest)) {
            return Uni.createFrom().item(identity(user));
        }
        return context.runBlocking(() -> {
            String hash = hashes.get(user);
            if (hash == null || !PasswordHash.matches(password, hash)) {
                LOGGER.infov("Metrics login refused: user={0}", user);
                throw new AuthenticationFailedException();
            }
            verified.put(user, digest);
            return identity(user);
        });
    }

    private static SecurityIdentity identity(String user) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user)).addRole(ROLE).build();
    }

    private static byte[] digest(String user, String password) {
        try {
            return MessageDigest.getInstance("SHA-256").digest((user + '\0' + password).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
