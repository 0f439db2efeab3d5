package io.stratum.trusts.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.stratum.trusts.identity.SigningKey;
import io.vertx.core.json.JsonObject;

class EnvelopeTest {
    private final SigningKey origin = SigningKey.generate();
    private final Envelope envelope = Envelope.sign(origin, "cts-a", "cts-b", 42, "chat.event", "{\"event\":{\"body\":\"hello\"}}");

    @Test
    void shouldVerifyWithTheOriginsKeyAfterTheWireRoundTripAndRelays() {
        Envelope received = Envelope.fromJson(new JsonObject(envelope.toJson().encode())).relayed().relayed();
        assertTrue(received.verify(origin.publicKey()));
        assertEquals(Envelope.MAX_HOPS - 2, received.hops());
    }

    @Test
    void shouldRefuseAnyChangeARelayMakes() {
        byte[] key = origin.publicKey();
        assertFalse(new Envelope("cts-a", "cts-b", 42, "chat.event", "{\"event\":{\"body\":\"HELLO\"}}", 8, envelope.signature()).verify(key));
        assertFalse(new Envelope("cts-a", "cts-c", 42, "chat.event", envelope.payload(), 8, envelope.signature()).verify(key));
        assertFalse(new Envelope("cts-a", "cts-b", 43, "chat.event", envelope.payload(), 8, envelope.signature()).verify(key));
        assertFalse(new Envelope("cts-x", "cts-b", 42, "chat.event", envelope.payload(), 8, envelope.signature()).verify(key));
        assertFalse(new Envelope("cts-a", "cts-b", 42, "chat.append", envelope.payload(), 8, envelope.signature()).verify(key));
        assertFalse(new Envelope("cts-a", "cts-b", 42, "chat.event", envelope.payload(), 8, "not base64!").verify(key));
    }

    @Test
    void shouldRefuseAnotherServersSignature() {
        assertFalse(envelope.verify(SigningKey.generate().publicKey()));
        assertFalse(envelope.verify(new byte[5]));
    }

    @Test
    void shouldNameTheMissingFieldOfAMalformedEnvelope() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Envelope.fromJson(envelope.toJson().put("sig", 7)));
        assertEquals("envelope field sig missing", missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Envelope.fromJson(null));
    }
}
