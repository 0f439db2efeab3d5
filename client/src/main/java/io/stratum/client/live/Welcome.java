package io.stratum.client.live;

import java.util.List;
import java.util.UUID;

import io.stratum.client.chat.Chat;

/** The server's answer to hello: protocol version, who the device is, the user's chats (without members). */
public record Welcome(String protocol, UUID huid, UUID deviceId, List<Chat> chats) {
}
