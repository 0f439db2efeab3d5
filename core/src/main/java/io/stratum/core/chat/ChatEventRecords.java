package io.stratum.core.chat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The records of {@code <server>.chat-events} (ADR 0019). The key is the chat id; the value is the
 * {@code event} frame exactly as devices receive it; headers carry what the feed routes and orders
 * by, so it never parses the value:
 * <ul>
 * <li>{@code seq}: 8 bytes, big-endian;</li>
 * <li>{@code kind}: the event kind, UTF-8;</li>
 * <li>{@code to}: the recipients' user ids, 16 bytes each;</li>
 * <li>{@code member}: 16 bytes, only on events that end a membership: the member who leaves;</li>
 * <li>{@code origin}: 16 bytes, the instance that published it ({@code ServerInstance}), which
 * delivered it to its own devices already (ADR 0023); absent on records of older instances.</li>
 * </ul>
 * A record without a {@code seq} header is in the format before ADR 0019 (the value is the event's
 * JSON with a {@code to} array of recipients); it is still read, so that records published by an
 * older instance during a rolling restart are delivered.
 */
public final class ChatEventRecords {
    static final String SEQ = "seq";
    static final String KIND = "kind";
    static final String TO = "to";
    static final String MEMBER = "member";
    static final String ORIGIN = "origin";

    private ChatEventRecords() {
    }

    /**
     * A record read back: the event, the users of this server it goes to, and the instance that
     * published it (null when the record does not say).
     */
    public record Received(LiveEvent event, List<UUID> recipients, UUID origin) {
    }

    /** The record publishing {@code event} for {@code recipients} on {@code topic}, published by instance {@code origin} (or null). */
    public static ProducerRecord<String, String> record(String topic, LiveEvent event, List<UUID> recipients, UUID origin) {
        Headers headers = new RecordHeaders()
                .add(SEQ, ByteBuffer.allocate(Long.BYTES).putLong(event.seq()).array())
                .add(KIND, event.kind().getBytes(StandardCharsets.UTF_8))
                .add(TO, uuids(recipients));
        if (event.leaver() != null) {
            headers.add(MEMBER, uuids(List.of(event.leaver())));
        }
        if (origin != null) {
            headers.add(ORIGIN, uuids(List.of(origin)));
        }
        return new ProducerRecord<>(topic, null, event.chatId().toString(), event.frame(), headers);
    }

    /**
     * Reads a record of either format.
     *
     * @throws IllegalArgumentException when the record is not a chat event; the message says what is
     *     wrong and never quotes the value (it may hold a message body)
     */
    public static Received read(ConsumerRecord<String, String> record) {
        Header seq = record.headers().lastHeader(SEQ);
        return seq == null ? readJson(record.value()) : readFrame(record, seq);
    }

    private static Received readFrame(ConsumerRecord<String, String> record, Header seq) {
        UUID chat = chatId(record.key());
        if (seq.value() == null || seq.value().length != Long.BYTES) {
            throw new IllegalArgumentException("header seq is not 8 bytes");
        }
        Header kind = record.headers().lastHeader(KIND);
        if (kind == null || kind.value() == null || kind.value().length == 0) {
            throw new IllegalArgumentException("header kind is missing");
        }
        Header to = record.headers().lastHeader(TO);
        if (to == null) {
            throw new IllegalArgumentException("header to is missing");
        }
        List<UUID> recipients = uuids(TO, to.value());
        UUID leaver = optionalId(record, MEMBER, "user id");
        UUID origin = optionalId(record, ORIGIN, "instance id");
        String frame = record.value();
        if (frame == null || frame.isEmpty()) {
            throw new IllegalArgumentException("the record has no event frame");
        }
        LiveEvent event = new LiveEvent(chat, ByteBuffer.wrap(seq.value()).getLong(), new String(kind.value(), StandardCharsets.UTF_8),
                leaver, frame);
        return new Received(event, recipients, origin);
    }

    /** The one id in header {@code name}, or null when the record has no such header. */
    private static UUID optionalId(ConsumerRecord<String, String> record, String name, String what) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return null;
        }
        List<UUID> ids = uuids(name, header.value());
        if (ids.size() != 1) {
            throw new IllegalArgumentException("header " + name + " is not one " + what);
        }
        return ids.get(0);
    }

    /** The format before ADR 0019: {@code ChatEvent.toJson()} with a {@code to} array. */
    private static Received readJson(String value) {
        if (value == null) {
            throw new IllegalArgumentException("the record has neither headers nor a value");
        }
        JsonObject json;
        JsonArray to;
        try {
            json = new JsonObject(value);
            to = json.getJsonArray(TO);
        } catch (RuntimeException e) {
            throw notJson(e);
        }
        if (to == null) {
            throw new IllegalArgumentException("the record has no seq header and its value no to array");
        }
        try {
            List<UUID> recipients = new ArrayList<>(to.size());
            for (int i = 0; i < to.size(); i++) {
                recipients.add(UUID.fromString(to.getString(i)));
            }
            return new Received(LiveEvent.of(ChatEvent.fromJson(json)), recipients, null);
        } catch (RuntimeException e) {
            throw notJson(e);
        }
    }

    /** Not with the cause's message: a parser's message may quote the value. */
    private static IllegalArgumentException notJson(RuntimeException cause) {
        return new IllegalArgumentException("the value is not a chat event in JSON (" + cause.getClass().getSimpleName() + ")");
    }

    private static UUID chatId(String key) {
        if (key == null) {
            throw new IllegalArgumentException("the record has no key (chat id)");
        }
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key is not a chat id");
        }
    }

    private static byte[] uuids(List<UUID> users) {
        ByteBuffer bytes = ByteBuffer.allocate(users.size() * 16);
        for (UUID user : users) {
            bytes.putLong(user.getMostSignificantBits()).putLong(user.getLeastSignificantBits());
        }
        return bytes.array();
    }

    private static List<UUID> uuids(String header, byte[] value) {
        if (value == null || value.length % 16 != 0) {
            throw new IllegalArgumentException("header " + header + " is not a list of 16-byte user ids");
        }
        ByteBuffer bytes = ByteBuffer.wrap(value);
        List<UUID> users = new ArrayList<>(value.length / 16);
        while (bytes.hasRemaining()) {
            users.add(new UUID(bytes.getLong(), bytes.getLong()));
        }
        return users;
    }
}
