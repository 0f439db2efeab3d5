package io.stratum.admin.auth;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/** The administrator of the current request, set by {@link AccessFilter}; empty on public endpoints. */
@RequestScoped
public class CurrentAdmin {
    private AdminPrincipal principal;

    void set(AdminPrincipal principal) {
        this.principal = principal;
    }

    public Optional<AdminPrincipal> get() {
        return Optional.ofNullable(principal);
    }

    /** The administrator; only call on endpoints that need a session. */
    public AdminPrincipal require() {
        if (principal == null) {
            throw new IllegalStateException("no administrator on this request");
        }
        return principal;
    }
}
