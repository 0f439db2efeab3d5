package io.stratum.core.audit;

import java.time.format.DateTimeFormatter;

/** Formats an audit record as one RFC 5424 syslog message. */
public final class SyslogMessage {
    /** Our structured-data id; 32473 is the private enterprise number RFC 5424 reserves for examples. */
    static final String SD_ID = "audit@32473";
    private static final int SEVERITY_NOTICE = 5;
    private static final int SEVERITY_WARNING = 4;

    private SyslogMessage() {
    }

    /** {@code <PRI>1 TIMESTAMP HOST APP PROCID MSGID [audit@32473 …] MSG}. */
    public static String format(AuditRecord record, int facility, String host, String appName) {
        int severity = record.result() == AuditResult.FAILURE ? SEVERITY_WARNING : SEVERITY_NOTICE;
        StringBuilder line = new StringBuilder()
                .append('<').append(facility * 8 + severity).append(">1 ")
                .append(DateTimeFormatter.ISO_INSTANT.format(record.at())).append(' ')
                .append(header(host)).append(' ')
                .append(header(appName)).append(' ')
                .append(ProcessHandle.current().pid()).append(' ')
                .append(record.category().name()).append(" [").append(SD_ID);
        param(line, "seq", Long.toString(record.seq()));
        param(line, "action", record.action());
        param(line, "actor", record.actor());
        param(line, "ip", record.ip());
        param(line, "device", record.device());
        param(line, "target", record.target());
        param(line, "result", record.result().name());
        param(line, "hash", record.hash());
        line.append("] ").append(record.action()).append(' ').append(record.details());
        return line.toString();
    }

    private static String header(String value) {
        String printable = value == null ? "" : value.replaceAll("[^\\x21-\\x7e]", "");
        return printable.isEmpty() ? "-" : printable;
    }

    private static void param(StringBuilder line, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        line.append(' ').append(name).append("=\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]"))
                .append('"');
    }
}
