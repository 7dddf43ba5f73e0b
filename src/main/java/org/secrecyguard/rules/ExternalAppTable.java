package org.secrecyguard.rules;

import static org.secrecyguard.rules.SqlSupport.update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.ExternalApp;
import org.secrecyguard.policy.ExternalApps;

/**
 * The {@code external_app} table: per channel, the applications that count as leaving the PC. Names
 * compare without case (the column is {@code COLLATE NOCASE}); the order of insertion is kept.
 */
final class ExternalAppTable {
    private final Connection c;

    ExternalAppTable(Connection c) {
        this.c = c;
    }

    /** False when the application was already listed. */
    boolean add(Channel channel, ExternalApp app) throws SQLException {
        return update(c, "INSERT OR IGNORE INTO external_app (channel, name, family) VALUES (?, ?, ?)",
                channel.name(), app.name(), app.family()) > 0;
    }

    /** False when the application was not listed. */
    boolean remove(Channel channel, String name) throws SQLException {
        return update(c, "DELETE FROM external_app WHERE channel = ? AND name = ?", channel.name(), name.trim()) > 0;
    }

    ExternalApps read() throws SQLException {
        Map<Channel, List<ExternalApp>> map = new EnumMap<>(Channel.class);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT channel, name, family FROM external_app ORDER BY rowid")) {
            while (rs.next()) {
                map.computeIfAbsent(StoredNames.channel(rs.getString(1)), k -> new ArrayList<>())
                        .add(new ExternalApp(rs.getString(2), rs.getString(3)));
            }
        }
        return ExternalApps.of(map);
    }
}
