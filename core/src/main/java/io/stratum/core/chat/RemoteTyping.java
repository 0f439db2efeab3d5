package io.stratum.core.chat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stratum.core.federation.FederationSignals;
import io.stratum.core.federation.SignalAnswers;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Typing across servers ({@code chat.typing}): a local member's typing in a chat that spans servers is
 * signalled straight to every other member server (not through the home: typing is not ordered and
 * may be lost), which shows it to its own members. Taken only from the member's own server.
 */
@ApplicationScoped
public class RemoteTyping implements SignalAnswers {
    static final String TYPING = "chat.typing";

    private final Pool database;
    private final FederationSignals signals;
    private final ChatEventPublisher publisher;

    public RemoteTyping(Pool database, FederationSignals signals, ChatEventPublisher publisher) {
        this.database = database;
        this.signals = signals;
        this.publisher = publisher;
    }

    @Override
    public String kind() {
        return TYPING;
    }

    /** Tells the other member {@code servers} of {@code chat} that the local {@code member} is typing. */
    void tell(UUID chat, UUID member, Set<String> servers) {
        JsonObject typing = new JsonObject().put("chat", chat.toString()).put("member", member.toString());
        for (String server : servers) {
            signals.send(server, TYPING, typing);
        }
    }

    @Override
    public Uni<JsonObject> answer(String origin, JsonObject payload) {
        UUID chat = UUID.fromString(payload.getString("chat"));
        UUID member = UUID.fromString(payload.getString("member"));
        return database.preparedQuery("SELECT huid, server FROM chat_member WHERE chat_id = $1").execute(Tuple.of(chat)).map(rows -> {
            boolean fromMembersServer = false;
            List<UUID> others = new java.util.ArrayList<>();
            for (Row row : rows) {
                if (row.getUUID(0).equals(member)) {
                    fromMembersServer = origin.equals(row.getString(1));
                } else if (row.getString(1) == null) {
                    others.add(row.getUUID(0));
                }
            }
            if (fromMembersServer) {
                publisher.signal(chat, new JsonObject().put("type", "typing").put("chat", chat.toString()).put("member", member.toString()), others);
            }
            return null;
        });
    }
}
