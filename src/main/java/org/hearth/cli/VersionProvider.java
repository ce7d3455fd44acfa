package org.hearth.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"hearth " + (v == null ? "development build" : v) + " (Java " + Runtime.version() + ")"};
    }
}
