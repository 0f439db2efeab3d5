package io.stratum.core.mail;

import io.stratum.core.runtime.RuntimeSetting;

/** The JSON form of {@link MailSettings} in the runtime settings: the password only sealed (Base64). */
record StoredMailSettings(String from, String host, int port, String user, String passwordSealed, MailSecurity security) {
    static final RuntimeSetting<StoredMailSettings> SETTING = new RuntimeSetting<>("mail.smtp", StoredMailSettings.class, null);
}
