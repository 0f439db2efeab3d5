package io.stratum.core.files;

import java.io.IOException;

/** Thrown by {@link MeasuredInput} when an upload passes the size limit: the transfer stops there. */
final class FileTooLarge extends IOException {
    FileTooLarge(long limit) {
        super("the upload exceeds " + limit + " bytes", null);
    }
}
