package io.stratum.core.federation;

import io.stratum.core.api.ApiException;

/** The errors a user sees when another server cannot be asked. */
public final class FederationErrors {
    private FederationErrors() {
    }

    public static ApiException unreachable(String server) {
        return new ApiException(502, "server_unreachable", "server " + server + " cannot be reached now; try again later");
    }

    public static ApiException timeout(String server) {
        return new ApiException(504, "server_timeout", "server " + server + " did not answer in time; try again later");
    }
}
