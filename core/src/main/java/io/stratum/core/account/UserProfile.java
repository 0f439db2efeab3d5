package io.stratum.core.account;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.vertx.core.json.JsonObject;

/**
 * A user's profile as other users see it, on this server or another: the address book's public
 * fields. {@code email} and {@code phone} are given only for users of this server (a partner server
 * sees name, company, department and position). {@code avatar} says whether the user has one
 * ({@code GET /api/v1/users/{address}/avatar}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserProfile(String huid, String address, String server, String name, String company, String department,
        String position, String email, String phone, boolean avatar) {

    /** The wire form in a {@code user.profile} answer (no e-mail, no phone). */
    JsonObject toRemoteJson() {
        return new JsonObject().put("huid", huid).put("name", name).put("company", company).put("department", department)
                .put("position", position).put("avatar", avatar);
    }

    /** From a {@code user.profile} answer of {@code server}. */
    static UserProfile fromRemote(JsonObject json, String server) {
        String huid = json.getString("huid");
        return new UserProfile(huid, huid + "@" + server, server, json.getString("name"), json.getString("company"),
                json.getString("department"), json.getString("position"), null, null, json.getBoolean("avatar", false));
    }
}
