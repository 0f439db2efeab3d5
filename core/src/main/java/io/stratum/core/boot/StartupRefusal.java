package io.stratum.core.boot;

/** The server must not start; the message tells the administrator what to do. */
public class StartupRefusal extends RuntimeException {
    public StartupRefusal(String message) {
        super(message);
    }
}
