package io.stratum.trusts;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The server above this one (an RTS, or an ETS for a CTS under it), from settings.yaml's
 * {@code rts_host}, {@code rts_id} and {@code rts_token}. All empty on an RTS and on a server
 * installed without an upstream.
 */
@ConfigMapping(prefix = "stratum.upstream")
public interface UpstreamConfig {
    /** Host name of the upstream server ({@code rts_host}). */
    Optional<String> host();

    /** Id of the upstream server ({@code rts_id}). */
    Optional<String> id();

    /** Token the upstream presents when it connects to us (first half of {@code rts_token}). Secret. */
    Optional<String> tokenForAccept();

    /** Token we present when we connect to the upstream (second half of {@code rts_token}). Secret. */
    Optional<String> tokenForConnect();
}
