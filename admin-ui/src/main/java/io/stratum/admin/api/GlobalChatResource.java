package io.stratum.admin.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.Section;
import io.stratum.admin.globalchat.GlobalChatPosts;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.chat.GlobalChat;

/** Posting to every user of the server through the global chat ("notifications bot"). */
@Path(AdminPaths.API + "/global-chat")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: global chat")
public class GlobalChatResource {
    private final GlobalChatPosts posts;
    private final CurrentAdmin current;

    public GlobalChatResource(GlobalChatPosts posts, CurrentAdmin current) {
        this.posts = posts;
        this.current = current;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Post(String text) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Posted(String chatId, long seq, long members) {
    }

    @POST
    @Path("/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminAccess(value = Section.GLOBAL_CHAT, access = Access.WRITE)
    @Operation(summary = "Post a plain-text message to every user of this server (400 when empty or too long)")
    public Response post(Post post) {
        GlobalChat.Posted posted = posts.post(current.require(), post == null ? null : post.text());
        return Response.status(201).entity(new Posted(posted.chatId().toString(), posted.seq(), posted.members())).build();
    }
}
