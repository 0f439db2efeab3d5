package io.stratum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.stratum.client.StratumSession;
import io.stratum.client.chat.ChatEvent;

/**
 * One kill experiment on the running demo: {@code SENDERS} clients send {@code total} messages to a
 * chat, each retrying with the same client id until it is acknowledged (as real clients do); once a
 * third are acknowledged the process of {@code victim} gets kill -9 and the demo is started again.
 * Afterwards every message must be in the chat exactly once, at the number its acknowledgement gave,
 * on every server the readers are on.
 */
final class KillWhileSending {
    private static final int SENDERS = 8;

    private final String dir;

    KillWhileSending(String dir) {
        this.dir = dir;
    }

    /** Runs the experiment; {@code victimPidFile} relative to the demo directory. */
    void run(String label, String victimPidFile, StratumSession sender, UUID chat, int total, List<StratumSession> readers) {
        long before = sender.chats().get(chat).lastSeq();
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> sending = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int senderNo = s;
            sending.add(pool.submit(() -> {
                for (int i = senderNo; i < total; i += SENDERS) {
                    String body = label + " #" + i;
                    String clientId = label.replace(' ', '-') + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
                    long seq = sendUntilAcknowledged(sender, chat, clientId, body);
                    String earlier = acknowledged.put(seq, body);
                    assertTrue(earlier == null, "seq " + seq + " acknowledged for two messages: " + earlier + ", " + body);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        Stratum.await(total / 3 + " acknowledgements before the kill", Duration.ofSeconds(120), () -> done.get() >= total / 3);
        kill(victimPidFile);
        Stratum.Result restart = Stratum.command(Duration.ofSeconds(400), "demo", "--dir", dir);
        assertEquals(0, restart.exitCode(), restart.all());
        for (Future<?> future : sending) {
            try {
                future.get(300, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(label + ": a sender failed", e);
            }
        }
        pool.shutdown();
        assertEquals(total, acknowledged.size(), label + ": every message acknowledged once");
        long last = before + total;
        for (StratumSession reader : readers) {
            List<ChatEvent> events = awaitAll(reader, chat, before, last);
            for (ChatEvent event : events) {
                assertEquals(acknowledged.get(event.seq()), event.body(), label + ": seq " + event.seq() + " on " + reader.credentials().address());
            }
        }
    }

    private static long sendUntilAcknowledged(StratumSession sender, UUID chat, String clientId, String body) {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (true) {
            try {
                return sender.chats().sendText(chat, clientId, body);
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static List<ChatEvent> awaitAll(StratumSession reader, UUID chat, long afterSeq, long untilSeq) {
        List<List<ChatEvent>> last = new ArrayList<>(List.of(List.of()));
        try {
            Stratum.await(reader.credentials().address() + " to have " + (untilSeq - afterSeq) + " events", Duration.ofSeconds(120), () -> {
                try {
                    last.set(0, reader.chats().historyBetween(chat, afterSeq, untilSeq));
                    return last.get(0).size() == untilSeq - afterSeq;
                } catch (RuntimeException e) {
                    return false;
                }
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (has " + last.get(0).size() + ")", e);
        }
        List<ChatEvent> events = last.get(0);
        for (int i = 0; i < events.size(); i++) {
            assertEquals(afterSeq + 1 + i, events.get(i).seq(), "gap-free, in order");
        }
        return events;
    }

    private void kill(String pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(Path.of(dir, pidFile)).strip());
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(pidFile + ": no such process"));
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("kill -9 " + pidFile, e);
        }
    }
}
