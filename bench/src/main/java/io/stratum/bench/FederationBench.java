package io.stratum.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Messages between two servers of a federation (docs/performance.md, "Across servers"): P users on
 * the chat's home server each have a personal chat with a user of the remote server; then
 * (1) home → remote at fixed rates: send → ack at the sender, send → event at the remote device;
 * (2) remote → home: the remote member's send travels to the home and back: send → ack, send → event
 * at the home device; (3) a burst of N messages from the home: how fast the remote drains it.
 * Both servers must already trust each other (directly or through relays), e.g. `stratum demo`.
 */
public final class FederationBench {
    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile Client.Handler scenario = (client, frame, nanos) -> { };
    private final List<String[]> table = new ArrayList<>();

    private FederationBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        System.exit(new FederationBench(options).run());
    }

    private String option(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    private int run() throws Exception {
        int pairs = intOption("pairs", 20);
        int seconds = intOption("seconds", 10);
        int burst = intOption("burst", 5000);
        String label = options.getOrDefault("label", "home → remote");
        String runId = Long.toString(System.currentTimeMillis(), 36);
        List<BenchUser> homeUsers = BenchUsers.create(option("home-jdbc"), option("home-db-user"), option("home-db-password"), runId + "h", pairs);
        List<BenchUser> remoteUsers = BenchUsers.create(option("remote-jdbc"), option("remote-db-user"), option("remote-db-password"), runId + "r", pairs);
        Api home = new Api(http, option("home-url"));
        String remoteId = option("remote-id");
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            chats.add(home.createChat(homeUsers.get(i), "personal", "", List.of(remoteUsers.get(i).huid() + "@" + remoteId)).join());
        }
        List<Client> homeDevices = new ArrayList<>();
        List<Client> remoteDevices = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            homeDevices.add(new Client(homeUsers.get(i), i, (client, frame, nanos) -> scenario.frame(client, frame, nanos)));
            remoteDevices.add(new Client(remoteUsers.get(i), pairs + i, (client, frame, nanos) -> scenario.frame(client, frame, nanos)));
        }
        List<CompletableFuture<Void>> connecting = new ArrayList<>();
        homeDevices.forEach(device -> connecting.add(device.connect(http, ws(option("home-url")))));
        remoteDevices.forEach(device -> connecting.add(device.connect(http, ws(option("remote-url")))));
        CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (remoteDevices.stream().anyMatch(device -> device.cursors.size() < 1) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        log("%d chats from %s to %s; every remote device holds its chat", pairs, option("home-url"), remoteId);

        boolean ok = true;
        rate(homeDevices, chats, 20, 5, false, "warm-up");
        for (String rate : options.getOrDefault("rate", "50,200").split(",")) {
            ok &= rate(homeDevices, chats, Integer.parseInt(rate.trim()), seconds, true, label);
        }
        ok &= rate(remoteDevices, chats, Integer.parseInt(options.getOrDefault("reverse-rate", "50")), seconds, true,
                "remote → home (via the home and back)");
        ok &= burst(homeDevices, chats, burst, label);

        System.out.println();
        System.out.printf("%-58s | %s%n", "scenario", "measured");
        System.out.println("-".repeat(58) + "-+-" + "-".repeat(90));
        table.forEach(line -> System.out.printf("%-58s | %s%n", line[0], line[1]));
        homeDevices.forEach(Client::close);
        remoteDevices.forEach(Client::close);
        return ok ? 0 : 1;
    }

    /** Senders send at {@code rate} msg/s for {@code seconds}; the other side's devices receive. */
    private boolean rate(List<Client> senders, List<String> chats, int rate, int seconds, boolean report, String label) throws Exception {
        Latencies ack = new Latencies();
        Latencies delivery = new Latencies();
        Map<String, Long> awaitingAck = new ConcurrentHashMap<>();
        Map<String, Long> pending = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> errorCodes = new ConcurrentHashMap<>();
        scenario = (client, frame, nanos) -> {
            String type = frame.path("type").asText();
            if ("ack".equals(type)) {
                Long sent = awaitingAck.remove(frame.path("client_id").asText());
                if (sent != null) {
                    ack.add(nanos - sent);
                }
            } else if ("event".equals(type) && !senders.contains(client)) {
                Long sent = pending.remove(frame.path("client_id").asText());
                if (sent != null) {
                    delivery.add(nanos - sent);
                }
            } else if ("error".equals(type)) {
                errors.incrementAndGet();
                errorCodes.computeIfAbsent(frame.path("code").asText(), code -> new AtomicLong()).incrementAndGet();
            }
        };
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        long sent = 0;
        String prefix = "f" + System.nanoTime() + "-";
        while (sent < total) {
            long due = Math.min(total, (long) ((System.nanoTime() - start) / 1e9 * rate));
            for (; sent < due; sent++) {
                int pair = (int) (sent % chats.size());
                String clientId = prefix + sent;
                long now = System.nanoTime();
                awaitingAck.put(clientId, now);
                pending.put(clientId, now);
                senders.get(pair).send("{\"type\":\"send\",\"id\":" + sent + ",\"chat\":\"" + chats.get(pair) + "\",\"client_id\":\""
                        + clientId + "\",\"body\":\"federation bench message " + sent + "\"}");
            }
            Thread.sleep(2);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long delivered = total - pending.size();
        log("%s at %d msg/s: %d/%d delivered in %.1f s; ack %s; delivery %s; %d errors %s", label, rate, delivered, total, elapsed,
                ack.summary(), delivery.summary(), errors.get(), errorCodes);
        if (report) {
            table.add(new String[] {label + " at " + rate + " msg/s", delivered + "/" + total + " delivered; send→ack " + ack.summary()});
            table.add(new String[] {"", "send→receive on the other server " + delivery.summary()});
        }
        return delivered == total;
    }

    /** {@code count} messages sent as fast as the sockets take them; the time until the remote has all. */
    private boolean burst(List<Client> senders, List<String> chats, int count, String label) throws Exception {
        AtomicLong delivered = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        Map<String, Boolean> pending = new ConcurrentHashMap<>();
        String prefix = "x" + System.nanoTime() + "-";
        scenario = (client, frame, nanos) -> {
            if ("event".equals(frame.path("type").asText()) && !senders.contains(client)
                    && pending.remove(frame.path("client_id").asText()) != null) {
                delivered.incrementAndGet();
            } else if ("error".equals(frame.path("type").asText()) && senders.contains(client) && frame.hasNonNull("id")
                    && pending.remove(prefix + frame.path("id").asText()) != null) {
                // Refused by the home (e.g. the per-user send rate): it will never arrive.
                refused.incrementAndGet();
            }
        };
        for (int i = 0; i < count; i++) {
            pending.put(prefix + i, true);
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int pair = i % chats.size();
            senders.get(pair).send("{\"type\":\"send\",\"id\":" + i + ",\"chat\":\"" + chats.get(pair) + "\",\"client_id\":\"" + prefix + i
                    + "\",\"body\":\"burst " + i + "\"}");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (delivered.get() + refused.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        log("%s burst: %d/%d delivered in %.1f s (%.0f msg/s), %d refused by the home", label, delivered.get(), count, elapsed,
                delivered.get() / elapsed, refused.get());
        table.add(new String[] {label + ": burst of " + count, delivered.get() + "/" + count + " delivered in " + String.format("%.1f s = %.0f msg/s",
                elapsed, delivered.get() / elapsed) + (refused.get() > 0 ? ", " + refused.get() + " refused (send rate)" : "")});
        return delivered.get() + refused.get() == count;
    }

    private static URI ws(String httpUrl) {
        return URI.create(httpUrl.replaceFirst("^http", "ws") + "/api/v1/ws");
    }

    private static void log(String format, Object... args) {
        System.out.printf("[federation-bench] " + format + "%n", args);
    }
}
