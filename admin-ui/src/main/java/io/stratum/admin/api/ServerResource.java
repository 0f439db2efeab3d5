package io.stratum.admin.api;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.stratum.admin.auth.Access;
import io.stratum.admin.auth.AdminAccess;
import io.stratum.admin.auth.CurrentAdmin;
import io.stratum.admin.auth.Section;
import io.stratum.admin.server.BotxCertificateStore;
import io.stratum.admin.server.CertificateInfo;
import io.stratum.admin.server.TrustCertificateStore;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.server.ServerInfoResource;

/** The Server section: identity and uptime, the trust TLS certificate, the BotX certificate. */
@Path(AdminPaths.API + "/server")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: server")
public class ServerResource {
    private final ServerInfoResource info;
    private final TrustCertificateStore certificates;
    private final BotxCertificateStore botx;
    private final CurrentAdmin current;

    public ServerResource(ServerInfoResource info, TrustCertificateStore certificates, BotxCertificateStore botx, CurrentAdmin current) {
        this.info = info;
        this.certificates = certificates;
        this.botx = botx;
        this.current = current;
    }

    /** PEM texts: the chain (server certificate first) and the unencrypted private key. */
    public record CertificateUpload(String certificate, String privateKey) {
    }

    @GET
    @AdminAccess(Section.SERVER)
    @Operation(summary = "Server id, role, host, version, uptime")
    public ServerInfoResource.ServerInfo server() {
        return info.info();
    }

    @GET
    @Path("/certificate")
    @AdminAccess(Section.SERVER)
    @Operation(summary = "The trust TLS certificate: subject, issuer, expiry, fingerprint (404 when none is set)")
    public Response certificate() {
        return certificates.current().<Response>map(c -> Response.ok(c).build())
                .orElse(Response.status(404).entity(Map.of("error", "not_set", "message", "no trust certificate set; a self-signed one is used")).build());
    }

    @PUT
    @Path("/certificate")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminAccess(value = Section.SERVER, access = Access.WRITE)
    @Operation(summary = "Set the trust TLS certificate chain and key (validated: order, key match, validity)")
    public CertificateInfo replaceCertificate(CertificateUpload upload) {
        return certificates.replace(current.require(), upload == null ? null : upload.certificate(), upload == null ? null : upload.privateKey());
    }

    @GET
    @Path("/botx-certificate")
    @AdminAccess(Section.SERVER)
    @Operation(summary = "The BotX certificate: subject, issuer, expiry, fingerprint (404 when none is set)")
    public Response botxCertificate() {
        return botx.current().<Response>map(c -> Response.ok(c).build())
                .orElse(Response.status(404).entity(Map.of("error", "not_set", "message", "no BotX certificate set")).build());
    }

    @PUT
    @Path("/botx-certificate")
    @Consumes(MediaType.APPLICATION_JSON)
    @AdminAccess(value = Section.SERVER, access = Access.WRITE)
    @Operation(summary = "Set the BotX certificate chain and key (validated like the trust certificate: order, key match, validity)")
    public CertificateInfo replaceBotxCertificate(CertificateUpload upload) {
        return botx.replace(current.require(), upload == null ? null : upload.certificate(), upload == null ? null : upload.privateKey());
    }

    @DELETE
    @Path("/botx-certificate")
    @AdminAccess(value = Section.SERVER, access = Access.WRITE)
    @Operation(summary = "Remove the BotX certificate and key (204; 404 not_set when none is set)")
    public Response removeBotxCertificate() {
        return botx.remove(current.require()) ? Response.noContent().build()
                : Response.status(404).entity(Map.of("error", "not_set", "message", "no BotX certificate set")).build();
    }
}
