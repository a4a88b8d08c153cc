package io.platforminfra.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}: the one Maven wrote into the jar's manifest. */
public final class VersionProvider implements IVersionProvider {
    /** What a build without a manifest (classes run from {@code target/classes}, as in tests) calls its version. */
    static final String DEVELOPMENT_BUILD = "(development build)";

    @Override
    public String[] getVersion() {
        return new String[] {"platform-infra " + version()};
    }

    /** The jar's version from its manifest, or {@link #DEVELOPMENT_BUILD}. */
    static String version() {
        var version = Main.class.getPackage().getImplementationVersion();
        return version == null ? DEVELOPMENT_BUILD : version;
    }
}
