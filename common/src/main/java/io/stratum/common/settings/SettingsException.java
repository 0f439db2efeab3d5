package io.stratum.common.settings;

/**
 * settings.yaml cannot be used. The message is written for an administrator: it names the file,
 * the key and the rule, and never contains the value of a secret.
 */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
