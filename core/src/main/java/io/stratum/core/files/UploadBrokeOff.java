package io.stratum.core.files;

import java.io.IOException;

/** The client stopped sending an upload: it went away, or sent nothing for the idle timeout. */
final class UploadBrokeOff extends IOException {
    UploadBrokeOff(String message) {
        super(message, null);
    }
}
