package io.stratum.trusts.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stratum.core.addressbook.AddressBook;
import io.stratum.core.api.ApiException;
import io.stratum.core.auth.CallerIdentity;
import io.stratum.core.federation.FederationSignals;
import io.stratum.trusts.records.Trust;
import io.stratum.trusts.records.TrustKind;
import io.stratum.trusts.records.TrustRecords;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /api/v1/address-book/trusts?q=...}: searches the address books of this server's partner
 * servers (enabled CTS trusts) at once. Each partner answers only if its trust with this server allows
 * trust search and its corporate search is on; the answer lists, per partner, whether it answered.
 */
@Path("/api/v1/address-book/trusts")
@Tag(name = "Address book")
public class TrustSearchResource {
    static final Duration TIMEOUT = Duration.ofSeconds(4);

    private final TrustRecords trusts;
    private final FederationSignals signals;
    private final SecurityIdentity identity;

    public TrustSearchResource(TrustRecords trusts, FederationSignals signals, SecurityIdentity identity) {
        this.trusts = trusts;
        this.signals = signals;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Search the address books of partner servers that allow trust search (at most 20 entries each); "
            + "servers lists each partner asked with status ok, or the error code it gave (trust_search_off, server_unreachable, server_timeout)")
    public Uni<JsonObject> search(@QueryParam("q") @DefaultValue("") String query) {
        CallerIdentity.require(identity);
        if (query.strip().isEmpty()) {
            throw ApiException.badRequest("query_missing", "give the text to search for in q");
        }
        AddressBook.checkQueryLength(query);
        return trusts.list().chain(all -> {
            List<Trust> partners = all.stream().filter(Trust::enabled).filter(t -> t.kind() == TrustKind.CTS).toList();
            if (partners.isEmpty()) {
                return Uni.createFrom().item(new JsonObject().put("entries", new JsonArray()).put("servers", new JsonArray()));
            }
            List<Uni<JsonObject>> asked = new ArrayList<>();
            for (Trust partner : partners) {
                asked.add(signals.ask(partner.remoteId(), TrustSearchAnswers.SEARCH, new JsonObject().put("q", query), TIMEOUT)
                        .map(answer -> answer.put("server", partner.remoteId()).put("server_name", partner.name()).put("status", "ok"))
                        .onFailure().recoverWithItem(failure -> new JsonObject().put("server", partner.remoteId())
                                .put("server_name", partner.name())
                                .put("status", failure instanceof ApiException refusal ? refusal.code() : "remote_failure")));
            }
            return Uni.join().all(asked).andFailFast().map(answers -> {
                JsonArray entries = new JsonArray();
                JsonArray servers = new JsonArray();
                for (JsonObject answer : answers) {
                    servers.add(new JsonObject().put("id", answer.getString("server")).put("name", answer.getString("server_name"))
                            .put("status", answer.getString("status")));
                    JsonArray found = answer.getJsonArray("entries", new JsonArray());
                    for (int i = 0; i < found.size(); i++) {
                        if (found.getValue(i) instanceof JsonObject entry) {
                            entries.add(clean(entry, answer.getString("server")));
                        }
                    }
                }
                return new JsonObject().put("entries", entries).put("servers", servers);
            });
        });
    }

    /** Only the known fields of a partner's entry, as text; an address only if it names that partner. */
    static JsonObject clean(JsonObject entry, String server) {
        JsonObject clean = new JsonObject().put("server", server);
        for (String field : new String[] {"name", "position", "department", "company", "email"}) {
            if (entry.getValue(field) instanceof String text) {
                clean.put(field, text.length() > 300 ? text.substring(0, 300) : text);
            }
        }
        JsonArray phones = new JsonArray();
        if (entry.getValue("phones") instanceof JsonArray given) {
            given.stream().filter(String.class::isInstance).limit(10).forEach(phones::add);
        }
        clean.put("phones", phones);
        if (entry.getValue("address") instanceof String address && address.endsWith("@" + server) && address.length() < 120) {
            clean.put("address", address);
        }
        return clean;
    }
}
