package io.platforminfra.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}: the one Maven wrote into the jar's manifest. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        var version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"platform-infra " + (version == null ? "(development build)" : version)};
    }
}
