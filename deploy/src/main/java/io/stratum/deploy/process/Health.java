package io.stratum.deploy.process;

/** A component's state as the status table shows it. */
public record Health(String component, boolean up, String detail) {
    public static Health up(String component, String detail) {
        return new Health(component, true, detail);
    }

    public static Health down(String component, String detail) {
        return new Health(component, false, detail);
    }
}
