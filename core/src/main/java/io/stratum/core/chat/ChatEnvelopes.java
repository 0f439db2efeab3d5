package io.stratum.core.chat;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.stratum.core.api.ApiException;
import io.stratum.core.federation.FederationInbox;
import io.stratum.core.federation.FederationQueue;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The chat envelopes other servers send this one: {@code chat.event} (this server keeps a replica
 * of the chat), {@code chat.append} (this server is the chat's home; a remote member sends, edits or
 * deletes), {@code chat.command} (this server is the chat's home; a remote member changes members,
 * name or admins, or leaves), {@code chat.receipt} (a member's delivery/read receipt) and {@code chat.refused} (the home
 * refused what one of our users sent).
 */
@ApplicationScoped
public class ChatEnvelopes implements FederationInbox {
    private static final Logger LOGGER = Logger.getLogger(ChatEnvelopes.class);

    private final ChatReplica replica;
    private final ChatLog log;
    private final RemoteSends remoteSends;
    private final FederationQueue queue;
    private final Pool database;
    private final RemoteReceipts receipts;
    private final RemoteCommands commands;
    private final Chats chats;

    public ChatEnvelopes(ChatReplica replica, ChatLog log, RemoteSends remoteSends, FederationQueue queue, Pool database,
            RemoteReceipts receipts, RemoteCommands commands, Chats chats) {
        this.receipts = receipts;
        this.commands = commands;
        this.chats = chats;
        this.replica = replica;
        this.log = log;
        this.remoteSends = remoteSends;
        this.queue = queue;
        this.database = database;
    }

    @Override
    public Uni<Void> accept(String origin, String kind, JsonObject payload) {
        switch (kind) {
            case ChatFanout.EVENT:
                return replica.apply(origin, payload);
            case RemoteSends.APPEND:
                return append(origin, payload);
            case RemoteReceipts.RECEIPT:
                return receipts.apply(origin, payload);
            case RemoteCommands.COMMAND:
                return command(origin, payload);
            case RemoteSends.REFUSED:
                if (payload.containsKey("command")) {
                    commands.refused(payload);
                } else {
                    remoteSends.refused(payload);
                }
                return Uni.createFrom().voidItem();
            default:
                LOGGER.warnv("Envelope of unknown kind {0} from {1} ignored", kind, origin);
                return Uni.createFrom().voidItem();
        }
    }

    /** Runs of consecutive {@code chat.event} envelopes are applied in one transaction each; the rest one by one. */
    @Override
    public Uni<Void> acceptAll(List<Incoming> envelopes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        List<Incoming> run = new java.util.ArrayList<>();
        for (Incoming envelope : envelopes) {
            if (ChatFanout.EVENT.equals(envelope.kind())) {
                run.add(envelope);
                continue;
            }
            if (!run.isEmpty()) {
                List<Incoming> events = List.copyOf(run);
                run.clear();
                chain = chain.chain(() -> replica.applyAll(events));
            }
            chain = chain.chain(() -> accept(envelope.origin(), envelope.kind(), envelope.payload()));
        }
        if (!run.isEmpty()) {
            List<Incoming> events = List.copyOf(run);
            chain = chain.chain(() -> replica.applyAll(events));
        }
        return chain;
    }

    private Uni<Void> command(String origin, JsonObject payload) {
        Uni<ChatEvent> applied;
        try {
            applied = chats.apply(origin, payload);
        } catch (ApiException e) {
            applied = Uni.createFrom().failure(e);
        } catch (RuntimeException e) {
            LOGGER.warnv("Malformed chat.command from {0} ignored: {1}", origin, e.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        }
        return refusedBack(applied.replaceWithVoid(), origin, refusal -> RemoteCommands.refusal(payload, refusal));
    }

    private Uni<Void> append(String origin, JsonObject payload) {
        Append append;
        try {
            append = Append.fromJson(payload, origin);
        } catch (RuntimeException e) {
            LOGGER.warnv("Malformed chat.append from {0} ignored: {1}", origin, e.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        }
        return refusedBack(log.append(append).replaceWithVoid(), origin, refusal -> RemoteSends.refusal(append, refusal));
    }

    /**
     * A request that this server, the chat's home, refuses (an {@link ApiException} below 500) is
     * answered with a {@code chat.refused} envelope to its origin; other failures make the envelope
     * come again later.
     */
    private Uni<Void> refusedBack(Uni<Void> request, String origin, java.util.function.Function<ApiException, JsonObject> refusalOf) {
        return request.onFailure(ApiException.class).recoverWithUni(failure -> {
            ApiException refusal = (ApiException) failure;
            if (refusal.status() >= 500) {
                return Uni.createFrom().failure(failure);
            }
            return database.withTransaction(connection -> queue.enqueue(connection,
                            List.of(new FederationQueue.Outgoing(origin, RemoteSends.REFUSED, refusalOf.apply(refusal)))))
                    .invoke(queue::wake);
        });
    }
}
