package io.stratum.core.chat;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;


import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.stratum.core.federation.FederationQueue;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends of this server's users to chats whose home is another server. The request is checked against
 * the local replica (the author must be a member), queued durably as a {@code chat.append} envelope
 * for the home, and answered when the home's event for it comes back ({@link #confirmed}) or the home
 * refuses it ({@link #refused}). If neither happens within {@code remote-confirm-timeout} the sender
 * gets {@code queued}: the envelope stays queued and the message arrives when the home answers.
 */
@ApplicationScoped
public class RemoteSends {
    public static final String APPEND = "chat.append";
    public static final String REFUSED = "chat.refused";

    private final Pool database;
    private final FederationQueue queue;
    private final HomeAnswers<Appended> answers;

    public RemoteSends(Pool database, FederationQueue queue, MessagingConfig config) {
        this.database = database;
        this.queue = queue;
        this.answers = new HomeAnswers<>(config.remoteConfirmTimeout(), "message");
    }

    /** Forwards a local user's request to the chat's home server. */
    Uni<Appended> forward(Append append, String home) {
        String key = key(append.author().toString(), append.clientId());
        CompletableFuture<Appended> answer = answers.expect(key);
        return database.withTransaction(connection -> connection.preparedQuery(ChatEvents.SELECT + " WHERE author = $1 AND client_id = $2")
                        .execute(Tuple.of(append.author(), append.clientId()))
                        .chain(existing -> {
                            if (existing.iterator().hasNext()) {
                                return Uni.createFrom().item(new Appended(ChatEvents.from(existing.iterator().next()), true));
                            }
                            return connection.preparedQuery("SELECT 1 FROM chat_member m JOIN chat c ON c.id = m.chat_id "
                                            + "WHERE m.chat_id = $1 AND m.huid = $2 AND m.server IS NULL AND c.deleted_at IS NULL")
                                    .execute(Tuple.of(append.chatId(), append.author()))
                                    .chain(member -> {
                                        if (!member.iterator().hasNext()) {
                                            throw ChatErrors.noSuchChat();
                                        }
                                        return queue.enqueue(connection, List.of(new FederationQueue.Outgoing(home, APPEND, append.toJson())));
                                    })
                                    .replaceWith((Appended) null);
                        }))
                .chain(done -> {
                    if (done != null) {
                        return Uni.createFrom().item(done);
                    }
                    queue.wake();
                    return answers.await(key, answer, home);
                })
                .onTermination().invoke(() -> answers.forget(key, answer));
    }

    /** A replica received the home's event: answers the sender waiting for it, if any. */
    void confirmed(ChatEvent event) {
        if (event.clientId() != null) {
            answers.answer(key(event.author().toString(), event.clientId()), new Appended(event, false));
        }
    }

    /** The home refused a forwarded request ({@code chat.refused}). */
    void refused(JsonObject payload) {
        answers.refuse(key(payload.getString("author", ""), payload.getString("client_id", "")), payload);
    }

    /** The refusal a home sends back for a remote member's request that it cannot take. */
    static JsonObject refusal(Append append, ApiException failure) {
        return new JsonObject().put("author", append.author().toString()).put("client_id", append.clientId())
                .put("chat", append.chatId().toString()).put("status", failure.status()).put("code", failure.code())
                .put("message", failure.getMessage());
    }

    private static String key(String author, String clientId) {
        return author + "/" + clientId;
    }
}
