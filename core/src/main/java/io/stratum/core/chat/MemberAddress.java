package io.stratum.core.chat;

import java.util.UUID;
import java.util.regex.Pattern;

import io.stratum.core.api.ApiException;

/**
 * A chat member as clients name it: {@code HUID} or {@code HUID@server-id}. {@code server} is null
 * for a user of this server (also when the address names this server).
 */
public record MemberAddress(UUID huid, String server) {
    private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public boolean local() {
        return server == null;
    }

    /** Parses an address; {@code ownId} is this server's id. Refuses anything else with {@code members_invalid}. */
    public static MemberAddress parse(String address, String ownId) {
        String text = address == null ? "" : address.strip();
        int at = text.indexOf('@');
        String huid = at < 0 ? text : text.substring(0, at);
        String server = at < 0 ? null : text.substring(at + 1);
        if (huid.length() != 36 || (server != null && !SERVER_ID.matcher(server).matches())) {
            throw invalid(address);
        }
        try {
            return new MemberAddress(UUID.fromString(huid), server == null || server.equals(ownId) ? null : server);
        } catch (IllegalArgumentException e) {
            throw invalid(address);
        }
    }

    private static ApiException invalid(String address) {
        return ApiException.badRequest("members_invalid", "a member is a HUID or an address HUID@server-id; not: "
                + (address == null ? "null" : address.length() > 80 ? address.substring(0, 80) + "…" : address));
    }
}
