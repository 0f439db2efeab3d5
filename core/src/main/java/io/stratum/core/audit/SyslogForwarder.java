package io.stratum.core.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.stratum.core.server.ServerConfig;

/**
 * Sends audit records to a syslog server (RFC 5424) over UDP, or over TCP with octet counting
 * (RFC 6587), from one thread of its own so that records leave in order and callers never wait.
 * A record that cannot be sent is logged (without its content) and dropped: PostgreSQL stays the
 * record of truth.
 */
@ApplicationScoped
public class SyslogForwarder {
    private static final Logger LOGGER = Logger.getLogger(SyslogForwarder.class);

    private final AuditConfig.Syslog config;
    private final String host;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "stratum-syslog");
        thread.setDaemon(true);
        return thread;
    });
    private Socket tcp;
    private DatagramSocket udp;

    public SyslogForwarder(AuditConfig config, ServerConfig server) {
        this.config = config.syslog();
        this.host = server.host();
    }

    /** Queues the record for sending when forwarding is enabled. */
    public void forward(AuditRecord record) {
        if (!config.enabled()) {
            return;
        }
        String message = SyslogMessage.format(record, config.facility(), host, config.appName());
        sender.execute(() -> send(record.seq(), message.getBytes(StandardCharsets.UTF_8)));
    }

    private void send(long seq, byte[] message) {
        try {
            if (config.protocol() == AuditConfig.Protocol.UDP) {
                if (udp == null) {
                    udp = new DatagramSocket();
                }
                udp.send(new DatagramPacket(message, message.length, new InetSocketAddress(config.host(), config.port())));
            } else {
                sendTcp(message);
            }
        } catch (IOException | RuntimeException e) {
            closeTcp();
            LOGGER.warnv("Audit record not forwarded to syslog: seq={0} server={1}:{2} error={3}",
                    seq, config.host(), config.port(), e.toString());
        }
    }

    private void sendTcp(byte[] message) throws IOException {
        if (tcp == null || tcp.isClosed()) {
            tcp = new Socket();
            tcp.connect(new InetSocketAddress(config.host(), config.port()), 5000);
        }
        OutputStream out = tcp.getOutputStream();
        out.write((message.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.write(message);
        out.flush();
    }

    private void closeTcp() {
        if (tcp != null) {
            try {
                tcp.close();
            } catch (IOException ignored) {
                // closing a broken socket; the next record reconnects
            }
            tcp = null;
        }
    }

    @PreDestroy
    void close() {
        sender.execute(this::closeTcp);
        sender.shutdown();
    }
}
