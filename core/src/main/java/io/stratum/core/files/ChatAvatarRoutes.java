package io.stratum.core.files;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.stratum.core.account.Caller;
import io.stratum.core.chat.ChatAvatars;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The avatars of groups and channels, streamed like users' avatars ({@link UploadPipeline},
 * {@link FileDownload}); the rules are {@link ChatAvatars}':
 * <ul>
 * <li>{@code PUT /api/v1/chats/{chat}/avatar} — an admin's raw image (PNG, JPEG, GIF or WebP, at most
 * {@code stratum.files.max-avatar-size}) becomes the chat's avatar; answers the {@code avatar_changed} event</li>
 * <li>{@code GET /api/v1/chats/{chat}/avatar} — any member reads it (in a chat whose home is another
 * server, fetched through the trust like the chat's other files)</li>
 * </ul>
 * {@code DELETE} (clearing it) is in the chats' REST resource. A replaced image's object is deleted here.
 */
@ApplicationScoped
public class ChatAvatarRoutes {
    private static final Logger LOGGER = Logger.getLogger(ChatAvatarRoutes.class);

    private final FilesConfig config;
    private final ChatAvatars avatars;
    private final UploadPipeline pipeline;
    private final FileDownload download;
    private final FileRecords records;
    private final RemoteFiles remote;
    private final FileStore store;
    private final FileTransfers transfers;

    public ChatAvatarRoutes(FilesConfig config, ChatAvatars avatars, UploadPipeline pipeline, FileDownload download, FileRecords records,
            RemoteFiles remote, FileStore store, FileTransfers transfers) {
        this.config = config;
        this.avatars = avatars;
        this.pipeline = pipeline;
        this.download = download;
        this.records = records;
        this.remote = remote;
        this.store = store;
        this.transfers = transfers;
    }

    void mount(@Observes Router router) {
        router.put("/api/v1/chats/:chat/avatar").order(FileRoutes.ORDER).handler(routing -> pipeline.run(routing, this::target, 200));
        router.get("/api/v1/chats/:chat/avatar").order(FileRoutes.ORDER).handler(this::get);
    }

    /** The object of a replaced avatar is deleted off the event loop. */
    void dropReplaced(@Observes ChatAvatars.Replaced replaced) {
        transfers.deleteLater(store, replaced.storageKey(), "Old chat avatar");
    }

    private void get(RoutingContext routing) {
        UUID chat;
        try {
            chat = FileRoutes.id(routing.pathParam("chat"), FileErrors.noSuchChat());
        } catch (io.stratum.core.api.ApiException e) {
            FileErrors.send(routing.response(), e);
            return;
        }
        download.serve(routing, caller -> avatars.of(caller.huid(), chat).chain(file -> file.isEmpty()
                ? Uni.createFrom().item(Optional.<FileRecord>empty())
                : records.readableBy(file.get(), caller.huid()).chain(found -> found.isPresent() ? Uni.createFrom().item(found)
                        : remote.chatFile(file.get(), caller.huid()))), ChatAvatars::noAvatar);
    }

    private UploadPipeline.Target target(RoutingContext routing) {
        UUID chat = FileRoutes.id(routing.pathParam("chat"), FileErrors.noSuchChat());
        AvatarRoutes.requireImage(routing);
        UUID fileId = UUID.randomUUID();
        return new UploadPipeline.Target() {
            @Override
            public long limit() {
                return config.maxAvatarSize();
            }

            @Override
            public Uni<Void> authorize(Caller caller) {
                return avatars.mayChange(caller.huid(), chat);
            }

            @Override
            public String key(Caller caller) {
                return chat + "/" + fileId;
            }

            @Override
            public Uni<JsonObject> commit(Caller caller, UploadPipeline.Stored stored) {
                ChatAvatars.Image image = new ChatAvatars.Image(fileId, stored.contentType(), stored.size(), stored.sha256(), stored.key(),
                        stored.at());
                return avatars.set(caller.huid(), chat, image).map(event -> {
                    LOGGER.infov("Chat avatar stored: chat={0} file={1} size={2}", chat, fileId, stored.size());
                    return event.toJson();
                });
            }

            @Override
            public String location(JsonObject answer) {
                return "/api/v1/chats/" + chat + "/avatar";
            }
        };
    }
}
