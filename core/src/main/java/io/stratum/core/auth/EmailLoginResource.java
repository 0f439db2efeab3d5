package io.stratum.core.auth;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.smallrye.mutiny.Uni;
import io.stratum.core.account.ChatUsers;
import io.stratum.core.account.Platform;
import io.stratum.core.account.RegistrationSettings;
import io.stratum.core.api.ApiException;
import io.stratum.core.mail.MailNotSent;
import io.stratum.core.mail.OutgoingMail;
import io.stratum.core.runtime.RuntimeSettings;
import io.vertx.core.http.HttpServerRequest;

/**
 * Login by e-mail and a one-time PIN (ETS, CTS; on RTS the alternative to SMS). Step one sends a PIN
 * to the address; step two exchanges address + PIN for a device and its tokens, registering the
 * user on first login if the address matches the registration mask.
 */
@Path("/api/v1/auth/email")
@Tag(name = "Authentication")
public class EmailLoginResource {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s.]+|[^@\\s]{1,64}@[A-Za-z0-9-]{1,63}");
    static final String CHANNEL = "email";

    private final OneTimeCodes codes;
    private final OutgoingMail mail;
    private final ChatUsers users;
    private final RuntimeSettings settings;
    private final AuthConfig config;
    private final LoginAudit audit;
    private final DeviceLogin login;

    public EmailLoginResource(OneTimeCodes codes, OutgoingMail mail, ChatUsers users, RuntimeSettings settings, AuthConfig config,
            LoginAudit audit, DeviceLogin login) {
        this.audit = audit;
        this.login = login;
        this.codes = codes;
        this.mail = mail;
        this.users = users;
        this.settings = settings;
        this.config = config;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CodeRequest(String email) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CodeSent(String email, long expiresIn, long resendAfter) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LoginRequest(String email, String code, String platform, String appVersion, String deviceName) {
    }

    @POST
    @Path("/code")
    @Operation(summary = "Send a one-time PIN to an e-mail address")
    public Uni<Response> sendCode(CodeRequest request, @Context HttpServerRequest http) {
        String email = normalized(request == null ? null : request.email());
        String ip = http.remoteAddress().hostAddress();
        return mayLogIn(email)
                .chain(() -> codes.issue(CHANNEL, email, ip))
                .chain(code -> mail.send(email, "Your Stratum PIN: " + code,
                        "Your PIN is " + code + ". It is valid for " + config.codeLifetime().toMinutes()
                                + " minutes.\n\nIf you did not try to log in to Stratum, ignore this message.\n"))
                .onFailure(MailNotSent.class).transform(failure -> new ApiException(503, "mail_unavailable",
                        "the PIN could not be sent by e-mail; try again later or ask your administrator"))
                .map(sent -> Response.accepted(new CodeSent(email, config.codeLifetime().toSeconds(), config.resendAfter().toSeconds()))
                        .build());
    }

    @POST
    @Path("/login")
    @Operation(summary = "Exchange an e-mail address and its PIN for a device and tokens")
    public Uni<DeviceLogin.LoginResult> login(LoginRequest request, @Context HttpServerRequest http) {
        if (request == null) {
            throw ApiException.badRequest("bad_request", "send a JSON object with email, code and platform");
        }
        String email = normalized(request.email());
        String code = request.code() == null ? "" : request.code().strip();
        if (!code.matches("[0-9]{6}")) {
            throw ApiException.badRequest("code_malformed", "the code is the six digits from the e-mail");
        }
        Platform platform = DeviceLogin.platform(request.platform());
        String ip = http.remoteAddress().hostAddress();
        return mayLogIn(email)
                .chain(() -> codes.verify(CHANNEL, email, code))
                .chain(() -> users.byEmail(email))
                .chain(existing -> existing.map(user -> Uni.createFrom().item(user)).orElseGet(() -> users.createByEmail(email)))
                .chain(user -> login.open(user, email, platform, request.appVersion(), request.deviceName(), ip))
                .onFailure().invoke(failure -> audit.loginFailed(email, ip, failure));
    }

    /** Existing users may always log in; new ones only if the address matches the registration mask. */
    private Uni<Void> mayLogIn(String email) {
        return users.byEmail(email).chain(existing -> {
            if (existing.isPresent()) {
                if (!existing.get().active()) {
                    throw ApiException.forbidden("user_blocked", "this account is blocked; ask your administrator");
                }
                return Uni.createFrom().voidItem();
            }
            return settings.get(RegistrationSettings.SETTING).map(registration -> {
                if (!registration.allowsEmail(email)) {
                    throw new ApiException(403, "registration_closed",
                            "this address may not register on this server; use your corporate e-mail address",
                            Map.of("email", email));
                }
                return null;
            });
        });
    }

    static String normalized(String email) {
        String value = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            throw ApiException.badRequest("email_invalid", "enter an e-mail address such as name@company.example");
        }
        return value;
    }

}
