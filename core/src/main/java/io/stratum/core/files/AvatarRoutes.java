package io.stratum.core.files;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.stratum.core.account.Caller;
import io.stratum.core.api.ApiException;
import io.stratum.core.chat.MemberAddress;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Users' avatars, streamed like chat files ({@link UploadPipeline}, {@link FileDownload}):
 * <ul>
 * <li>{@code PUT /api/v1/users/me/avatar} — the raw image (PNG, JPEG, GIF or WebP, at most
 * {@code stratum.files.max-avatar-size}) replaces the caller's avatar</li>
 * <li>{@code GET /api/v1/users/{address}/avatar} — any signed-in user may read any user's avatar; {@code HUID@server}
 * of another server is fetched through the trusts ({@link RemoteFiles})</li>
 * </ul>
 */
@ApplicationScoped
public class AvatarRoutes {
    private static final Logger LOGGER = Logger.getLogger(AvatarRoutes.class);
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private final FilesConfig config;
    private final Avatars avatars;
    private final UploadPipeline pipeline;
    private final FileDownload download;
    private final FileStore store;
    private final FileTransfers transfers;
    private final RemoteFiles remote;
    private final String ownId;

    public AvatarRoutes(FilesConfig config, Avatars avatars, UploadPipeline pipeline, FileDownload download, FileStore store,
            FileTransfers transfers, RemoteFiles remote, io.stratum.core.server.ServerConfig server) {
        this.remote = remote;
        this.ownId = server.id();
        this.config = config;
        this.avatars = avatars;
        this.pipeline = pipeline;
        this.download = download;
        this.store = store;
        this.transfers = transfers;
    }

    void mount(@Observes Router router) {
        router.put("/api/v1/users/me/avatar").order(FileRoutes.ORDER).handler(routing -> pipeline.run(routing, this::target, 200));
        router.get("/api/v1/users/:huid/avatar").order(FileRoutes.ORDER).handler(this::get);
    }

    private void get(RoutingContext routing) {
        MemberAddress address;
        try {
            address = MemberAddress.parse(routing.pathParam("huid"), ownId);
        } catch (ApiException e) {
            FileErrors.send(routing.response(), noAvatar());
            return;
        }
        download.serve(routing, caller -> address.local() ? avatars.of(address.huid()) : remote.avatar(address.huid(), address.server()),
                AvatarRoutes::noAvatar);
    }

    /** Refuses an upload whose {@code Content-Type} is not one of the image types avatars may have (users' and chats'). */
    static void requireImage(RoutingContext routing) {
        String type = routing.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!IMAGE_TYPES.contains(mediaType)) {
            throw FileErrors.invalid("content_type", "an avatar is an image: Content-Type image/png, image/jpeg, image/gif or image/webp");
        }
    }

    private UploadPipeline.Target target(RoutingContext routing) {
        requireImage(routing);
        return new UploadPipeline.Target() {
            @Override
            public long limit() {
                return config.maxAvatarSize();
            }

            @Override
            public Uni<Void> authorize(Caller caller) {
                return Uni.createFrom().voidItem();
            }

            @Override
            public String key(Caller caller) {
                return "avatars/" + caller.huid() + "/" + UUID.randomUUID();
            }

            @Override
            public Uni<JsonObject> commit(Caller caller, UploadPipeline.Stored stored) {
                return avatars.replace(caller.huid(), stored).map(previous -> {
                    previous.ifPresent(key -> transfers.deleteLater(store, key, "Old avatar"));
                    LOGGER.infov("Avatar stored: user={0} size={1}", caller.huid(), stored.size());
                    return new JsonObject().put("huid", caller.huid().toString()).put("content_type", stored.contentType())
                            .put("size", stored.size()).put("sha256", stored.sha256()).put("updated_at", stored.at().toString());
                });
            }

            @Override
            public String location(JsonObject answer) {
                return "/api/v1/users/" + answer.getString("huid") + "/avatar";
            }
        };
    }

    private static ApiException noAvatar() {
        return ApiException.notFound("no_such_avatar", "this user has no avatar");
    }
}
