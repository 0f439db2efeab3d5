package io.stratum.admin.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.Section;
import io.stratum.admin.graph.ChatPaths;
import io.stratum.admin.graph.ConsoleGraph;
import io.stratum.admin.graph.RoutingGraph;
import io.stratum.admin.web.AdminPaths;

/** The routing graph (trusts.md, "Routing graph"): the servers and links this server knows, and each chat's paths. */
@Path(AdminPaths.API + "/graph")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: trusts")
public class GraphResource {
    private final ConsoleGraph graph;

    public GraphResource(ConsoleGraph graph) {
        this.graph = graph;
    }

    @GET
    @AdminAccess(Section.TRUSTS)
    @Operation(summary = "The servers this server knows and the links between them: this server (status SELF), every trust "
            + "(an edge from this server with the link's state GREEN, RED or PURPLE) and the servers connected neighbours announced "
            + "(an edge from the neighbour, GREEN; role and host as the server announced them, UNKNOWN when it did not); per node the chats known here whose home it is")
    public RoutingGraph.Graph graph() {
        return graph.graph();
    }

    @GET
    @Path("/attached")
    @AdminAccess(Section.TRUSTS)
    @Operation(summary = "The registry: servers known from route announcements that have no trust here (on an RTS or ETS, the servers "
            + "attached below through a lower ETS), with the role and host each announced, the neighbour it was last heard through, "
            + "whether a connected neighbour announces it now (reachable) and when it was last heard of")
    public java.util.List<ConsoleGraph.Attached> attached() {
        return graph.attached();
    }

    @GET
    @Path("/chats/{chatId}/path")
    @AdminAccess(Section.TRUSTS)
    @Operation(summary = "A chat's home server and, for each of its servers, the path from this server as server ids: [self] for "
            + "itself, [self, X] over a link that is up, [self, N, X] through the next hop N, [] while there is no route "
            + "(404 chat_not_found)")
    public ChatPaths.ChatPath chatPath(@PathParam("chatId") String chatId) {
        return graph.chatPath(chatId);
    }
}
