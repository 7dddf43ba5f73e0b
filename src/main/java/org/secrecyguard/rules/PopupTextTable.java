package org.secrecyguard.rules;

import static org.secrecyguard.rules.SqlSupport.update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code popup_text} table: the texts shown to users, per level, channel and locale. A text for
 * every channel is stored with the channel {@value #ANY_CHANNEL}: the column is part of the primary
 * key, where NULL cannot take part reliably (see {@link V2CalendarAndTexts}).
 */
final class PopupTextTable {
    private static final String ANY_CHANNEL = "*";

    private final Connection c;

    PopupTextTable(Connection c) {
        this.c = c;
    }

    void set(PopupText text) throws SQLException {
        update(c, "INSERT INTO popup_text (level, channel, locale, explanation, advice) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT(level, channel, locale) DO UPDATE SET explanation = excluded.explanation,"
                        + " advice = excluded.advice",
                text.level().name(), text.channel() == null ? ANY_CHANNEL : text.channel().name(), text.locale(),
                text.explanation(), text.advice());
    }

    PopupTexts read() throws SQLException {
        List<PopupText> list = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT level, channel, locale, explanation, advice FROM popup_text ORDER BY rowid")) {
            while (rs.next()) {
                String ch = rs.getString(2);
                list.add(new PopupText(StoredNames.level(rs.getString(1)),
                        ANY_CHANNEL.equals(ch) ? null : StoredNames.channel(ch), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
            }
        }
        return new PopupTexts(list);
    }
}
