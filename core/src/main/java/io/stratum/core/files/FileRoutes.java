package io.stratum.core.files;

import java.util.UUID;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.stratum.core.account.Caller;
import io.stratum.core.auth.CallerIdentity;
import io.vertx.core.Context;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Mounts the file endpoints on the HTTP router, below Quarkus REST, so that a body is read as a
 * stream instead of being buffered:
 * <ul>
 * <li>{@code POST /api/v1/chats/{chat}/files?name=...} — upload ({@link FileUpload} through {@link UploadPipeline})</li>
 * <li>{@code GET /api/v1/files/{file}} — download ({@link FileDownload})</li>
 * </ul>
 * The routes sit after authentication (order -200) and before the server-wide body size limit
 * (order -2), which would otherwise refuse every file above {@code quarkus.http.limits.max-body-size};
 * the files' own limit is {@code stratum.files.max-size}.
 */
@ApplicationScoped
public class FileRoutes {
    static final int ORDER = -50;

    private final FileUpload upload;
    private final FileDownload download;

    public FileRoutes(FileUpload upload, FileDownload download) {
        this.upload = upload;
        this.download = download;
    }

    void mount(@Observes Router router) {
        router.post("/api/v1/chats/:chat/files").order(ORDER).handler(upload::handle);
        router.get("/api/v1/files/:file").order(ORDER).handler(download::handle);
    }

    /** The authenticated chat user of the request; fails with 401 like the REST resources. */
    static Uni<Caller> caller(RoutingContext context) {
        return QuarkusHttpUser.getSecurityIdentity(context, null).map(identity -> {
            if (identity == null) {
                throw new io.stratum.core.api.ApiException(401, "unauthorized", "a valid access token is required (Authorization: Bearer ...)");
            }
            return CallerIdentity.require(identity);
        });
    }

    /** An id from the path, or the given error. */
    static UUID id(String text, io.stratum.core.api.ApiException otherwise) {
        if (text != null && text.length() == 36) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                // answered below
            }
        }
        throw otherwise;
    }

    /** Runs continuations on the request's event loop, whichever thread completed the previous step. */
    static Executor on(Context context) {
        return task -> context.runOnContext(v -> task.run());
    }
}
