package io.stratum.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The messaging load generator (bench/messaging.sh runs it). Against one running CTS it:
 * (a) opens N authenticated WebSockets and reads the server's heap and RSS before and after;
 * (b) sends 1:1 messages over the WebSockets at a fixed rate and measures send→ack and
 * send→receive at the other user's device; (c) sends messages to a group of G online members;
 * (d) closes K connections, posts messages while they are away, reconnects them all at once with
 * their cursors and checks every one resynced without gap or repeat.
 */
public final class MessagingBench {
    private final Map<String, String> options;
    private final String base;
    private final URI wsUri;
    private final List<HttpClient> clients = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(3, runnable -> {
        Thread thread = new Thread(runnable, "bench-io");
        thread.setDaemon(true);
        return thread;
    });
    private final Api api;
    private final ServerProbe probe;
    private final List<String[]> table = new ArrayList<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private volatile Client.Handler scenario = (client, frame, nanos) -> { };

    private MessagingBench(Map<String, String> options) {
        this.options = options;
        this.base = option("base", "http://localhost:29280");
        this.wsUri = URI.create(base.replaceFirst("^http", "ws") + "/api/v1/ws");
        for (int i = 0; i < 4; i++) {
            clients.add(HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(30)).build());
        }
        this.api = new Api(clients.get(0), base);
        this.probe = new ServerProbe(Long.parseLong(option("server-pid", "0")), Long.parseLong(option("kafka-pid", "0")));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int status = new MessagingBench(options).run();
        System.exit(status);
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(option(name, Integer.toString(fallback)));
    }

    private int run() throws Exception {
        int connections = intOption("connections", 2000);
        String[] rates = option("rate", "500").split(",");
        int warmup = intOption("warmup", 10);
        int seconds = intOption("seconds", 20);
        int groupSize = Math.min(connections, intOption("group", 1000));
        int reconnecting = Math.min(connections, intOption("reconnect", connections));
        int pairs = Math.min(connections / 2, intOption("pairs", 1000));
        String runId = Long.toString(System.currentTimeMillis(), 36);
        boolean ok = true;

        long t0 = System.nanoTime();
        List<BenchUser> users = BenchUsers.create(option("jdbc", "jdbc:postgresql://localhost:5432/stratum"),
                option("db-user", "stratum"), option("db-password", ""), runId, connections);
        log("created %d users with a device and an access token each in %.1f s", connections, secondsSince(t0));

        t0 = System.nanoTime();
        List<String> pairChats = limited(pairs, 16, i -> api.createChat(users.get(2 * i), "personal", "",
                List.of(users.get(2 * i + 1).huid())));
        List<UUID> groupMembers = new ArrayList<>();
        for (int i = 1; i < groupSize; i++) {
            groupMembers.add(users.get(i).huid());
        }
        String group = groupSize > 1 ? api.createChat(users.get(0), "group", "Bench group", groupMembers).join() : null;
        log("created %d personal chats and a group of %d over REST in %.1f s", pairs, groupSize, secondsSince(t0));

        // (a) connections
        long heapBefore = probe.heapAfterGcKb();
        long rssBefore = probe.rssKb();
        List<Client> devices = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            devices.add(new Client(users.get(i), i, (client, frame, nanos) -> {
                if ("error".equals(frame.path("type").asText())) {
                    errors.computeIfAbsent(frame.path("code").asText(), code -> new AtomicLong()).incrementAndGet();
                }
                scenario.frame(client, frame, nanos);
            }));
        }
        double[] cpu0 = probe.cpu();
        t0 = System.nanoTime();
        int connectFailures = connectAll(devices, 200);
        double connectSeconds = secondsSince(t0);
        log("(a) connecting: %d failed; %s", connectFailures, ServerProbe.cpuLine(cpu0, probe.cpu(), connectSeconds));
        ok &= connectFailures == 0;
        Thread.sleep(2000);
        cpu0 = probe.cpu();
        Thread.sleep(10000);
        log("(a) idle with %d connections: %s", connections, ServerProbe.cpuLine(cpu0, probe.cpu(), 10));
        long heapAfter = probe.heapAfterGcKb();
        long rssAfter = probe.rssKb();
        double heapPer = (heapAfter - heapBefore) / (double) connections;
        double rssPer = (rssAfter - rssBefore) / (double) connections;
        log("(a) %d connections said hello and were synced in %.1f s; heap after GC %d → %d KiB, RSS %d → %d KiB",
                connections, connectSeconds, heapBefore, heapAfter, rssBefore, rssAfter);
        row("(a) authenticated WebSockets held", connections + " (all synced in " + fmt(connectSeconds) + " s)", "≥ 19,000");
        row("(a) heap per connection (after full GC)", fmt(heapPer) + " KiB (heap " + heapBefore / 1024 + " → " + heapAfter / 1024 + " MiB)", "≤ 20 KB");
        row("(a) RSS per connection", fmt(rssPer) + " KiB (RSS " + rssBefore / 1024 + " → " + rssAfter / 1024 + " MiB)", "(ejabberd ~80 KB/session)");

        // (b) 1:1 messages at a fixed rate
        if (warmup > 0) {
            log("(b) warm-up: %d s at %s msg/s, not counted", warmup, rates[0]);
            oneToOne(devices, pairChats, Integer.parseInt(rates[0]), warmup, false);
        }
        for (String rate : rates) {
            ok &= oneToOne(devices, pairChats, Integer.parseInt(rate.trim()), seconds, true);
        }
        // (c) a message to a group
        if (group != null) {
            ok &= groupMessages(devices.subList(0, groupSize), group, intOption("group-messages", 5));
        }
        // (d) reconnect and resync
        ok &= reconnect(devices.subList(0, reconnecting), pairChats, group, users);

        System.out.println();
        System.out.printf("%-44s | %-64s | %s%n", "scenario", "measured", "target (quality.md)");
        System.out.println("-".repeat(44) + "-+-" + "-".repeat(64) + "-+-" + "-".repeat(24));
        for (String[] line : table) {
            System.out.printf("%-44s | %-64s | %s%n", line[0], line[1], line[2]);
        }
        System.out.println("error frames: " + errors);
        System.out.println("load average at the end: " + ServerProbe.loadAverage());
        for (Client device : devices) {
            device.close();
        }
        return ok ? 0 : 1;
    }

    private boolean oneToOne(List<Client> devices, List<String> pairChats, int rate, int seconds, boolean report) throws Exception {
        Latencies ack = new Latencies();
        Latencies delivery = new Latencies();
        Map<String, long[]> pending = new ConcurrentHashMap<>();   // client_id -> {sent nanos, sender index}
        Map<String, Long> awaitingAck = new ConcurrentHashMap<>();
        AtomicLong delivered = new AtomicLong();
        scenario = (client, frame, nanos) -> {
            String type = frame.path("type").asText();
            if ("ack".equals(type)) {
                Long sent = awaitingAck.remove(frame.path("client_id").asText());
                if (sent != null) {
                    ack.add(nanos - sent);
                }
            } else if ("event".equals(type)) {
                String clientId = frame.path("client_id").asText();
                long[] sent = pending.get(clientId);
                if (sent != null && sent[1] != client.index && pending.remove(clientId) != null) {
                    delivery.add(nanos - sent[0]);
                    delivered.incrementAndGet();
                }
            }
        };
        double[] cpuBefore = probe.cpu();
        double gcBefore = probe.gcSeconds();
        long start = System.nanoTime();
        long total = (long) rate * seconds;
        long sent = 0;
        while (sent < total) {
            long due = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * rate));
            for (; sent < due; sent++) {
                int pair = (int) (sent % pairChats.size());
                Client sender = devices.get(2 * pair);
                String clientId = "b" + rate + (report ? "-" : "-w") + sent;
                String frame = "{\"type\":\"send\",\"id\":" + sent + ",\"chat\":\"" + pairChats.get(pair)
                        + "\",\"client_id\":\"" + clientId + "\",\"body\":\"bench message " + sent + " with some ordinary text in it\"}";
                long now = System.nanoTime();
                awaitingAck.put(clientId, now);
                pending.put(clientId, new long[] {now, sender.index});
                sender.send(frame);
            }
            Thread.sleep(2);
        }
        double sendSeconds = secondsSince(start);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (delivered.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double allSeconds = secondsSince(start);
        double[] cpuAfter = probe.cpu();
        log("(b) %d sends at %d/s over %d chats in %.1f s; delivered %d within %.1f s; ack %s; delivery %s",
                total, rate, pairChats.size(), sendSeconds, delivered.get(), allSeconds, ack.summary(), delivery.summary());
        log("(b) %s; server GC %.2f s", ServerProbe.cpuLine(cpuBefore, cpuAfter, allSeconds), probe.gcSeconds() - gcBefore);
        if (!report) {
            pending.clear();
            awaitingAck.clear();
            return true;
        }
        row("(b) 1:1 offered rate, persisted+delivered", rate + " msg/s offered, " + delivered.get() + "/" + total + " delivered, "
                + fmt(delivered.get() / allSeconds) + " msg/s", "≥ 20,000 msg/s");
        row("(b) send→ack (committed)", ack.summary(), "");
        row("(b) send→receive at the other device", delivery.summary(), "p99 ≤ 50 ms");
        row("(b) CPU cores: server/kafka/postgres/generator", String.format("%.2f / %.2f / %.2f / %.2f",
                (cpuAfter[0] - cpuBefore[0]) / allSeconds, (cpuAfter[1] - cpuBefore[1]) / allSeconds,
                (cpuAfter[2] - cpuBefore[2]) / allSeconds, (cpuAfter[3] - cpuBefore[3]) / allSeconds), "2 cores shared");
        pending.clear();
        awaitingAck.clear();
        return delivered.get() == total;
    }

    private boolean groupMessages(List<Client> members, String group, int messages) throws Exception {
        Latencies delivery = new Latencies();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        AtomicLong delivered = new AtomicLong();
        Client author = members.get(0);
        scenario = (client, frame, nanos) -> {
            if ("event".equals(frame.path("type").asText()) && client != author) {
                Long sent = sentAt.get(frame.path("client_id").asText());
                if (sent != null) {
                    delivery.add(nanos - sent);
                    delivered.incrementAndGet();
                }
            }
        };
        long expected = (long) messages * (members.size() - 1);
        for (int i = 0; i < messages; i++) {
            String clientId = "g" + i + "-" + System.nanoTime();
            sentAt.put(clientId, System.nanoTime());
            author.send("{\"type\":\"send\",\"id\":\"g" + i + "\",\"chat\":\"" + group + "\",\"client_id\":\"" + clientId
                    + "\",\"body\":\"to the whole group " + i + "\"}");
            Thread.sleep(1000);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (delivered.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        log("(c) %d messages to a group of %d: %d/%d delivered; %s", messages, members.size(), delivered.get(), expected, delivery.summary());
        row("(c) message to a group of " + members.size() + " online", messages + " msgs, " + delivered.get() + "/" + expected + " delivered, " + delivery.summary(),
                "all delivered, p99 ≤ 200 ms");
        return delivered.get() == expected;
    }

    private boolean reconnect(List<Client> devices, List<String> pairChats, String group, List<BenchUser> users) throws Exception {
        scenario = (client, frame, nanos) -> { };
        long t0 = System.nanoTime();
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (Client device : devices) {
            closing.add(device.close());
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            log("(d) not every close was answered within 60 s: %s", e);
        }
        log("(d) closed %d connections in %.1f s", devices.size(), secondsSince(t0));
        // While they are away: one message in each personal chat whose both ends are away, and 10 in the group.
        int reachable = Math.min(pairChats.size(), devices.size() / 2);
        t0 = System.nanoTime();
        limited(reachable, 16, i -> api.sendOverRest(users.get(2 * i + 1), pairChats.get(i), "away-" + i, "while you were away"));
        int groupAway = group == null ? 0 : 10;
        for (int i = 0; i < groupAway; i++) {
            api.sendOverRest(users.get(0), group, "away-g" + i, "group while away " + i).join();
        }
        log("(d) posted %d messages over REST while the devices were away in %.1f s", reachable + groupAway, secondsSince(t0));

        double[] cpu0 = probe.cpu();
        t0 = System.nanoTime();
        int failed = connectAll(devices, 1000);
        double seconds = secondsSince(t0);
        log("(d) reconnecting: %s", ServerProbe.cpuLine(cpu0, probe.cpu(), seconds));
        long missing = 0;
        long gaps = 0;
        long repeats = 0;
        long resent = 0;
        for (Client device : devices) {
            missing += device.isLive() ? device.missing() : 1;
            gaps += device.gaps.get();
            repeats += device.repeats.get();
            resent += device.eventsBeforeSynced.get();
        }
        log("(d) %d devices reconnected with their cursors and synced in %.1f s (%d failed); %d missed events sent before synced; "
                + "missing %d, gaps %d, repeats %d (whole run)", devices.size(), seconds, failed, resent, missing, gaps, repeats);
        row("(d) " + devices.size() + " clients reconnect at once + resync", "all synced in " + fmt(seconds) + " s, " + failed + " failed, "
                + resent + " missed events replayed, missing " + missing + ", gaps " + gaps + ", repeats " + repeats,
                "≤ 30 s, nothing missed");
        return failed == 0 && missing == 0 && gaps == 0 && repeats == 0;
    }

    /** Connects (or reconnects) every device with at most {@code inFlight} handshakes at once; returns the failures. */
    private int connectAll(List<Client> devices, int inFlight) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Client device : devices) {
            slots.acquire();
            all.add(device.connect(clients.get(device.index % clients.size()), wsUri).whenComplete((done, error) -> {
                slots.release();
                if (error != null && failures.incrementAndGet() <= 5) {
                    System.err.println("device " + device.index + ": " + error);
                }
            }));
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            // counted below
        }
        int notSynced = 0;
        for (CompletableFuture<Void> future : all) {
            if (!future.isDone() || future.isCompletedExceptionally()) {
                notSynced++;
            }
        }
        return notSynced;
    }

    /** Runs {@code count} calls with at most {@code parallel} at once and returns their results in order. */
    private static <T> List<T> limited(int count, int parallel, Function<Integer, CompletableFuture<T>> call) throws InterruptedException {
        Semaphore slots = new Semaphore(parallel);
        List<CompletableFuture<T>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            all.add(call.apply(i).whenComplete((result, error) -> slots.release()));
        }
        List<T> results = new ArrayList<>();
        for (CompletableFuture<T> future : all) {
            results.add(future.join());
        }
        return results;
    }

    private void row(String scenarioName, String measured, String target) {
        table.add(new String[] {scenarioName, measured, target});
    }

    private static String fmt(double value) {
        return String.format("%.1f", value);
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.printf("[%tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}
