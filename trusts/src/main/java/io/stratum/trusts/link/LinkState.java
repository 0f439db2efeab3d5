package io.stratum.trusts.link;

/**
 * A trust's link state with the reference product's colours: GREEN connected, PURPLE blocked (the
 * trust is disabled), RED configured but not connected. The metric {@code connection_status{remote}}
 * is 1, -1 and 0 for them.
 */
public enum LinkState {
    GREEN(1), PURPLE(-1), RED(0);

    private final int metric;

    LinkState(int metric) {
        this.metric = metric;
    }

    public int metric() {
        return metric;
    }
}
