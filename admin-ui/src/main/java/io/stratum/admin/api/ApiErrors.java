package io.stratum.admin.api;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.stratum.admin.InvalidInput;
import io.stratum.admin.administrators.Administrators;

/** Maps the console's failures a caller can act on to HTTP answers: 400 with the fields, 404. */
public class ApiErrors {
    @ServerExceptionMapper
    public Response invalid(InvalidInput e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "invalid_input", "errors", e.errors())).build();
    }

    @ServerExceptionMapper
    public Response entryNotFound(io.stratum.admin.addressbook.AddressBookAdministration.EntryNotFound e) {
        return Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "not_found", "message", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response notFound(Administrators.NotFound e) {
        return Response.status(404).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", "not_found", "message", e.getMessage())).build();
    }
}
