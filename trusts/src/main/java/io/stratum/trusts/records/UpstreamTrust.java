package io.stratum.trusts.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.stratum.trusts.UpstreamConfig;

/**
 * Creates the trust with the upstream server (an RTS, or the ETS above a CTS) from settings.yaml's
 * {@code rts_host}, {@code rts_id} and {@code rts_token} at every start, so changing them there and
 * restarting is how an administrator moves a server under another upstream.
 */
@ApplicationScoped
public class UpstreamTrust {
    private static final Logger LOGGER = Logger.getLogger(UpstreamTrust.class);

    private final UpstreamConfig upstream;
    private final TrustRecords trusts;

    public UpstreamTrust(UpstreamConfig upstream, TrustRecords trusts) {
        this.upstream = upstream;
        this.trusts = trusts;
    }

    void onStart(@Observes StartupEvent event) {
        if (upstream.id().isEmpty() || upstream.host().isEmpty() || upstream.tokenForAccept().isEmpty() || upstream.tokenForConnect().isEmpty()) {
            return;
        }
        String id = upstream.id().get();
        trusts.ensureUpstream(id, upstream.host().get(), upstream.tokenForAccept().get(), upstream.tokenForConnect().get())
                .subscribe().with(done -> LOGGER.infov("Upstream trust with {0} is set from settings.yaml", id),
                        failure -> LOGGER.errorv("Upstream trust with {0} not saved: {1}", id,
                                failure instanceof TrustInvalid invalid ? invalid.getMessage() : failure.getClass().getName()));
    }
}
