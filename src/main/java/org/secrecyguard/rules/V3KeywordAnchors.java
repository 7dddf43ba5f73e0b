package org.secrecyguard.rules;

import static org.secrecyguard.rules.SqlSupport.exec;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Schema 3: a keyword's prefilter may cover only some chars of the term (its anchor), so each rule
 * records how many chars it covers and where they start. Existing rules were hashed over the whole term and say so; they keep
 * matching, and adding the same term again re-hashes it with an anchor.
 */
final class V3KeywordAnchors implements Migration {
    @Override
    public int version() {
        return 3;
    }

    @Override
    public void apply(Connection c) throws SQLException {
        exec(c,
                "ALTER TABLE keyword ADD COLUMN prefilter_length INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE keyword ADD COLUMN prefilter_offset INTEGER NOT NULL DEFAULT 0",
                "UPDATE keyword SET prefilter_length = length");
    }
}
