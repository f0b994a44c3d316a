package io.campaignkit.cli.internal;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, when there is one. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"campaignkit " + (version == null ? "(development build)" : version)};
    }
}
