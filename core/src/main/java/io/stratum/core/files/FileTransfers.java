package io.stratum.core.files;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * The threads that move file bytes between clients and the store: at most
 * {@code stratum.files.max-transfers} at once, so that many large uploads cannot take the worker
 * threads every other request needs. A transfer past the limit is refused, not queued.
 */
@ApplicationScoped
public class FileTransfers {
    private static final Logger LOGGER = Logger.getLogger(FileTransfers.class);

    private final ThreadPoolExecutor executor;

    public FileTransfers(FilesConfig config) {
        AtomicInteger number = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(0, config.maxTransfers(), 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "stratum-file-transfer-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs {@code work} on a transfer thread.
     *
     * @throws RejectedExecutionException when every transfer thread is busy
     */
    <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * Deletes a replaced object ({@code what}, e.g. "Old avatar") on a transfer thread; never blocks and
     * never fails the caller. A failure, or every transfer thread busy, is logged and leaves an object
     * nothing refers to, which is never served.
     */
    void deleteLater(FileStore store, String key, String what) {
        try {
            submit(() -> {
                store.delete(key);
                return null;
            }).exceptionally(e -> {
                LOGGER.warnv("{0} not deleted from the store: {1}", what, e.getClass().getSimpleName());
                return null;
            });
        } catch (RejectedExecutionException e) {
            LOGGER.warnv("{0} not deleted from the store: every transfer thread is busy", what);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
