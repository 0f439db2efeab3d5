package io.stratum.core.account;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.stratum.core.chat.MemberAddress;
import io.stratum.core.federation.FederationSignals;
import io.stratum.core.federation.SignalAnswers;
import io.stratum.core.server.ServerConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Users' profiles, of this server's users and, through the trusts, of other servers' users: a
 * {@code user.profile} question to the user's server, answered from its own users (active ones only).
 */
@ApplicationScoped
public class UserProfiles implements SignalAnswers {
    static final String PROFILE = "user.profile";
    static final Duration REMOTE_TIMEOUT = Duration.ofSeconds(5);

    private final ChatUsers users;
    private final Pool database;
    private final FederationSignals signals;
    private final String ownId;

    public UserProfiles(ChatUsers users, Pool database, FederationSignals signals, ServerConfig server) {
        this.users = users;
        this.database = database;
        this.signals = signals;
        this.ownId = server.id();
    }

    @Override
    public String kind() {
        return PROFILE;
    }

    /** The profile at {@code address}; 404 {@code no_such_user}, or the errors of asking another server. */
    public Uni<UserProfile> of(MemberAddress address) {
        if (address.local()) {
            return local(address.huid());
        }
        return signals.ask(address.server(), PROFILE, new JsonObject().put("huid", address.huid().toString()), REMOTE_TIMEOUT)
                .map(answer -> UserProfile.fromRemote(answer, address.server()));
    }

    @Override
    public Uni<JsonObject> answer(String origin, JsonObject payload) {
        UUID huid;
        try {
            huid = UUID.fromString(payload.getString("huid"));
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(noSuchUser());
        }
        return local(huid).map(UserProfile::toRemoteJson);
    }

    private Uni<UserProfile> local(UUID huid) {
        return users.byHuid(huid).chain(found -> {
            ChatUser user = found.filter(ChatUser::active).orElseThrow(UserProfiles::noSuchUser);
            return database.preparedQuery("SELECT 1 FROM user_avatar WHERE huid = $1").execute(Tuple.of(huid))
                    .map(rows -> new UserProfile(huid.toString(), user.address(), ownId, user.name(), user.company(), user.department(),
                            user.position(), user.email(), user.phone(), rows.size() > 0));
        });
    }

    static ApiException noSuchUser() {
        return ApiException.notFound("no_such_user", "no active user has this address");
    }
}
