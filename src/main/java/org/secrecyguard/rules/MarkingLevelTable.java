package org.secrecyguard.rules;

import static org.secrecyguard.rules.SqlSupport.exec;
import static org.secrecyguard.rules.SqlSupport.update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;
import org.secrecyguard.engine.Level;

/** The {@code marking_level} table: the levels whose markings are flagged, one row each. */
final class MarkingLevelTable {
    private final Connection c;

    MarkingLevelTable(Connection c) {
        this.c = c;
    }

    Set<Level> read() throws SQLException {
        Set<Level> levels = EnumSet.noneOf(Level.class);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT level FROM marking_level")) {
            while (rs.next()) {
                levels.add(StoredNames.level(rs.getString(1)));
            }
        }
        return levels;
    }

    void replace(Set<Level> levels) throws SQLException {
        exec(c, "DELETE FROM marking_level");
        for (Level level : levels) {
            update(c, "INSERT INTO marking_level (level) VALUES (?)", level.name());
        }
    }
}
