package io.stratum.core.auth;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
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
import io.stratum.core.runtime.RuntimeSettings;
import io.stratum.core.server.ServerConfig;
import io.stratum.core.sms.SmsNotSent;
import io.stratum.core.sms.SmsSender;
import io.vertx.core.http.HttpServerRequest;

/**
 * Login by phone number and a one-time code sent by SMS — the way users register on an RTS. Step one
 * sends a code to the number; step two exchanges number + code for a device and its tokens,
 * registering the user on first login while phone registration is on. Other roles answer 403
 * {@code phone_login_unavailable}: their users log in by e-mail or directory.
 */
@Path("/api/v1/auth/phone")
@Tag(name = "Authentication")
public class PhoneLoginResource {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    static final String CHANNEL = "sms";

    private final OneTimeCodes codes;
    private final SmsSender sms;
    private final ChatUsers users;
    private final RuntimeSettings settings;
    private final AuthConfig config;
    private final LoginAudit audit;
    private final DeviceLogin login;
    private final boolean regional;

    public PhoneLoginResource(OneTimeCodes codes, SmsSender sms, ChatUsers users, RuntimeSettings settings, AuthConfig config,
            LoginAudit audit, DeviceLogin login, ServerConfig server) {
        this.codes = codes;
        this.sms = sms;
        this.users = users;
        this.settings = settings;
        this.config = config;
        this.audit = audit;
        this.login = login;
        this.regional = "rts".equals(server.role());
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CodeRequest(String phone) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CodeSent(String phone, long expiresIn, long resendAfter) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LoginRequest(String phone, String code, String platform, String appVersion, String deviceName) {
    }

    @POST
    @Path("/code")
    @Operation(summary = "Send a one-time code by SMS to a phone number (RTS)")
    public Uni<Response> sendCode(CodeRequest request, @Context HttpServerRequest http) {
        available();
        String phone = normalized(request == null ? null : request.phone());
        String ip = http.remoteAddress().hostAddress();
        return mayLogIn(phone)
                .chain(() -> codes.issue(CHANNEL, phone, ip))
                .chain(code -> sms.send(phone, "Stratum code: " + code + ". Valid " + config.codeLifetime().toMinutes() + " min."))
                .onFailure(SmsNotSent.class).transform(failure -> new ApiException(503, "sms_unavailable",
                        "the code could not be sent by SMS; try again later or log in by e-mail"))
                .map(sent -> Response.accepted(new CodeSent(phone, config.codeLifetime().toSeconds(), config.resendAfter().toSeconds()))
                        .build());
    }

    @POST
    @Path("/login")
    @Operation(summary = "Exchange a phone number and its SMS code for a device and tokens (RTS)")
    public Uni<DeviceLogin.LoginResult> login(LoginRequest request, @Context HttpServerRequest http) {
        available();
        if (request == null) {
            throw ApiException.badRequest("bad_request", "send a JSON object with phone, code and platform");
        }
        String phone = normalized(request.phone());
        String code = request.code() == null ? "" : request.code().strip();
        if (!code.matches("[0-9]{6}")) {
            throw ApiException.badRequest("code_malformed", "the code is the six digits from the SMS");
        }
        Platform platform = DeviceLogin.platform(request.platform());
        String ip = http.remoteAddress().hostAddress();
        return mayLogIn(phone)
                .chain(() -> codes.verify(CHANNEL, phone, code))
                .chain(() -> users.byPhone(phone))
                .chain(existing -> existing.map(user -> Uni.createFrom().item(user)).orElseGet(() -> users.createByPhone(phone)))
                .chain(user -> login.open(user, phone, platform, request.appVersion(), request.deviceName(), ip))
                .onFailure().invoke(failure -> audit.loginFailed(phone, ip, failure));
    }

    private void available() {
        if (!regional) {
            throw ApiException.forbidden("phone_login_unavailable", "this server logs users in by e-mail; phone login is on the RTS");
        }
    }

    /** Existing users may always log in; new ones only while phone registration is on. */
    private Uni<Void> mayLogIn(String phone) {
        return users.byPhone(phone).chain(existing -> {
            if (existing.isPresent()) {
                if (!existing.get().active()) {
                    throw ApiException.forbidden("user_blocked", "this account is blocked; ask your administrator");
                }
                return Uni.createFrom().voidItem();
            }
            return settings.get(RegistrationSettings.SETTING).map(registration -> {
                if (!registration.phoneRegistration()) {
                    throw new ApiException(403, "registration_closed", "registration by phone is closed on this server",
                            Map.of("phone", phone));
                }
                return null;
            });
        });
    }

    /** The number in E.164 form: spaces, dashes, dots and brackets are dropped; a leading 8 is not guessed. */
    static String normalized(String phone) {
        String value = phone == null ? "" : phone.replaceAll("[\\s\\-().]", "");
        if (!E164.matcher(value).matches()) {
            throw ApiException.badRequest("phone_invalid", "enter the number in international form, such as +7 999 123-45-67");
        }
        return value;
    }
}
