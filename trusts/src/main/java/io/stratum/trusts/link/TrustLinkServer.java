package io.stratum.trusts.link;

import jakarta.annotation.Priority;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.stratum.core.boot.StartupOrder;
import io.stratum.core.server.ServerConfig;
import io.stratum.trusts.records.TrustRecords;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;

/**
 * Accepts trust links on {@code stratum.trust.port} (TLS). The first frame must be {@code hello}
 * naming us, the caller's id and the token we accept from it; a known, enabled trust with that token
 * gets {@code welcome} with the token it accepts from us, anything else {@code refused} with a code
 * and the connection closed. Every attempt is audited.
 */
@ApplicationScoped
public class TrustLinkServer {
    private static final Logger LOGGER = Logger.getLogger(TrustLinkServer.class);

    private final Vertx vertx;
    private final TrustLinkConfig config;
    private final LinkCertificate certificate;
    private final TrustRecords trusts;
    private final TrustLinks links;
    private final LinkAudit audit;
    private final String ownId;
    private volatile NetServer server;
    private volatile String problem = "starting";

    public TrustLinkServer(Vertx vertx, TrustLinkConfig config, LinkCertificate certificate, TrustRecords trusts, TrustLinks links,
            LinkAudit audit, ServerConfig server) {
        this.vertx = vertx;
        this.config = config;
        this.certificate = certificate;
        this.trusts = trusts;
        this.links = links;
        this.audit = audit;
        this.ownId = server.id();
    }

    void onStart(@Observes @Priority(StartupOrder.READINESS) StartupEvent event) {
        certificate.load().subscribe().with(keyCert -> {
            NetServerOptions options = new NetServerOptions().setPort(config.port()).setSsl(true).setKeyCertOptions(keyCert);
            vertx.createNetServer(options).connectHandler(this::handshake).listen().onComplete(listening -> {
                if (listening.succeeded()) {
                    server = listening.result();
                    problem = "";
                    LOGGER.infov("Trust link listens on port {0}", server.actualPort());
                } else {
                    problem = "cannot listen on port " + config.port() + ": " + listening.cause().getMessage();
                    LOGGER.error("Trust link: " + problem);
                }
            });
        }, failure -> {
            problem = "no TLS certificate: " + failure.getMessage();
            LOGGER.error("Trust link: " + problem);
        });
    }

    /** The port listened on (the configured one, or the one picked for port 0); -1 before listening. */
    public int port() {
        NetServer listening = server;
        return listening == null ? -1 : listening.actualPort();
    }

    /** Why the link does not listen, empty when it does. */
    public String problem() {
        return problem;
    }

    private void handshake(NetSocket socket) {
        String ip = socket.remoteAddress() == null ? "" : socket.remoteAddress().hostAddress();
        RecordParser frames = RecordParser.newDelimited("\n", socket).maxRecordSize(LinkFrames.MAX_FRAME);
        long timeout = vertx.setTimer(config.handshakeTimeout().toMillis(), id -> refuse(socket, "", ip, "handshake_timeout"));
        frames.exceptionHandler(failure -> refuse(socket, "", ip, "frame_too_large"));
        frames.handler(line -> {
            vertx.cancelTimer(timeout);
            frames.pause();
            JsonObject hello;
            try {
                hello = line.toJsonObject();
            } catch (RuntimeException e) {
                refuse(socket, "", ip, "malformed_hello");
                return;
            }
            String from = hello.getValue("from") instanceof String text ? text : "";
            String token = hello.getValue("token") instanceof String text ? text : "";
            if (!"hello".equals(hello.getString("type")) || from.isEmpty()) {
                refuse(socket, from, ip, "malformed_hello");
            } else if (!Integer.valueOf(LinkFrames.VERSION).equals(hello.getInteger("version"))) {
                refuse(socket, from, ip, "version_unsupported");
            } else if (!ownId.equals(hello.getString("to"))) {
                refuse(socket, from, ip, "wrong_server");
            } else {
                check(from, token).subscribe().with(code -> {
                    if (!code.isEmpty()) {
                        refuse(socket, from, ip, code);
                        return;
                    }
                    trusts.connectToken(from).subscribe().with(ours -> {
                        socket.write(LinkFrames.encode(LinkFrames.welcome(ownId, ours)));
                        audit.accepted(from, ip, false);
                        links.attach(new TrustLink(vertx, socket, frames, from, false, config.heartbeat()));
                        frames.resume();
                    }, failure -> refuse(socket, from, ip, "internal"));
                }, failure -> refuse(socket, from, ip, "internal"));
            }
        });
    }

    /** Empty when the caller may connect, else the refusal code. */
    private Uni<String> check(String from, String token) {
        return trusts.find(from).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item("unknown_server");
            }
            if (!found.get().enabled()) {
                return Uni.createFrom().item("trust_disabled");
            }
            return trusts.acceptsToken(from, token).map(accepted -> accepted ? "" : "token_refused");
        });
    }

    private void refuse(NetSocket socket, String from, String ip, String code) {
        audit.refused(from.isEmpty() ? "(unknown)" : from, ip, false, code);
        socket.write(LinkFrames.encode(LinkFrames.refused(code))).onComplete(done -> socket.close());
    }

    @PreDestroy
    void stop() {
        NetServer listening = server;
        if (listening != null) {
            listening.close();
        }
    }
}
