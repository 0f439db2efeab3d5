package io.stratum.trusts.link;

/**
 * A trust's link state with the reference product's colours: GREEN connected, PURPLE blocked (the
 * trust is disabled), RED configured but not connected, EMPTY (no marker) attached to another RTS: on
 * an RTS, a server whose trust names another RTS in its {@code rts_id} field, which this RTS neither
 * dials nor expects. The metric {@code connection_status{remote}} is 1, -1 and 0 for the first three;
 * an EMPTY trust has no series.
 */
public enum LinkState {
    GREEN(1), PURPLE(-1), RED(0), EMPTY(0);

    private final int metric;

    LinkState(int metric) {
        this.metric = metric;
    }

    public int metric() {
        return metric;
    }
}
