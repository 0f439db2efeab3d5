package io.stratum.trusts.records;

/** What the remote server is: a regional, enterprise or corporate server, or a transport link between regions. */
public enum TrustKind {
    RTS, ETS, CTS, TTS
}
