package org.secrecyguard.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.secrecyguard.engine.Level;

/** Maps {@link Event}s to rows of the {@code events} table and back. */
final class EventRows {
    static final String COLUMNS = "uuid, time_ms, zone, kind, user_name, host, channel, action, level, level_rank,"
            + " national, rules, detector, evidence, file_name, file_size, file_sha256, dest_app, dest_title,"
            + " dev_vendor, dev_product, dev_serial, override_reason, rules_version, detail, uploaded_at";

    /** Appending an event twice (same UUID) keeps the first: appends are idempotent. */
    static final String INSERT = "INSERT INTO events (" + COLUMNS + ") VALUES ("
            + "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(uuid) DO NOTHING";

    /** The columns read back: what is written, plus what the log itself sets later (refusals). */
    static final String SELECT = "SELECT " + COLUMNS + ", refused_reason FROM events";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private EventRows() {
    }

    static void bind(PreparedStatement ps, Event e) throws SQLException {
        int i = 1;
        ps.setString(i++, e.id().toString());
        ps.setLong(i++, e.epochMillis());
        ps.setString(i++, e.zone().getId());
        ps.setString(i++, e.kind().name());
        ps.setString(i++, e.user());
        ps.setString(i++, e.host());
        ps.setString(i++, e.channel());
        ps.setString(i++, e.action());
        ps.setString(i++, e.level() == null ? null : e.level().name());
        setInt(ps, i++, e.level() == null ? null : e.level().ordinal());
        ps.setInt(i++, e.isNationalSecret() ? 1 : 0);
        ps.setString(i++, json(e.ruleIds()));
        ps.setString(i++, e.detector());
        ps.setString(i++, json(e.evidence()));
        Event.FileInfo f = e.file();
        ps.setString(i++, f == null ? null : f.name());
        setLong(ps, i++, f == null || f.size() < 0 ? null : f.size());
        ps.setString(i++, f == null ? null : f.sha256());
        Event.Destination d = e.destination();
        ps.setString(i++, d == null ? null : d.application());
        ps.setString(i++, d == null ? null : d.windowTitle());
        Event.DeviceInfo v = e.device();
        ps.setString(i++, v == null ? null : v.vendor());
        ps.setString(i++, v == null ? null : v.product());
        ps.setString(i++, v == null ? null : v.serial());
        ps.setString(i++, e.overrideReason());
        ps.setString(i++, e.rulesVersion());
        ps.setString(i++, e.detail());
        setLong(ps, i, e.uploadedAtMillis());
    }

    static Event read(ResultSet rs) throws SQLException {
        String level = rs.getString("level");
        String fileName = rs.getString("file_name");
        long fileSize = rs.getLong("file_size");
        boolean noSize = rs.wasNull();
        String sha = rs.getString("file_sha256");
        Event.FileInfo file = fileName == null && sha == null && noSize ? null
                : new Event.FileInfo(fileName, noSize ? -1 : fileSize, sha);
        String app = rs.getString("dest_app");
        String title = rs.getString("dest_title");
        Event.Destination dest = app == null && title == null ? null : new Event.Destination(app, title);
        String vendor = rs.getString("dev_vendor");
        String product = rs.getString("dev_product");
        String serial = rs.getString("dev_serial");
        Event.DeviceInfo dev = vendor == null && product == null && serial == null ? null
                : new Event.DeviceInfo(vendor, product, serial);
        long up = rs.getLong("uploaded_at");
        Long uploaded = rs.wasNull() ? null : up;
        return new Event(UUID.fromString(rs.getString("uuid")), rs.getLong("time_ms"),
                ZoneId.of(rs.getString("zone")), EventKind.valueOf(rs.getString("kind")), rs.getString("user_name"),
                rs.getString("host"), rs.getString("channel"), rs.getString("action"),
                level == null ? null : Level.valueOf(level), list(rs.getString("rules")), rs.getString("detector"),
                list(rs.getString("evidence")), file, dest, dev, rs.getString("override_reason"),
                rs.getString("rules_version"), rs.getString("detail"), uploaded, rs.getString("refused_reason"));
    }

    private static String json(List<String> items) {
        if (items.isEmpty()) {
            return null;
        }
        try {
            return EventJson.MAPPER.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return EventJson.MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            return new ArrayList<>(List.of(json));
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
