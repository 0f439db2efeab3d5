package io.stratum.core.directory;

import java.util.Locale;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.smallrye.mutiny.Uni;
import io.stratum.core.account.ChatUsers;
import io.stratum.core.account.DeviceSessions;
import io.stratum.core.account.Platform;
import io.stratum.core.addressbook.AddressBook;
import io.stratum.core.api.ApiException;
import io.stratum.core.auth.DeviceLogin.LoginResult;
import io.stratum.core.auth.LoginAudit;
import io.vertx.core.http.HttpServerRequest;

/**
 * Login with directory credentials (CTS, when the directory integration is on): the login and
 * password are checked by binding to the directory as the person; on success the person's chat
 * user is created or updated from the directory and the device gets tokens exactly as after an
 * e-mail PIN login.
 */
@Path("/api/v1/auth/directory")
@Tag(name = "Authentication")
public class DirectoryLoginResource {
    private static final Logger LOGGER = Logger.getLogger(DirectoryLoginResource.class);
    private static final int MAX_LOGIN = 256;
    private static final int MAX_PASSWORD = 1024;

    private final DirectorySettingsStore settings;
    private final LdapDirectory directory;
    private final DirectoryAccounts accounts;
    private final AddressBook book;
    private final DeviceSessions sessions;
    private final ChatUsers users;
    private final DirectoryLoginThrottle throttle;
    private final LoginAudit audit;

    public DirectoryLoginResource(DirectorySettingsStore settings, LdapDirectory directory, DirectoryAccounts accounts, AddressBook book,
            DeviceSessions sessions, ChatUsers users, DirectoryLoginThrottle throttle, LoginAudit audit) {
        this.audit = audit;
        this.settings = settings;
        this.directory = directory;
        this.accounts = accounts;
        this.book = book;
        this.sessions = sessions;
        this.users = users;
        this.throttle = throttle;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DirectoryLoginRequest(String login, String password, String platform, String appVersion, String deviceName) {
    }

    @POST
    @Operation(summary = "Log in with directory (AD/LDAP) credentials; returns a device and tokens like the e-mail PIN login")
    public Uni<LoginResult> login(DirectoryLoginRequest request, @Context HttpServerRequest http) {
        if (request == null) {
            throw ApiException.badRequest("bad_request", "send a JSON object with login, password and platform");
        }
        String login = request.login() == null ? "" : request.login().strip();
        String password = request.password() == null ? "" : request.password();
        if (login.isEmpty() || login.length() > MAX_LOGIN) {
            throw ApiException.badRequest("login_invalid", "enter your directory login (e.g. ivanov or ivanov@corp.local)");
        }
        if (password.isEmpty() || password.length() > MAX_PASSWORD) {
            throw ApiException.badRequest("password_missing", "enter your directory password");
        }
        Platform platform = Platform.fromCode(request.platform() == null ? "" : request.platform().strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ApiException.badRequest("platform_invalid", "platform must be android, ios, web or desktop"));
        String key = login.toLowerCase(Locale.ROOT);
        String ip = http.remoteAddress().hostAddress();
        return settings.current()
                .invoke(current -> {
                    if (!current.enabled()) {
                        throw new ApiException(404, "directory_login_off", "this server does not offer directory login; log in by e-mail");
                    }
                })
                .call(current -> throttle.check(key, ip))
                .chain(current -> DirectorySync.blocking(() -> directory.authenticate(current, login, password)))
                .onFailure(CredentialsRejected.class).call(failure -> throttle.failed(key, ip))
                .onFailure(CredentialsRejected.class).transform(failure -> new ApiException(401, "directory_credentials_invalid",
                        "the login or the password is wrong"))
                .onFailure(DirectoryUnavailable.class).transform(failure -> {
                    LOGGER.warnv("Directory login impossible: {0}", failure.getMessage());
                    return new ApiException(503, "directory_unavailable",
                            "the corporate directory does not answer; try again later or log in by e-mail");
                })
                .onFailure(DirectoryRefused.class).transform(failure -> {
                    LOGGER.warnv("Directory login impossible: {0}", failure.getMessage());
                    return new ApiException(503, "directory_misconfigured",
                            "the server cannot search the corporate directory; tell your administrator");
                })
                .chain(person -> {
                    if (person.disabled()) {
                        throw ApiException.forbidden("user_disabled", "this account is disabled in the corporate directory");
                    }
                    // An entry the address book cannot hold (say, a 300-character name) must not stop the login.
                    return accounts.put(person).call(outcome -> book.putFromDirectory(person.id(), person.entry(), outcome.huid())
                            .onFailure(ApiException.class).recoverWithUni(failure -> {
                                LOGGER.warnv("Directory person not in the address book: dn={0} reason={1}", person.dn(), failure.getMessage());
                                return Uni.createFrom().voidItem();
                            }));
                })
                .call(() -> throttle.succeeded(key))
                .chain(outcome -> {
                    if (!"active".equals(outcome.status())) {
                        throw ApiException.forbidden("user_blocked", "this account is blocked; ask your administrator");
                    }
                    return sessions.open(outcome.huid(), platform, limited(request.appVersion()), limited(request.deviceName()), ip)
                            .map(tokens -> {
                                audit.loggedIn(login, tokens.deviceId().toString(), ip);
                                LOGGER.infov("Directory login: user={0} device={1} platform={2}", outcome.huid(), tokens.deviceId(),
                                        platform.code());
                                return new LoginResult(outcome.huid().toString(), users.address(outcome.huid()),
                                        tokens.deviceId().toString(), tokens.accessToken(), tokens.accessExpiresIn(), tokens.refreshToken(),
                                        tokens.refreshExpiresIn());
                            });
                })
                .onFailure().invoke(failure -> audit.loginFailed(login, ip, failure));
    }

    private static String limited(String value) {
        String text = value == null ? "" : value.strip();
        return text.length() > 100 ? text.substring(0, 100) : text;
    }
}
