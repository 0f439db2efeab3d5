package io.stratum.core.security;

import io.smallrye.config.ConfigMapping;

/** This server's secrets. Never logged, never shown. */
@ConfigMapping(prefix = "stratum.security")
public interface SecurityConfig {
    /** Secret for calls between this server's own processes ({@code api_internal_token}). */
    String apiInternalToken();

    /** Secret from which signing and sealing keys are derived ({@code secret_key_base}). */
    String secretKeyBase();
}
