package io.stratum.deploy;

import java.io.PrintWriter;
import java.util.List;

import io.stratum.deploy.process.Health;

/** Prints components and their health as an aligned table. */
final class StatusTable {
    private StatusTable() {
    }

    static boolean print(PrintWriter out, List<Health> rows) {
        int width = rows.stream().mapToInt(h -> h.component().length()).max().orElse(10);
        for (Health row : rows) {
            out.printf("%-" + width + "s  %-4s  %s%n", row.component(), row.up() ? "UP" : "DOWN", row.detail());
        }
        out.flush();
        return rows.stream().allMatch(Health::up);
    }
}
