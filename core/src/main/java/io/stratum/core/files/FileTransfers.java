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

/**
 * The threads that move file bytes between clients and the store: at most
 * {@code stratum.files.max-transfers} at once, so that many large uploads cannot take the worker
 * threads every other request needs. A transfer past the limit is refused, not queued.
 */
@ApplicationScoped
public class FileTransfers {
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

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
