package org.secrecyguard.cli;

import org.secrecyguard.scan.ProductVersion;
import picocli.CommandLine;

/** Reports the version from the jar manifest (or "dev" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"secrecy-guard " + ProductVersion.current()};
    }
}
