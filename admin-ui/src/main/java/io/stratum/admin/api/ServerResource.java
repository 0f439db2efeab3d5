package io.stratum.admin.api;

import java.util.Map;

import jakarta.ws.rs.Consumes;
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
import io.stratum.admin.server.TrustCertificateInfo;
import io.stratum.admin.server.TrustCertificateStore;
import io.stratum.admin.web.AdminPaths;
import io.stratum.core.server.ServerInfoResource;

/** The Server section: identity and uptime, the trust TLS certificate. */
@Path(AdminPaths.API + "/server")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: server")
public class ServerResource {
    private final ServerInfoResource info;
    private final TrustCertificateStore certificates;
    private final CurrentAdmin current;

    public ServerResource(ServerInfoResource info, TrustCertificateStore certificates, CurrentAdmin current) {
        this.info = info;
        this.certificates = certificates;
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
    public TrustCertificateInfo replaceCertificate(CertificateUpload upload) {
        return certificates.replace(current.require(), upload == null ? null : upload.certificate(), upload == null ? null : upload.privateKey());
    }
}
