package io.stratum.core.sms;

import io.stratum.core.runtime.RuntimeSetting;

/**
 * The JSON form of the console's SMS provider settings: the token only sealed (Base64), null to
 * keep settings.yaml's. No saved value: settings.yaml's settings are in force.
 */
record StoredSmsProvider(String url, String login, String tokenSealed, String sender) {
    static final RuntimeSetting<StoredSmsProvider> SETTING = new RuntimeSetting<>(SmsProviderStore.SETTING_NAME, StoredSmsProvider.class, null);
}
