package io.stratum.core.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.stratum.core.account.Caller;
import io.stratum.core.api.ApiException;

/** Moves a {@link Caller} in and out of Quarkus' {@link SecurityIdentity}. */
public final class CallerIdentity {
    /** The role every authenticated chat user has. */
    public static final String ROLE = "chat-user";
    static final String CALLER = "stratum.caller";
    static final String TOKEN_INVALID = "stratum.token-invalid";

    private CallerIdentity() {
    }

    static SecurityIdentity of(Caller caller) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(caller.huid().toString()))
                .addRole(ROLE).addAttribute(CALLER, caller).build();
    }

    static SecurityIdentity invalidToken() {
        return QuarkusSecurityIdentity.builder().setAnonymous(true).addAttribute(TOKEN_INVALID, Boolean.TRUE).build();
    }

    /** The caller of this request; 401 {@code token_invalid} or {@code unauthorized} when there is none. */
    public static Caller require(SecurityIdentity identity) {
        Caller caller = identity.getAttribute(CALLER);
        if (caller != null) {
            return caller;
        }
        if (Boolean.TRUE.equals(identity.getAttribute(TOKEN_INVALID))) {
            throw new ApiException(401, "token_invalid", "the access token is unknown, expired or revoked; refresh it or log in again");
        }
        throw new ApiException(401, "unauthorized", "a valid access token is required (Authorization: Bearer ...)");
    }
}
