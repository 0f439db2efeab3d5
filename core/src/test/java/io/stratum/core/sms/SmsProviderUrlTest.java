package io.stratum.core.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The SMS provider URL an administrator enters: http or https with a host, nothing else. */
class SmsProviderUrlTest {
    @Test
    void shouldAcceptHttpAndHttpsAddressesWithAHost() {
        assertEquals("https://sms-gateway.example.ru/v1/messages",
                SmsProviderStore.validUrl(" https://sms-gateway.example.ru/v1/messages ").toString());
        assertEquals("http://127.0.0.1:8081/sms", SmsProviderStore.validUrl("http://127.0.0.1:8081/sms").toString());
    }

    @Test
    void shouldRefuseOtherSchemesMissingHostsAndCredentialsInTheAddress() {
        for (String wrong : new String[] {"", "sms-gateway.example.ru/send", "ftp://sms.example/send", "file:///etc/passwd",
                "https:///no-host", "https://user:secret@sms.example/send", "javascript:alert(1)", "http://exa mple/"}) {
            SmsSettingsInvalid refused = assertThrows(SmsSettingsInvalid.class, () -> SmsProviderStore.validUrl(wrong), wrong);
            assertEquals("url", refused.field());
        }
    }
}
