package org.secrecyguard.rules;

import static org.secrecyguard.rules.SqlSupport.update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.policy.PolicyEntry;
import org.secrecyguard.policy.PolicyMatrix;

/** The {@code policy_rule} table: the policy matrix, one action (and off-hours action) per level and channel. */
final class PolicyRuleTable {
    private final Connection c;

    PolicyRuleTable(Connection c) {
        this.c = c;
    }

    void set(PolicyEntry entry) throws SQLException {
        update(c, "INSERT INTO policy_rule (level, channel, action, off_hours_action) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT(level, channel) DO UPDATE SET action = excluded.action,"
                        + " off_hours_action = excluded.off_hours_action",
                entry.level().name(), entry.channel().name(), entry.action().name(),
                entry.offHours() == null ? null : entry.offHours().name());
    }

    PolicyMatrix read() throws SQLException {
        List<PolicyEntry> entries = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT level, channel, action, off_hours_action FROM policy_rule")) {
            while (rs.next()) {
                String off = rs.getString(4);
                entries.add(new PolicyEntry(StoredNames.level(rs.getString(1)), StoredNames.channel(rs.getString(2)),
                        StoredNames.action(rs.getString(3)), off == null ? null : StoredNames.action(off)));
            }
        }
        return PolicyMatrix.of(entries);
    }
}
