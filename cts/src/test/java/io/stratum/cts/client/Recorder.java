package io.stratum.cts.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.stratum.client.chat.ChatEvent;
import io.stratum.client.http.StratumException;
import io.stratum.client.live.LiveListener;
import io.stratum.client.live.Signals;

/** A live-session listener that keeps everything it is told, for tests to wait on and inspect. */
final class Recorder implements LiveListener {
    final List<ChatEvent> events = new CopyOnWriteArrayList<>();
    final List<Signals.Receipt> receipts = new CopyOnWriteArrayList<>();
    final List<String> losses = new CopyOnWriteArrayList<>();
    final List<Object> syncs = new CopyOnWriteArrayList<>();
    volatile StratumException ended;

    @Override
    public void onEvent(ChatEvent event) {
        events.add(event);
    }

    @Override
    public void onReceipt(Signals.Receipt receipt) {
        receipts.add(receipt);
    }

    @Override
    public void onSynced() {
        syncs.add(new Object());
    }

    @Override
    public void onConnectionLost(String reason, long retryInMillis) {
        losses.add(reason);
    }

    @Override
    public void onEnded(StratumException reason) {
        ended = reason;
    }

    ChatEvent awaitEvent(Predicate<ChatEvent> wanted) {
        return await(() -> events.stream().filter(wanted).findFirst().orElse(null), "an event");
    }

    Signals.Receipt awaitReceipt(Predicate<Signals.Receipt> wanted) {
        return await(() -> receipts.stream().filter(wanted).findFirst().orElse(null), "a receipt");
    }

    void awaitCondition(java.util.function.BooleanSupplier condition, String what) {
        await(() -> condition.getAsBoolean() ? Boolean.TRUE : null, what);
    }

    static <T> T await(java.util.function.Supplier<T> probe, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
