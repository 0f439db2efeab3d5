package io.stratum.core.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where audit records go besides PostgreSQL and Kafka. */
@ConfigMapping(prefix = "stratum.audit")
public interface AuditConfig {
    /** Forwarding to a syslog server (a SIEM), RFC 5424. */
    Syslog syslog();

    /** Syslog forwarding. */
    interface Syslog {
        /** Whether audit records are forwarded to syslog. */
        @WithDefault("false")
        boolean enabled();

        /** The syslog server's host. */
        @WithDefault("localhost")
        String host();

        /** The syslog server's port. */
        @WithDefault("514")
        int port();

        /** UDP (one datagram per record) or TCP (octet-counted frames, RFC 6587). */
        @WithDefault("udp")
        Protocol protocol();

        /** The syslog facility number (RFC 5424 table 1); 10 is security/authorization. */
        @WithDefault("10")
        int facility();

        /** The APP-NAME field. */
        @WithDefault("stratum")
        String appName();
    }

    /** Transport to the syslog server. */
    enum Protocol {
        UDP, TCP
    }
}
