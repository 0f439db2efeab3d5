package io.stratum.admin.console;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.stratum.admin.InvalidInput;
import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.Section;
import io.stratum.admin.globalchat.GlobalChatPosts;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.chat.GlobalChat;
import io.vertx.core.http.HttpServerRequest;

/** The Global chat section: a form that posts to every user. */
@Path(AdminPaths.INTERNAL)
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console")
public class GlobalChatPage {
    private final Template template;
    private final ConsoleView view;
    private final GlobalChatPosts posts;
    private final CurrentAdmin current;

    public GlobalChatPage(@Location("console/global-chat.html") Template template, ConsoleView view, GlobalChatPosts posts,
            CurrentAdmin current) {
        this.template = template;
        this.view = view;
        this.posts = posts;
        this.current = current;
    }

    @GET
    @Path("/global_chat")
    @AdminAccess(Section.GLOBAL_CHAT)
    @Operation(summary = "Console: the global chat form")
    public Response show(@Context HttpServerRequest request) {
        return page(request).invalid(Map.of(), Map.of("text", "")).ok();
    }

    @POST
    @Path("/global_chat")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.GLOBAL_CHAT, access = Access.WRITE)
    @Operation(summary = "Console: post to every user")
    public Response post(@FormParam("text") String text, @Context HttpServerRequest request) {
        try {
            GlobalChat.Posted posted = posts.post(current.require(), text);
            ConsoleView.Page page = page(request).invalid(Map.of(), Map.of("text", ""));
            return page.notice(page.messages().global_chat_sent(posted.members(), posted.seq())).ok();
        } catch (InvalidInput e) {
            return page(request).invalid(e.errors(), Map.of("text", text == null ? "" : text)).status(400);
        }
    }

    private ConsoleView.Page page(HttpServerRequest request) {
        return view.page(template, request, "global_chat")
                .with("canWrite", current.require().rights().allows(Section.GLOBAL_CHAT, Access.WRITE))
                .pushUrl(view.base() + "/global_chat");
    }
}
