package org.secrecyguard.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * Who made a rule set and which one it is.
 *
 * @param version       rules version number; 0 until the set is first bundled, then the bundle's version
 * @param created       when the rules database was initialised
 * @param issuer        who published the bundle (e.g. "XX 县保密办"); empty until bundled
 * @param schemaVersion the database schema version ({@code PRAGMA user_version})
 */
public record RulesInfo(long version, Instant created, String issuer, int schemaVersion) {
    public RulesInfo {
        Objects.requireNonNull(created, "created");
        issuer = issuer == null ? "" : issuer;
    }

    /** The label an engine built from these rules reports (see {@code Engine.rulesVersion()}). */
    public String versionLabel() {
        return "rules-" + version;
    }
}
