package io.stratum.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.stratum.core.audit.AuditConfig;
import io.stratum.core.audit.AuditRecord;
import io.stratum.core.audit.AuditResult;
import io.stratum.core.audit.SyslogForwarder;
import io.stratum.core.server.ServerConfig;

/** Audit records reach a real syslog receiver on a loopback socket, as RFC 5424 messages over UDP and TCP. */
class SyslogForwardingTest {
    private static final AuditRecord RECORD = new AuditRecord(42, Instant.parse("2026-11-23T10:15:30.123456Z"),
            AuditRecord.Category.ADMIN, "administrator.create", "boss", "", "192.0.2.1", "new \"admin\"", AuditResult.SUCCESS,
            "{\"after\":{\"password\":\"***\"}}", "0".repeat(64), "ab".repeat(32));

    @Test
    void shouldSendOneRfc5424DatagramPerRecordOverUdp() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            receiver.setSoTimeout(20_000);
            SyslogForwarder forwarder = new SyslogForwarder(config(AuditConfig.Protocol.UDP, receiver.getLocalPort()), server());
            forwarder.forward(RECORD);
            DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
            receiver.receive(packet);
            String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertTrue(message.startsWith("<85>1 2026-11-23T10:15:30.123456Z cts.corp.example stratum "), message);
            assertTrue(message.contains(" ADMIN [audit@32473 seq=\"42\" action=\"administrator.create\" actor=\"boss\" ip=\"192.0.2.1\" "
                    + "target=\"new \\\"admin\\\"\" result=\"SUCCESS\" hash=\"" + "ab".repeat(32) + "\"] administrator.create "), message);
        }
    }

    @Test
    void shouldSendOctetCountedFramesOverTcp() throws Exception {
        try (ServerSocket receiver = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            receiver.setSoTimeout(20_000);
            SyslogForwarder forwarder = new SyslogForwarder(config(AuditConfig.Protocol.TCP, receiver.getLocalPort()), server());
            forwarder.forward(RECORD);
            forwarder.forward(RECORD);
            try (Socket connection = receiver.accept()) {
                connection.setSoTimeout(20_000);
                DataInputStream in = new DataInputStream(connection.getInputStream());
                for (int i = 0; i < 2; i++) {
                    StringBuilder length = new StringBuilder();
                    for (int c = in.read(); c != ' '; c = in.read()) {
                        length.append((char) c);
                    }
                    byte[] frame = new byte[Integer.parseInt(length.toString())];
                    in.readFully(frame);
                    String message = new String(frame, StandardCharsets.UTF_8);
                    assertTrue(message.startsWith("<85>1 "), message);
                    assertTrue(message.endsWith("{\"after\":{\"password\":\"***\"}}"), message);
                }
            }
        }
    }

    @Test
    void shouldMarkFailuresAsWarnings() {
        AuditRecord failure = new AuditRecord(1, RECORD.at(), AuditRecord.Category.CONNECTION, "administrator.login", "x", "", "", "",
                AuditResult.FAILURE, "{}", RECORD.prevHash(), RECORD.hash());
        assertEquals("<84>1", io.stratum.core.audit.SyslogMessage.format(failure, 10, "h", "stratum").substring(0, 5));
    }

    private static ServerConfig server() {
        return new ServerConfig() {
            public String id() {
                return "cts-test";
            }

            public String role() {
                return "cts";
            }

            public String host() {
                return "cts.corp.example";
            }

            public Optional<String> region() {
                return Optional.empty();
            }
        };
    }

    private static AuditConfig config(AuditConfig.Protocol protocol, int port) {
        AuditConfig.Syslog syslog = new AuditConfig.Syslog() {
            public boolean enabled() {
                return true;
            }

            public String host() {
                return "127.0.0.1";
            }

            public int port() {
                return port;
            }

            public AuditConfig.Protocol protocol() {
                return protocol;
            }

            public int facility() {
                return 10;
            }

            public String appName() {
                return "stratum";
            }
        };
        return () -> syslog;
    }
}
