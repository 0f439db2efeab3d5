package io.stratum.trusts.link;

import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.stratum.core.server.ServerConfig;
import io.stratum.trusts.records.Trust;
import io.stratum.trusts.records.TrustRecords;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;

/**
 * Dials the trusts this server should dial ({@link DialPolicy}) every {@code dial-interval}: each
 * enabled trust without a link whose backoff has passed. Proves our token with {@code hello}, checks
 * the remote's token in {@code welcome}, pins the remote's certificate on first success and refuses a
 * different one later. Closes links whose trust was blocked or deleted. Failures back off per remote
 * ({@code retry-min} doubling to {@code retry-max}) and reset on success.
 */
@ApplicationScoped
public class TrustLinkDialer {
    private static final Logger LOGGER = Logger.getLogger(TrustLinkDialer.class);

    private final Vertx vertx;
    private final TrustLinkConfig config;
    private final TrustRecords trusts;
    private final TrustLinks links;
    private final LinkAudit audit;
    private final String ownId;
    private final String ownRole;
    private final java.util.Set<String> dialing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private NetClient client;
    private long timer = -1;

    public TrustLinkDialer(Vertx vertx, TrustLinkConfig config, TrustRecords trusts, TrustLinks links, LinkAudit audit,
            ServerConfig server) {
        this.vertx = vertx;
        this.config = config;
        this.trusts = trusts;
        this.links = links;
        this.audit = audit;
        this.ownId = server.id();
        this.ownRole = server.role();
    }

    void onStart(@Observes StartupEvent event) {
        // The certificate is not verified by a CA: trusts are between known peers, who are authenticated by
        // their tokens and pinned certificates (docs/trust-protocol.md).
        client = vertx.createNetClient(new NetClientOptions().setSsl(true).setTrustAll(true).setHostnameVerificationAlgorithm("")
                .setConnectTimeout((int) config.handshakeTimeout().toMillis()));
        timer = vertx.setPeriodic(config.dialInterval().toMillis(), id -> tick());
    }

    /** Whether this server dials the trust (else it waits for the remote to dial). */
    public boolean dials(Trust trust) {
        return DialPolicy.dials(ownRole, ownId, trust);
    }

    private void tick() {
        trusts.list().subscribe().with(all -> {
            links.publish(all);
            for (String remote : links.connectedRemotes()) {
                Optional<Trust> trust = all.stream().filter(t -> t.remoteId().equals(remote)).findFirst();
                if (trust.isEmpty() || !trust.get().enabled()) {
                    LOGGER.infov("Trust with {0} blocked or deleted: closing its link", remote);
                    links.close(remote);
                }
            }
            for (Trust trust : all) {
                if (trust.enabled() && dials(trust) && !links.attachedElsewhere(trust) && !links.connected(trust.remoteId())
                        && links.due(trust.remoteId())
                        && dialing.add(trust.remoteId())) {
                    dial(trust);
                }
            }
        }, failure -> LOGGER.warnv("Trust dialer cannot read the trusts: {0}", failure.getClass().getName()));
    }

    private void dial(Trust trust) {
        String remote = trust.remoteId();
        int colon = trust.endpoint().lastIndexOf(':');
        String host = trust.endpoint().substring(0, colon);
        int port = Integer.parseInt(trust.endpoint().substring(colon + 1));
        client.connect(port, host).onComplete(connected -> {
            if (connected.failed()) {
                failed(remote, host, "unreachable", false);
                return;
            }
            NetSocket socket = connected.result();
            byte[] presented = certificateHash(socket);
            trusts.pinnedCertificate(remote).subscribe().with(pinned -> {
                if (pinned.isPresent() && !MessageDigest.isEqual(pinned.get(), presented)) {
                    socket.close();
                    failed(remote, host, "certificate_changed", true);
                    return;
                }
                trusts.connectToken(remote).subscribe().with(token -> handshake(trust, socket, host, token, presented, pinned.isEmpty()),
                        failure -> {
                            socket.close();
                            failed(remote, host, "internal", true);
                        });
            }, failure -> {
                socket.close();
                failed(remote, host, "internal", true);
            });
        });
    }

    private void handshake(Trust trust, NetSocket socket, String host, String token, byte[] certificate, boolean pinNow) {
        String remote = trust.remoteId();
        RecordParser frames = RecordParser.newDelimited("\n", socket).maxRecordSize(LinkFrames.MAX_FRAME);
        long timeout = vertx.setTimer(config.handshakeTimeout().toMillis(), id -> {
            socket.close();
            failed(remote, host, "handshake_timeout", true);
        });
        frames.exceptionHandler(failure -> {
            vertx.cancelTimer(timeout);
            socket.close();
            failed(remote, host, "malformed_answer", true);
        });
        frames.handler(line -> {
            vertx.cancelTimer(timeout);
            frames.pause();
            JsonObject answer;
            try {
                answer = line.toJsonObject();
            } catch (RuntimeException e) {
                socket.close();
                failed(remote, host, "malformed_answer", true);
                return;
            }
            if ("refused".equals(answer.getString("type"))) {
                socket.close();
                failed(remote, host, "refused_by_remote:" + answer.getString("code", "unknown"), true);
                return;
            }
            String theirs = answer.getValue("token") instanceof String text ? text : "";
            if (!"welcome".equals(answer.getString("type")) || !remote.equals(answer.getString("from"))) {
                socket.close();
                failed(remote, host, "malformed_answer", true);
                return;
            }
            trusts.acceptsToken(remote, theirs).subscribe().with(accepted -> {
                if (!accepted) {
                    socket.close();
                    failed(remote, host, "remote_token_refused", true);
                    return;
                }
                (pinNow ? trusts.pin(remote, certificate) : io.smallrye.mutiny.Uni.createFrom().voidItem()).subscribe().with(done -> {
                    dialing.remove(remote);
                    audit.accepted(remote, host, true);
                    links.attach(new TrustLink(vertx, socket, frames, remote, true, config.heartbeat()));
                    frames.resume();
                }, failure -> {
                    socket.close();
                    failed(remote, host, "internal", true);
                });
            }, failure -> {
                socket.close();
                failed(remote, host, "internal", true);
            });
        });
        socket.write(LinkFrames.encode(LinkFrames.hello(ownId, remote, token)));
    }

    private void failed(String remote, String host, String problem, boolean audited) {
        dialing.remove(remote);
        links.failed(remote, problem, config.retryMin(), config.retryMax());
        if (audited) {
            audit.refused(remote, host, true, problem);
        } else {
            LOGGER.debugv("Trust link with {0} at {1}: {2}", remote, host, problem);
        }
    }

    private static byte[] certificateHash(NetSocket socket) {
        try {
            List<Certificate> chain = socket.peerCertificates();
            return MessageDigest.getInstance("SHA-256").digest(chain.get(0).getEncoded());
        } catch (Exception e) {
            return new byte[0];
        }
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(timer);
        if (client != null) {
            client.close();
        }
    }
}
