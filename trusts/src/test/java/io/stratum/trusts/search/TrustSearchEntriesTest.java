package io.stratum.trusts.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A partner's search answer reaches our users only as the known fields, as text, with addresses of that partner. */
class TrustSearchEntriesTest {
    @Test
    void shouldKeepTheKnownFieldsOfAPartnersEntry() {
        JsonObject entry = new JsonObject().put("name", "Olga").put("position", "Buyer").put("email", "olga@c.example")
                .put("phones", new JsonArray().add("+7 343").add(42)).put("address", "2b7d@cts-c").put("admin", true);
        JsonObject clean = TrustSearchResource.clean(entry, "cts-c");
        assertEquals(new JsonObject().put("server", "cts-c").put("name", "Olga").put("position", "Buyer").put("email", "olga@c.example")
                .put("phones", new JsonArray().add("+7 343")).put("address", "2b7d@cts-c"), clean);
    }

    @Test
    void shouldDropAnAddressOfAnotherServerAndCutLongTexts() {
        JsonObject clean = TrustSearchResource.clean(new JsonObject().put("name", "x".repeat(1000)).put("company", 7)
                .put("address", "2b7d@cts-a"), "cts-c");
        assertFalse(clean.containsKey("address"), "a partner may not hand out addresses of other servers");
        assertFalse(clean.containsKey("company"));
        assertEquals(300, clean.getString("name").length());
    }
}
