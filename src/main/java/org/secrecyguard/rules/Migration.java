package org.secrecyguard.rules;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One step of the rules database schema. Steps are applied in order, each in its own transaction
 * together with the new {@code PRAGMA user_version}, so a database is always at exactly one version.
 * A published step never changes; a new need is a new step.
 */
interface Migration {
    /** The schema version this step produces. */
    int version();

    void apply(Connection c) throws SQLException;
}
