package io.stratum.core.account;

import java.util.UUID;

/** A chat user of this server as clients see it; {@code address} is {@code HUID@server-id}. */
public record ChatUser(UUID huid, String address, String email, String phone, String name, String company,
        String department, String position, String status) {
    public boolean active() {
        return "active".equals(status);
    }
}
