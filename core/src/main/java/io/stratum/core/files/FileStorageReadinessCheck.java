package io.stratum.core.files;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Ready when the file store can be written now: the directory is writable, or the bucket answers. */
@Readiness
@ApplicationScoped
public class FileStorageReadinessCheck implements AsyncHealthCheck {
    static final String NAME = "File storage";

    private final FileStore store;

    public FileStorageReadinessCheck(FileStore store) {
        this.store = store;
    }

    /** The store's own message, or for a file system failure its kind and path (AccessDeniedException: /var/…). */
    private static String problem(Exception e) {
        if (e.getMessage() == null) {
            return e.getClass().getSimpleName();
        }
        return e.getClass() == IOException.class ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        // The probe writes to disk or calls the storage: off the event loop.
        return Uni.createFrom().item(() -> {
                    try {
                        store.check();
                        return HealthCheckResponse.named(NAME).up().withData("location", store.describe()).build();
                    } catch (IOException | RuntimeException e) {
                        return HealthCheckResponse.named(NAME).down().withData("location", store.describe())
                                .withData("error", problem(e)).build();
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
