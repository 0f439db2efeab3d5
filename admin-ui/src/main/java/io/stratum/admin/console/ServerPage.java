package io.stratum.admin.console;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

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
import io.stratum.admin.server.BotxCertificateStore;
import io.stratum.admin.server.SealedCertificateStore;
import io.stratum.admin.server.TrustCertificateStore;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.server.ServerInfoResource;
import io.vertx.core.http.HttpServerRequest;

/** The Server section: identity, the trust TLS certificate, the BotX certificate. */
@Path(AdminPaths.INTERNAL + "/server")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Console")
public class ServerPage {
    private final Template template;
    private final ConsoleView view;
    private final ServerInfoResource info;
    private final TrustCertificateStore certificates;
    private final BotxCertificateStore botx;
    private final CurrentAdmin current;

    public ServerPage(@Location("console/server.html") Template template, ConsoleView view, ServerInfoResource info,
            TrustCertificateStore certificates, BotxCertificateStore botx, CurrentAdmin current) {
        this.template = template;
        this.view = view;
        this.info = info;
        this.certificates = certificates;
        this.botx = botx;
        this.current = current;
    }

    @GET
    @AdminAccess(Section.SERVER)
    @Operation(summary = "Console: server page")
    public Response show(@Context HttpServerRequest request) {
        return page(request).ok();
    }

    @POST
    @Path("/certificate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.SERVER, access = Access.WRITE)
    @Operation(summary = "Console: set the trust TLS certificate")
    public Response certificate(@FormParam("certificate") String certificate, @FormParam("privateKey") String privateKey,
            @Context HttpServerRequest request) {
        return save(certificates, "", certificate, privateKey, request, ConsoleMessages::cert_saved);
    }

    @POST
    @Path("/botx-certificate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.SERVER, access = Access.WRITE)
    @Operation(summary = "Console: set the BotX certificate")
    public Response botxCertificate(@FormParam("certificate") String certificate, @FormParam("privateKey") String privateKey,
            @Context HttpServerRequest request) {
        return save(botx, "botx-", certificate, privateKey, request, ConsoleMessages::botx_saved);
    }

    /**
     * Stores a certificate and shows the page with {@code saved}; when it is refused, the errors go next to
     * the fields of its card (named {@code fields} + field) and the certificate is shown again, the key never.
     */
    private Response save(SealedCertificateStore store, String fields, String certificate, String privateKey, HttpServerRequest request,
            Function<ConsoleMessages, String> saved) {
        try {
            store.replace(current.require(), certificate, privateKey);
            ConsoleView.Page page = page(request);
            return page.notice(saved.apply(page.messages())).ok();
        } catch (InvalidInput e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach((field, message) -> errors.put(fields + field, message));
            return page(request).invalid(errors, Map.of(fields + "certificate", certificate == null ? "" : certificate)).status(400);
        }
    }

    @POST
    @Path("/botx-certificate/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @AdminAccess(value = Section.SERVER, access = Access.WRITE)
    @Operation(summary = "Console: remove the BotX certificate")
    public Response removeBotxCertificate(@Context HttpServerRequest request) {
        botx.remove(current.require());
        ConsoleView.Page page = page(request);
        return page.notice(page.messages().botx_removed()).ok();
    }

    private ConsoleView.Page page(HttpServerRequest request) {
        return view.page(template, request, "server")
                .with("info", info.info())
                .with("certificate", certificates.current().orElse(null))
                .with("botx", botx.current().orElse(null))
                .with("canWrite", current.require().rights().allows(Section.SERVER, Access.WRITE))
                .pushUrl(view.base() + "/server");
    }
}
