package io.stratum.admin.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.stratum.trusts.routing.Routes;

/**
 * Which servers a chat spans and through which path this server reaches each: itself ({@code [self]});
 * a server with a link up ({@code [self, X]}); else through the next hop the routes choose
 * ({@code [self, N, X]}, N being the neighbour that announced X or the upstream that relays further);
 * else no path now (empty: envelopes for it wait). Announcements are flat (a neighbour announces every
 * server below it, not how it reaches them), so a path never has more than one relay between. Pure.
 */
public final class ChatPaths {
    private ChatPaths() {
    }

    /** A chat's servers, its home first. */
    public record ChatPath(String chatId, String homeServer, List<ServerPath> servers) {
    }

    /**
     * One server of a chat.
     *
     * @param home    whether it is the chat's home server
     * @param members members of the chat whose home it is
     * @param path    server ids from this server to it; empty when there is no route now
     */
    public record ServerPath(String server, boolean home, long members, List<String> path) {
    }

    /** A server of a chat and how many of the chat's members it is home to. */
    public record MemberServer(String server, long members) {
    }

    /**
     * @param memberServers the chat's member servers (this server's own id for its local users)
     */
    public static ChatPath of(String selfId, String chatId, String homeServer, Collection<MemberServer> memberServers, Routes routes) {
        Set<String> servers = new LinkedHashSet<>();
        servers.add(homeServer);
        memberServers.stream().map(MemberServer::server).sorted().forEach(servers::add);
        List<ServerPath> paths = new ArrayList<>();
        for (String server : servers) {
            long members = memberServers.stream().filter(m -> m.server().equals(server)).mapToLong(MemberServer::members).sum();
            paths.add(new ServerPath(server, server.equals(homeServer), members, path(selfId, server, routes)));
        }
        return new ChatPath(chatId, homeServer, List.copyOf(paths));
    }

    /** The path from this server to {@code server}, empty when there is no route now. */
    public static List<String> path(String selfId, String server, Routes routes) {
        if (server.equals(selfId)) {
            return List.of(selfId);
        }
        Optional<String> hop = routes.nextHop(server);
        if (hop.isEmpty()) {
            return List.of();
        }
        if (hop.get().equals(server)) {
            return List.of(selfId, server);
        }
        return List.of(selfId, hop.get(), server);
    }
}
