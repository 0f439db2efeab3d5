package io.stratum.client.contacts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.stratum.client.auth.DeviceTokens;
import io.stratum.client.http.Json;

/**
 * Finding people: profiles by address ({@code GET /api/v1/users/{address}}, on any server reachable
 * through the trusts), this server's address book ({@code GET /api/v1/address-book}) and the partner
 * servers' address books ({@code GET /api/v1/address-book/trusts}). Every call blocks; failures are
 * {@link io.stratum.client.http.StratumException}s with the server's code ({@code no_such_user},
 * {@code server_unreachable}, {@code server_timeout}, ...).
 */
public final class People {
    /** A profile; {@code email} and {@code phone} are null for users of other servers. */
    public record Profile(String address, String server, String name, String company, String department, String position,
            String email, String phone, boolean avatar) {
    }

    /** An address-book entry; {@code address} is null when the person is not a chat user; {@code server} is the partner it came from (null: this server). */
    public record Entry(String server, String name, String position, String department, String company, String email, List<String> phones,
            String address) {
    }

    /** Partners' answers: the entries, and each partner's status ({@code ok}, {@code trust_search_off}, ...). */
    public record PartnerResults(List<Entry> entries, java.util.Map<String, String> statusByServer) {
    }

    private final DeviceTokens tokens;

    public People(DeviceTokens tokens) {
        this.tokens = tokens;
    }

    public Profile profile(String address) {
        JsonNode json = tokens.call("GET", "/api/v1/users/" + encode(address), null);
        return new Profile(Json.text(json, "address"), Json.text(json, "server"), Json.text(json, "name"), Json.text(json, "company"),
                Json.text(json, "department"), Json.text(json, "position"), Json.text(json, "email"), Json.text(json, "phone"),
                json.path("avatar").asBoolean());
    }

    /** The first page (up to 50) of this server's address book matching {@code text}. */
    public List<Entry> search(String text) {
        return entries(tokens.call("GET", "/api/v1/address-book?q=" + encode(text), null).path("entries"), null);
    }

    /** The partner servers' address books matching {@code text}. */
    public PartnerResults searchPartners(String text) {
        JsonNode json = tokens.call("GET", "/api/v1/address-book/trusts?q=" + encode(text), null);
        java.util.Map<String, String> status = new java.util.LinkedHashMap<>();
        json.path("servers").forEach(server -> status.put(server.path("id").asText(), server.path("status").asText()));
        return new PartnerResults(entries(json.path("entries"), null), status);
    }

    private static List<Entry> entries(JsonNode array, String server) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode entry : array) {
            List<String> phones = new ArrayList<>();
            entry.path("phones").forEach(phone -> phones.add(phone.asText()));
            entries.add(new Entry(entry.hasNonNull("server") ? entry.get("server").asText() : server, Json.text(entry, "name"),
                    Json.text(entry, "position"), Json.text(entry, "department"), Json.text(entry, "company"), Json.text(entry, "email"),
                    phones, Json.text(entry, "address")));
        }
        return entries;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
