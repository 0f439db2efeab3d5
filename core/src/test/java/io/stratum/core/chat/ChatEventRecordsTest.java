package io.stratum.core.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

class ChatEventRecordsTest {
    private static final String TOPIC = "cts-a.chat-events";
    private static final UUID CHAT = UUID.fromString("7d0e0000-0000-4000-8000-000000000001");
    private static final UUID ALICE = UUID.fromString("9a1b2c3d-0000-4000-8000-000000000001");
    private static final UUID BOB = UUID.fromString("9a1b2c3d-0000-4000-8000-000000000002");
    private static final Instant AT = Instant.parse("2026-12-03T06:00:00.123456Z");

    private static ChatEvent message(long seq) {
        return new ChatEvent(CHAT, seq, EventKind.MESSAGE, ALICE, "c-1", null, "text/plain", "hello \"bob\" é",
                new JsonObject().put("mentions", new JsonArray().add(BOB.toString())), AT);
    }

    private static ConsumerRecord<String, String> received(ProducerRecord<String, String> sent) {
        return received(sent.key(), sent.value(), sent.headers());
    }

    private static ConsumerRecord<String, String> received(String key, String value, Headers headers) {
        return new ConsumerRecord<>(TOPIC, 0, 42L, 0L, TimestampType.CREATE_TIME, -1, -1, key, value, headers, Optional.empty());
    }

    @Test
    void shouldCarryTheEventFrameAsTheValueAndTheRoutingInHeaders() {
        ChatEvent event = message(46);

        ProducerRecord<String, String> record = unmarked(event, List.of(ALICE, BOB));

        assertEquals(CHAT.toString(), record.key());
        assertEquals(event.toJson(), new JsonObject(record.value()));
        assertEquals(8, record.headers().lastHeader("seq").value().length);
        assertEquals(32, record.headers().lastHeader("to").value().length);
        assertNull(record.headers().lastHeader("member"));
    }

    @Test
    void shouldReadBackWhatItWrote() {
        ChatEvent event = message(Long.MAX_VALUE - 1);
        ProducerRecord<String, String> sent = unmarked(event, List.of(ALICE, BOB));

        ChatEventRecords.Received read = ChatEventRecords.read(received(sent));

        assertEquals(new LiveEvent(CHAT, Long.MAX_VALUE - 1, EventKind.MESSAGE, null, sent.value()), read.event());
        assertEquals(List.of(ALICE, BOB), read.recipients());
    }

    @Test
    void shouldNameTheInstanceThatPublishedIt() {
        UUID instance = UUID.randomUUID();
        LiveEvent event = LiveEvent.of(message(5));

        ChatEventRecords.Received marked = ChatEventRecords.read(received(ChatEventRecords.record(TOPIC, event, List.of(ALICE), instance)));
        ChatEventRecords.Received unmarked = ChatEventRecords.read(received(unmarked(message(5), List.of(ALICE))));

        assertEquals(instance, marked.origin());
        assertEquals(event, marked.event());
        assertNull(unmarked.origin(), "a record of an older instance has no origin");
    }

    @Test
    void shouldRefuseAnOriginThatIsNotOneInstanceId() {
        ProducerRecord<String, String> sent = unmarked(message(5), List.of(ALICE));
        sent.headers().add("origin", new byte[5]);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ChatEventRecords.read(received(sent)));

        assertTrue(refused.getMessage().contains("origin"), refused.getMessage());
    }

    @Test
    void shouldCarryTheMemberWhoLeaves() {
        ChatEvent left = new ChatEvent(CHAT, 7, EventKind.MEMBER_LEFT, BOB, null, null, null, null,
                new JsonObject().put("member", BOB.toString()), AT);

        ChatEventRecords.Received read = ChatEventRecords.read(received(unmarked(left, List.of(ALICE))));

        assertTrue(read.event().removes(BOB));
        assertFalse(read.event().removes(ALICE));
        assertEquals(List.of(ALICE), read.recipients());
    }

    @Test
    void shouldReadTheJsonRecordsOfTheFormatBefore() {
        ChatEvent removed = new ChatEvent(CHAT, 9, EventKind.MEMBER_REMOVED, ALICE, null, null, null, null,
                new JsonObject().put("member", BOB.toString()), AT);
        String old = removed.toJson().put("to", new JsonArray().add(ALICE.toString()).add(BOB.toString())).encode();

        ChatEventRecords.Received read = ChatEventRecords.read(received(CHAT.toString(), old, new RecordHeaders()));

        assertEquals(new LiveEvent(CHAT, 9, EventKind.MEMBER_REMOVED, BOB, removed.toJson().encode()), read.event());
        assertEquals(List.of(ALICE, BOB), read.recipients());
    }

    @Test
    void shouldRefuseGarbageHeadersWithAReason() {
        ProducerRecord<String, String> sent = unmarked(message(3), List.of(ALICE));
        Headers shortSeq = new RecordHeaders(sent.headers().toArray()).remove("seq").add("seq", new byte[] {1, 2, 3});
        Headers oddTo = new RecordHeaders(sent.headers().toArray()).remove("to").add("to", new byte[17]);
        Headers noKind = new RecordHeaders(sent.headers().toArray()).remove("kind");

        assertRefused("seq", received(sent.key(), sent.value(), shortSeq));
        assertRefused("to", received(sent.key(), sent.value(), oddTo));
        assertRefused("kind", received(sent.key(), sent.value(), noKind));
        assertRefused("chat id", received("not-a-chat", sent.value(), sent.headers()));
        assertRefused("frame", received(sent.key(), null, sent.headers()));
    }

    @Test
    void shouldRefuseAValueThatIsNoChatEventWithoutQuotingIt() {
        String secret = "{\"body\": \"the secret plan\"";

        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> ChatEventRecords.read(received(CHAT.toString(), secret, new RecordHeaders())));
        IllegalArgumentException noRecipients = assertThrows(IllegalArgumentException.class,
                () -> ChatEventRecords.read(received(CHAT.toString(), "{\"body\": \"the secret plan\"}", new RecordHeaders())));
        IllegalArgumentException noEvent = assertThrows(IllegalArgumentException.class, () -> ChatEventRecords.read(
                received(CHAT.toString(), new JsonObject().put("to", new JsonArray()).put("body", "the secret plan").encode(),
                        new RecordHeaders())));

        for (IllegalArgumentException failure : List.of(notJson, noRecipients, noEvent)) {
            assertFalse(failure.getMessage().contains("secret"), failure.getMessage());
        }
        assertTrue(noRecipients.getMessage().contains("to"), noRecipients.getMessage());
    }

    @Test
    void shouldTakeTheKindFromItsHeaderNotFromTheFrame() {
        ProducerRecord<String, String> sent = unmarked(message(1), List.of());
        Headers renamed = new RecordHeaders(sent.headers().toArray()).remove("kind")
                .add("kind", EventKind.RENAMED.getBytes(StandardCharsets.UTF_8));

        ChatEventRecords.Received read = ChatEventRecords.read(received(sent.key(), sent.value(), renamed));

        assertEquals(EventKind.RENAMED, read.event().kind());
        assertEquals(List.of(), read.recipients());
    }

    private static void assertRefused(String reason, ConsumerRecord<String, String> record) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> ChatEventRecords.read(record));
        assertTrue(failure.getMessage().contains(reason), failure.getMessage());
    }

    /** The record of an instance that does not name itself (as before ADR 0023). */
    private static ProducerRecord<String, String> unmarked(ChatEvent event, List<UUID> recipients) {
        return ChatEventRecords.record(TOPIC, LiveEvent.of(event), recipients, null);
    }
}
