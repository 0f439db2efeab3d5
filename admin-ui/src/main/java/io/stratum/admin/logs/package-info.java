/**
 * The Logs section: the most recent log lines of this process, kept in memory by a handler on the
 * root logger ({@link io.stratum.admin.logs.RecentLogLines}); off when {@code stratum.admin.logs.enabled=false},
 * and hidden (nothing kept) while the runtime setting {@code console.logs} is off.
 */
package io.stratum.admin.logs;
