package io.stratum.core.chat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.stratum.core.api.ApiException;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * Appends members' messages, edits and deletions to chat logs. Requests are queued and written in
 * batches, one transaction per batch and one batch in flight, so that a burst of sends costs a few
 * round trips rather than a transaction each. Per batch: known client ids are answered with their
 * event; the chats' rows are locked in id order; rights, references ({@link MessageReferences}) and
 * attachments are checked; the counters bumped; events and outbox rows inserted. A request completes
 * only after the commit (the sender's acknowledgement means "durable"); then the events are handed
 * to the {@link ChatEventPublisher}.
 */
@ApplicationScoped
public class ChatLog {
    private static final Logger LOGGER = Logger.getLogger(ChatLog.class);

    private final Pool database;
    private final ChatEventPublisher publisher;
    private final MessagingConfig config;
    private final ChatHomes homes;
    private final RemoteSends remote;
    private final ChatFanout fanout;
    private final String ownId;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    public ChatLog(Pool database, ChatEventPublisher publisher, MessagingConfig config, ChatHomes homes, RemoteSends remote,
            ChatFanout fanout, io.stratum.core.server.ServerConfig server) {
        this.database = database;
        this.publisher = publisher;
        this.config = config;
        this.homes = homes;
        this.remote = remote;
        this.fanout = fanout;
        this.ownId = server.id();
    }

    /**
     * Appends one event; fails with {@link ApiException} when the author may not do this. A local
     * user's request for a chat whose home is another server is forwarded there ({@link RemoteSends}).
     */
    public Uni<Appended> append(Append append) {
        return homes.homeOf(append.chatId()).chain(home -> {
            if (home.isEmpty()) {
                return Uni.createFrom().failure(ChatErrors.noSuchChat());
            }
            if (!home.get().equals(ownId)) {
                if (append.origin() != null) {
                    // Only the home orders a chat's events; a remote server must not route a request through us.
                    return Uni.createFrom().failure(ChatErrors.noSuchChat());
                }
                return MessageReferences.checkForward(database, append).chain(() -> localFilesOnly(append))
                        .chain(() -> remote.forward(append, home.get()));
            }
            return Uni.createFrom().emitter(emitter -> {
                queue.add(new Pending(append, emitter));
                drain();
            });
        });
    }

    /** A request for a remote home attaches files of this server (they stay here); 400 {@code invalid_attachment} otherwise. */
    private Uni<Void> localFilesOnly(Append append) {
        List<UUID> files = RemoteAttachments.ids(append.meta()).stream().map(UUID::fromString).toList();
        if (files.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return UploadedFiles.known(database, files.stream().map(file -> append.chatId()).toList(), files).invoke(known -> {
            for (UUID file : files) {
                if (!known.contains(append.chatId() + "/" + file)) {
                    throw UploadedFiles.notUploaded(file);
                }
            }
        }).replaceWithVoid();
    }

    private void drain() {
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        for (Pending next; batch.size() < config.writeBatchSize() && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            writing.set(false);
            if (!queue.isEmpty()) {
                drain();
            }
            return;
        }
        write(batch, true).subscribe().with(done -> next(), failure -> {
            LOGGER.errorv("Writing {0} chat events failed: {1}", batch.size(), failure.getClass().getName());
            batch.forEach(pending -> pending.fail(new ApiException(503, "unavailable", "the message could not be stored; send it again")));
            next();
        });
    }

    private void next() {
        writing.set(false);
        drain();
    }

    private Uni<Void> write(List<Pending> batch, boolean mayRetry) {
        Batch work = new Batch(batch);
        return database.withTransaction(connection -> work.findDuplicates(connection)
                        .chain(() -> work.lockChats(connection))
                        .chain(() -> work.checkMembers(connection))
                        .chain(() -> work.checkTargets(connection))
                        .chain(() -> work.checkReferences(connection))
                        .chain(() -> work.checkAttachments(connection))
                        .chain(() -> work.insert(connection))
                        .chain(() -> work.recipients(connection))
                        .chain(() -> fanout.queue(connection, work.inserted, Map.of())))
                .invoke(queued -> {
                    work.complete();
                    publisher.publish(work.deliveries());
                    if (queued) {
                        fanout.wake();
                    }
                })
                .replaceWithVoid()
                .onFailure(failure -> mayRetry && failure instanceof PgException pg && "23505".equals(pg.getSqlState()))
                // Another instance stored one of these client ids meanwhile: the retry finds it as a duplicate.
                .recoverWithUni(() -> write(batch, false));
    }

    /** One request waiting in the queue. */
    private static final class Pending {
        final Append append;
        final UniEmitter<? super Appended> emitter;
        boolean done;
        ChatEvent event;
        Pending original;

        Pending(Append append, UniEmitter<? super Appended> emitter) {
            this.append = append;
            this.emitter = emitter;
        }

        void fail(ApiException failure) {
            if (!done) {
                done = true;
                emitter.fail(failure);
            }
        }

        void succeed(ChatEvent committed, boolean duplicate) {
            if (!done) {
                done = true;
                emitter.complete(new Appended(committed, duplicate));
            }
        }

        boolean open() {
            return !done && original == null && event == null;
        }
    }

    /** The state of one batch through its transaction. */
    private static final class Batch {
        private final List<Pending> all;
        private final Map<UUID, Long> lastSeq = new HashMap<>();
        private final Map<UUID, List<UUID>> recipients = new HashMap<>();
        final List<ChatEvent> inserted = new ArrayList<>();
        private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        private Map<UUID, String> channelKinds = Map.of();

        Batch(List<Pending> all) {
            this.all = all;
        }

        private List<Pending> open() {
            return all.stream().filter(Pending::open).toList();
        }

        Uni<Void> findDuplicates(SqlConnection connection) {
            Map<String, Pending> firstByKey = new LinkedHashMap<>();
            List<UUID> authors = new ArrayList<>();
            List<String> clientIds = new ArrayList<>();
            for (Pending pending : all) {
                String key = pending.append.author() + "/" + pending.append.clientId();
                Pending first = firstByKey.putIfAbsent(key, pending);
                if (first != null) {
                    pending.original = first;
                } else {
                    authors.add(pending.append.author());
                    clientIds.add(pending.append.clientId());
                }
            }
            return connection.preparedQuery(ChatEvents.SELECT + " WHERE (author, client_id) IN "
                            + "(SELECT * FROM unnest($1::uuid[], $2::text[]))")
                    .execute(Tuple.of(authors.toArray(UUID[]::new), clientIds.toArray(String[]::new)))
                    .invoke(rows -> {
                        for (Row row : rows) {
                            ChatEvent existing = ChatEvents.from(row);
                            Pending pending = firstByKey.get(existing.author() + "/" + existing.clientId());
                            pending.event = existing;
                            pending.succeed(existing, true);
                        }
                    }).replaceWithVoid();
        }

        Uni<Void> lockChats(SqlConnection connection) {
            UUID[] chats = open().stream().map(p -> p.append.chatId()).distinct().toArray(UUID[]::new);
            return connection.preparedQuery("SELECT id, last_seq, kind, deleted_at IS NOT NULL FROM chat WHERE id = ANY($1) ORDER BY id FOR UPDATE")
                    .execute(Tuple.of(chats))
                    .invoke(rows -> {
                        Map<UUID, String> kinds = new HashMap<>();
                        for (Row row : rows) {
                            if (!row.getBoolean(3)) {
                                lastSeq.put(row.getUUID(0), row.getLong(1));
                                kinds.put(row.getUUID(0), row.getString(2));
                            }
                        }
                        for (Pending pending : open()) {
                            if (!kinds.containsKey(pending.append.chatId())) {
                                pending.fail(ChatErrors.noSuchChat());
                            }
                        }
                        channelKinds = kinds;
                    }).replaceWithVoid();
        }

        Uni<Void> checkMembers(SqlConnection connection) {
            List<Pending> open = open();
            return connection.preparedQuery("SELECT chat_id, huid, role, server FROM chat_member WHERE (chat_id, huid) IN "
                            + "(SELECT * FROM unnest($1::uuid[], $2::uuid[]))")
                    .execute(Tuple.of(open.stream().map(p -> p.append.chatId()).toArray(UUID[]::new),
                            open.stream().map(p -> p.append.author()).toArray(UUID[]::new)))
                    .invoke(rows -> {
                        Map<String, String> roles = new HashMap<>();
                        Map<String, String> servers = new HashMap<>();
                        rows.forEach(row -> {
                            roles.put(row.getUUID(0) + "/" + row.getUUID(1), row.getString(2));
                            servers.put(row.getUUID(0) + "/" + row.getUUID(1), row.getString(3));
                        });
                        for (Pending pending : open) {
                            String member = pending.append.chatId() + "/" + pending.append.author();
                            String role = roles.get(member);
                            // A remote member's request counts only from the member's own server; a local user's only from here.
                            if (role == null || !java.util.Objects.equals(servers.get(member), pending.append.origin())) {
                                pending.fail(ChatErrors.noSuchChat());
                            } else if ("channel".equals(channelKinds.get(pending.append.chatId())) && !"admin".equals(role)) {
                                pending.fail(ApiException.forbidden("channel_read_only", "only the channel's admins post in a channel"));
                            }
                        }
                    }).replaceWithVoid();
        }

        Uni<Void> checkTargets(SqlConnection connection) {
            List<Pending> changes = open().stream().filter(p -> p.append.targetSeq() != null).toList();
            if (changes.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return connection.preparedQuery("SELECT chat_id, seq, author, kind, body IS NULL FROM chat_event WHERE (chat_id, seq) IN "
                            + "(SELECT * FROM unnest($1::uuid[], $2::bigint[]))")
                    .execute(Tuple.of(changes.stream().map(p -> p.append.chatId()).toArray(UUID[]::new),
                            changes.stream().map(p -> p.append.targetSeq()).toArray(Long[]::new)))
                    .invoke(rows -> {
                        Map<String, Row> targets = new HashMap<>();
                        rows.forEach(row -> targets.put(row.getUUID(0) + "/" + row.getLong(1), row));
                        for (Pending pending : changes) {
                            Row target = targets.get(pending.append.chatId() + "/" + pending.append.targetSeq());
                            if (target == null || !EventKind.MESSAGE.equals(target.getString(3))) {
                                pending.fail(ApiException.notFound("no_such_message", "there is no message with this seq in the chat"));
                            } else if (!target.getUUID(2).equals(pending.append.author())) {
                                pending.fail(ApiException.forbidden("not_author", "only the author may edit or delete a message"));
                            } else if (target.getBoolean(4)) {
                                pending.fail(new ApiException(409, "message_deleted", "the message was deleted"));
                            }
                        }
                    }).replaceWithVoid();
        }

        /** Replies, mentions and forwards must name what the author can see ({@link MessageReferences}). */
        Uni<Void> checkReferences(SqlConnection connection) {
            List<Pending> referring = open().stream().filter(p -> MessageReferences.refers(p.append)).toList();
            if (referring.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return MessageReferences.check(connection, referring.stream().map(p -> p.append).toList()).invoke(refusals -> {
                for (int i = 0; i < referring.size(); i++) {
                    if (refusals.get(i) != null) {
                        referring.get(i).fail(refusals.get(i));
                    }
                }
            }).replaceWithVoid();
        }

        /** Every attachment must be a file uploaded to the same chat: a file id of another chat is refused. */
        Uni<Void> checkAttachments(SqlConnection connection) {
            List<Pending> all = open().stream().filter(p -> !RemoteAttachments.ids(p.append.meta()).isEmpty()).toList();
            // A remote member's files stay on its server, which checked them: marked and recorded, not looked for here.
            List<Uni<Void>> recorded = new ArrayList<>();
            for (Pending pending : all) {
                Append a = pending.append;
                if (a.origin() != null) {
                    a.meta().put(RemoteAttachments.FILES_SERVER, a.origin());
                    recorded.add(RemoteAttachments.record(connection, a.chatId(), RemoteAttachments.ids(a.meta()), a.origin(), a.author()));
                }
            }
            Uni<Void> remoteFiles = recorded.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(recorded).andFailFast().replaceWithVoid();
            List<Pending> withFiles = all.stream().filter(p -> p.append.origin() == null).toList();
            if (withFiles.isEmpty()) {
                return remoteFiles;
            }
            List<UUID> chats = new ArrayList<>();
            List<UUID> files = new ArrayList<>();
            for (Pending pending : withFiles) {
                pending.append.meta().getJsonArray("attachments").forEach(id -> {
                    chats.add(pending.append.chatId());
                    files.add(UUID.fromString((String) id));
                });
            }
            return UploadedFiles.known(connection, chats, files).invoke(known -> {
                for (Pending pending : withFiles) {
                    for (Object id : pending.append.meta().getJsonArray("attachments")) {
                        if (!known.contains(pending.append.chatId() + "/" + id)) {
                            pending.fail(UploadedFiles.notUploaded(id));
                            break;
                        }
                    }
                }
            }).replaceWithVoid().chain(() -> remoteFiles);
        }

        Uni<Void> insert(SqlConnection connection) {
            List<Pending> open = open();
            if (open.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            for (Pending pending : open) {
                Append a = pending.append;
                long seq = lastSeq.merge(a.chatId(), 1L, Long::sum);
                pending.event = new ChatEvent(a.chatId(), seq, a.kind(), a.author(), a.clientId(), a.targetSeq(), a.contentType(),
                        a.body(), a.meta() == null ? new JsonObject() : a.meta(), now);
                inserted.add(pending.event);
            }
            List<Uni<Void>> steps = new ArrayList<>();
            steps.add(ChatEvents.insert(connection, inserted));
            steps.add(connection.preparedQuery("UPDATE chat SET last_seq = x.n FROM unnest($1::uuid[], $2::bigint[]) AS x(id, n) WHERE chat.id = x.id")
                    .execute(Tuple.of(lastSeq.keySet().toArray(UUID[]::new), lastSeq.values().toArray(Long[]::new))).replaceWithVoid());
            steps.add(ChatEvents.applyChanges(connection, inserted));
            return Uni.join().all(steps).andFailFast().replaceWithVoid();
        }

        Uni<Void> recipients(SqlConnection connection) {
            if (inserted.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return ChatEvents.members(connection, inserted.stream().map(ChatEvent::chatId).distinct().toList())
                    .invoke(recipients::putAll).replaceWithVoid();
        }

        void complete() {
            for (Pending pending : all) {
                if (pending.original != null) {
                    if (pending.original.event != null) {
                        pending.succeed(pending.original.event, true);
                    }
                } else if (pending.event != null) {
                    pending.succeed(pending.event, false);
                }
            }
            // A follower whose original failed fails the same way.
            all.stream().filter(p -> !p.done).forEach(p -> p.fail(ChatErrors.noSuchChat()));
        }

        List<Delivery> deliveries() {
            return inserted.stream().map(event -> new Delivery(event, recipients.getOrDefault(event.chatId(), List.of()))).toList();
        }
    }
}
