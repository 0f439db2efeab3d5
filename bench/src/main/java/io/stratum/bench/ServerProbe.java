package io.stratum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the measured processes use: the server's heap after a full GC ({@code jcmd GC.run} then
 * {@code GC.heap_info}), its RSS ({@code VmRSS}), and CPU time (user + system, from
 * {@code /proc/<pid>/stat}) of the server, Kafka, every {@code postgres} process and this generator.
 */
final class ServerProbe {
    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");
    private static final double TICKS_PER_SECOND = 100.0;

    private final long serverPid;
    private final long kafkaPid;

    ServerProbe(long serverPid, long kafkaPid) {
        this.serverPid = serverPid;
        this.kafkaPid = kafkaPid;
    }

    /** Used heap in KiB after a full collection. */
    long heapAfterGcKb() throws IOException, InterruptedException {
        run("jcmd", Long.toString(serverPid), "GC.run");
        String info = run("jcmd", Long.toString(serverPid), "GC.heap_info");
        long used = 0;
        Matcher matcher = USED.matcher(info);
        while (matcher.find()) {
            used += Long.parseLong(matcher.group(1));
        }
        return used;
    }

    long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + serverPid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** CPU seconds used so far: server, kafka, postgres (all processes), generator. */
    double[] cpu() throws IOException {
        double postgres = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if ("postgres".equals(Files.readString(process.resolve("comm")).trim())) {
                        postgres += cpuOf(Long.parseLong(name));
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return new double[] {cpuOf(serverPid), kafkaPid > 0 ? cpuOf(kafkaPid) : Double.NaN, postgres, cpuOf(ProcessHandle.current().pid())};
    }

    static String cpuLine(double[] before, double[] after, double seconds) {
        return String.format("CPU used (cores over %.1f s): server %.2f, kafka %.2f, postgres (all clusters' processes) %.2f, generator %.2f;"
                        + " load average %s; CPU pressure (avg10) %s",
                seconds, (after[0] - before[0]) / seconds, (after[1] - before[1]) / seconds,
                (after[2] - before[2]) / seconds, (after[3] - before[3]) / seconds, loadAverage(), cpuPressure());
    }

    /** Seconds the server has spent in GC so far ({@code jstat -gc}, column GCT). */
    double gcSeconds() {
        try {
            String[] lines = run("jstat", "-gc", Long.toString(serverPid)).trim().split("\n");
            String[] fields = lines[lines.length - 1].trim().split("\\s+");
            return Double.parseDouble(fields[fields.length - 1]);
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** The machine's CPU pressure: share of the last 10 s in which some runnable task waited for a core. */
    static String cpuPressure() {
        try {
            String line = Files.readAllLines(Path.of("/proc/pressure/cpu")).get(0);
            return line.replaceAll(".*avg10=([0-9.]+).*", "$1") + " %";
        } catch (Exception e) {
            return "?";
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static double cpuOf(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }
}
