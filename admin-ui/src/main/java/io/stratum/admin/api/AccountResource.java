package io.stratum.admin.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stratum.admin.auth.AnyAdministrator;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.OwnAccount;
import io.stratum.admin.web.AdminPaths;

/** The logged-in administrator's own account: password and TOTP second factor. */
@Path(AdminPaths.API + "/account")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: own account")
public class AccountResource {
    private final OwnAccount account;
    private final CurrentAdmin current;

    public AccountResource(OwnAccount account, CurrentAdmin current) {
        this.account = account;
        this.current = current;
    }

    /** {@code current}: the current password; {@code password}: the new one. */
    public record PasswordChange(String current, String password) {
    }

    /** A TOTP code or the current password. */
    public record Confirmation(String code, String current) {
    }

    @PUT
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @AnyAdministrator
    @Operation(summary = "Change the own password (policy applies; other sessions end)")
    public void changePassword(PasswordChange change) {
        account.changePassword(current.require(), change == null ? null : change.current(), change == null ? null : change.password());
    }

    @POST
    @Path("/totp")
    @AnyAdministrator
    @Operation(summary = "Start TOTP enrollment: returns the secret and otpauth URI, shown this once")
    public OwnAccount.Enrollment startTotp() {
        return account.startTotp(current.require());
    }

    @POST
    @Path("/totp/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @AnyAdministrator
    @Operation(summary = "Turn TOTP on with the first code from the authenticator app")
    public void confirmTotp(Confirmation confirmation) {
        account.confirmTotp(current.require(), confirmation == null ? null : confirmation.code());
    }

    @POST
    @Path("/totp/disable")
    @Consumes(MediaType.APPLICATION_JSON)
    @AnyAdministrator
    @Operation(summary = "Turn TOTP off (needs the current password)")
    public void disableTotp(Confirmation confirmation) {
        account.disableTotp(current.require(), confirmation == null ? null : confirmation.current());
    }
}
