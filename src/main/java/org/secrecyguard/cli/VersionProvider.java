package org.secrecyguard.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest (or "dev" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = SecrecyGuardCommand.class.getPackage().getImplementationVersion();
        return new String[] {"secrecy-guard " + (v == null ? "dev" : v)};
    }
}
