package io.stratum.core.auth;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.smallrye.mutiny.Uni;
import io.stratum.core.account.ChatUser;
import io.stratum.core.account.DeviceSessions;
import io.stratum.core.account.Platform;
import io.stratum.core.api.ApiException;

/**
 * The last step every login method shares: a verified, active user gets a new device and its tokens,
 * and the login is audited. Each login resource proves the user's identity its own way first.
 */
@ApplicationScoped
public class DeviceLogin {
    private static final Logger LOGGER = Logger.getLogger(DeviceLogin.class);

    private final DeviceSessions sessions;
    private final LoginAudit audit;

    public DeviceLogin(DeviceSessions sessions, LoginAudit audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /** What a successful login answers. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LoginResult(String huid, String address, String deviceId, String accessToken, long accessExpiresIn,
            String refreshToken, long refreshExpiresIn) {
    }

    /** The platform a client names, or 400 {@code platform_invalid}. */
    public static Platform platform(String code) {
        return Platform.fromCode(code == null ? "" : code.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ApiException.badRequest("platform_invalid", "platform must be android, ios, web or desktop"));
    }

    /**
     * Opens a device for {@code user}, whose identity the caller has verified; {@code login} is what
     * the user logged in with (e-mail, phone, directory login), for the audit. A blocked user gets 403.
     */
    public Uni<LoginResult> open(ChatUser user, String login, Platform platform, String appVersion, String deviceName, String ip) {
        if (!user.active()) {
            throw ApiException.forbidden("user_blocked", "this account is blocked; ask your administrator");
        }
        return sessions.open(user.huid(), platform, limited(appVersion), limited(deviceName), ip).map(tokens -> {
            audit.loggedIn(login, tokens.deviceId().toString(), ip);
            LOGGER.infov("Login: user={0} device={1} platform={2}", user.huid(), tokens.deviceId(), platform.code());
            return new LoginResult(user.huid().toString(), user.address(), tokens.deviceId().toString(), tokens.accessToken(),
                    tokens.accessExpiresIn(), tokens.refreshToken(), tokens.refreshExpiresIn());
        });
    }

    private static String limited(String value) {
        String text = value == null ? "" : value.strip();
        return text.length() > 100 ? text.substring(0, 100) : text;
    }
}
