package io.stratum.core.chat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;


import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.stratum.core.federation.FederationQueue;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Changes of a chat (members, name, admins, leaving) that a user of this server makes in a chat whose
 * home is another server: queued as a {@code chat.command} envelope for the home, which applies it as
 * it would a local change, and answered with the home's event when it comes back, with the home's
 * refusal ({@code chat.refused}), or with {@code queued} after {@code remote-confirm-timeout}.
 */
@ApplicationScoped
public class RemoteCommands {
    public static final String COMMAND = "chat.command";

    private final Pool database;
    private final FederationQueue queue;
    private final HomeAnswers<ChatEvent> answers;

    public RemoteCommands(Pool database, FederationQueue queue, MessagingConfig config) {
        this.database = database;
        this.queue = queue;
        this.answers = new HomeAnswers<>(config.remoteConfirmTimeout(), "change");
    }

    /** Forwards a local member's change; {@code command} has {@code op} (the event kind it makes) and its arguments. */
    Uni<ChatEvent> forward(UUID actor, UUID chatId, String home, JsonObject command) {
        String key = key(chatId, actor, command.getString("op"));
        JsonObject payload = command.copy().put("chat", chatId.toString()).put("actor", actor.toString()).put("key", key);
        CompletableFuture<ChatEvent> answer = answers.expect(key);
        return database.withTransaction(connection -> connection.preparedQuery("SELECT 1 FROM chat_member m JOIN chat c ON c.id = m.chat_id "
                                + "WHERE m.chat_id = $1 AND m.huid = $2 AND m.server IS NULL AND c.deleted_at IS NULL")
                        .execute(Tuple.of(chatId, actor))
                        .chain(member -> {
                            if (!member.iterator().hasNext()) {
                                throw ChatErrors.noSuchChat();
                            }
                            return queue.enqueue(connection, List.of(new FederationQueue.Outgoing(home, COMMAND, payload)));
                        }))
                .chain(() -> {
                    queue.wake();
                    return answers.await(key, answer, home);
                })
                .onTermination().invoke(() -> answers.forget(key, answer));
    }

    /** A replica received the home's event: answers the member waiting for it, if any. */
    void confirmed(ChatEvent event) {
        answers.answer(key(event.chatId(), event.author(), event.kind()), event);
    }

    /** The home refused a forwarded command. */
    void refused(JsonObject payload) {
        answers.refuse(payload.getString("command", ""), payload);
    }

    /** The refusal a home sends back for a command it cannot apply. */
    static JsonObject refusal(JsonObject command, ApiException failure) {
        return new JsonObject().put("command", command.getString("key", "")).put("chat", command.getString("chat"))
                .put("status", failure.status()).put("code", failure.code()).put("message", failure.getMessage());
    }

    private static String key(UUID chat, UUID actor, String op) {
        return chat + "/" + actor + "/" + op;
    }
}
