package io.stratum.client.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.stratum.client.auth.DeviceTokens;
import io.stratum.client.http.Json;
import io.stratum.client.http.StratumException;
import io.stratum.client.live.Draft;

/**
 * The caller's chats over REST ({@code /api/v1/chats}). Every method blocks until the server
 * answers and throws {@link StratumException} on failure ({@code no_such_chat}, {@code not_admin}, ...).
 */
public final class Chats {
    /** The most events one history page may hold (the server's limit). */
    public static final int MAX_PAGE = 200;

    private final DeviceTokens tokens;

    public Chats(DeviceTokens tokens) {
        this.tokens = tokens;
    }

    public List<Chat> list() {
        List<Chat> chats = new ArrayList<>();
        for (JsonNode chat : tokens.call("GET", "/api/v1/chats", null)) {
            chats.add(Chat.fromJson(chat));
        }
        return chats;
    }

    /** One chat with its members. */
    public Chat get(UUID chat) {
        return Chat.fromJson(tokens.call("GET", "/api/v1/chats/" + chat, null));
    }

    /** The personal chat with {@code other}; the same chat every time for the same pair. */
    public Chat createPersonal(UUID other) {
        return create("personal", null, List.of(other));
    }

    /**
     * The personal chat with the user at {@code address} ({@code HUID@server-id}, possibly of another
     * server: the chat then spans both servers, this one being its home unless the other side made it first).
     */
    public Chat createPersonal(String address) {
        return create("personal", null, List.of(address));
    }

    /** A group; members are HUIDs (users of this server) or addresses {@code HUID@server-id} (any server). */
    public Chat createGroup(String name, Collection<?> members) {
        return create("group", name, members);
    }

    /** A channel: only admins (the creator at first) post. Members as for {@link #createGroup}. */
    public Chat createChannel(String name, Collection<?> members) {
        return create("channel", name, members);
    }

    public void rename(UUID chat, String name) {
        tokens.call("PATCH", "/api/v1/chats/" + chat, Json.object().put("name", name));
    }

    /** Members as for {@link #createGroup}. */
    public void addMembers(UUID chat, Collection<?> members) {
        tokens.call("POST", "/api/v1/chats/" + chat + "/members", Json.object().set("members", ids(members)));
    }

    public void removeMember(UUID chat, UUID member) {
        tokens.call("DELETE", "/api/v1/chats/" + chat + "/members/" + member, null);
    }

    public void leave(UUID chat) {
        tokens.call("POST", "/api/v1/chats/" + chat + "/leave", null);
    }

    /** Up to {@code limit} events with seq above {@code afterSeq}, oldest first (empty when there are none). */
    public List<ChatEvent> historyAfter(UUID chat, long afterSeq, int limit) {
        return page(chat, "after=" + afterSeq, limit);
    }

    /** The {@code limit} events just before {@code beforeSeq}, oldest first: page backwards by passing the first one's seq. */
    public List<ChatEvent> historyBefore(UUID chat, long beforeSeq, int limit) {
        return page(chat, "before=" + beforeSeq, limit);
    }

    /** Every event with seq in ({@code afterSeq}, {@code untilSeq}], page by page, oldest first. */
    public List<ChatEvent> historyBetween(UUID chat, long afterSeq, long untilSeq) {
        List<ChatEvent> events = new ArrayList<>();
        long cursor = afterSeq;
        while (cursor < untilSeq) {
            List<ChatEvent> page = historyAfter(chat, cursor, MAX_PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (ChatEvent event : page) {
                if (event.seq() <= untilSeq) {
                    events.add(event);
                }
                cursor = Math.max(cursor, event.seq());
            }
        }
        return events;
    }

    /**
     * Sends a text message over REST, without a live session (scripts, bots); answers once it is
     * stored. {@code clientId} makes it idempotent as over the WebSocket.
     *
     * @return the message's seq
     */
    public long sendText(UUID chat, String clientId, String body) {
        return send(chat, clientId, Draft.text(body));
    }

    /**
     * Sends a message over REST as {@link #sendText} does: text, a reply, mentions, attachments
     * ({@code invalid_attachment} when a file was not uploaded to this chat).
     *
     * @return the message's seq
     */
    public long send(UUID chat, String clientId, Draft draft) {
        ObjectNode message = Json.object().put("client_id", clientId).put("content_type", draft.contentType());
        if (draft.body() != null) {
            message.put("body", draft.body());
        }
        if (draft.replyTo() != null) {
            message.put("reply_to", draft.replyTo());
        }
        if (!draft.mentions().isEmpty()) {
            message.set("mentions", ids(draft.mentions()));
        }
        if (!draft.attachments().isEmpty()) {
            message.set("attachments", ids(draft.attachments()));
        }
        return tokens.call("POST", "/api/v1/chats/" + chat + "/messages", message).path("seq").asLong();
    }

    private List<ChatEvent> page(UUID chat, String from, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE);
        }
        List<ChatEvent> events = new ArrayList<>();
        for (JsonNode event : tokens.call("GET", "/api/v1/chats/" + chat + "/events?" + from + "&limit=" + limit, null).path("events")) {
            events.add(ChatEvent.fromJson(event));
        }
        return events;
    }

    private Chat create(String kind, String name, Collection<?> members) {
        ObjectNode request = Json.object().put("kind", kind);
        if (name != null) {
            request.put("name", name);
        }
        request.set("members", ids(members));
        return Chat.fromJson(tokens.call("POST", "/api/v1/chats", request));
    }

    private static ArrayNode ids(Collection<?> members) {
        ArrayNode ids = Json.MAPPER.createArrayNode();
        members.forEach(member -> ids.add(member.toString()));
        return ids;
    }
}
