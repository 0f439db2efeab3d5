package io.stratum.deploy;

import picocli.CommandLine.IVersionProvider;

/** The version of the Stratum build this command belongs to. */
public final class StratumVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = StratumVersion.class.getPackage().getImplementationVersion();
        return new String[] {"stratum " + (version == null ? "development build" : version)};
    }
}
