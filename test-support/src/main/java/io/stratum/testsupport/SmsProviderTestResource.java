package io.stratum.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the server under test at the {@link TestSmsProvider} stand-in. */
public class SmsProviderTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of("stratum.sms.url", TestSmsProvider.url(), "stratum.sms.token", TestSmsProvider.TOKEN);
    }

    @Override
    public void stop() {
        // The stand-in lives as long as the test JVM.
    }
}
