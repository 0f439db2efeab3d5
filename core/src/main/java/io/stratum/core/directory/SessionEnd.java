package io.stratum.core.directory;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.stratum.core.account.DeviceSessions;
import io.stratum.core.live.SessionTermination;

/**
 * Ends every session of a user the directory disabled: revokes the devices (their tokens stop
 * working on every instance at once, since tokens are checked in the database) and closes the
 * user's WebSockets on every instance (close code 4401 after a {@code session_ended} error frame,
 * through {@link SessionTermination}).
 */
@ApplicationScoped
public class SessionEnd {
    private static final Logger LOGGER = Logger.getLogger(SessionEnd.class);

    private final DeviceSessions devices;
    private final SessionTermination termination;

    public SessionEnd(DeviceSessions devices, SessionTermination termination) {
        this.devices = devices;
        this.termination = termination;
    }

    /** Revokes the user's devices and closes their connections on every instance; returns how many devices were revoked. */
    public Uni<Integer> endAll(UUID huid) {
        return devices.revokeAll(huid).map(revoked -> {
            termination.end(huid, revoked);
            LOGGER.infov("Directory disabled a user: user={0} devices_revoked={1}", huid, revoked.size());
            return revoked.size();
        });
    }
}
