package org.secrecyguard.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.secrecyguard.engine.Level;

/**
 * The wire form of an event: one JSON object on one line (NDJSON), field names stable for collectors.
 * Absent values are left out. Example:
 * <pre>{"id":"…","time":1767225600000,"zone":"Asia/Shanghai","kind":"DETECTION","user":"li","host":"PC-17",
 * "channel":"clipboard","action":"BLOCK","level":"SECRET","rules":["marking.header"],"detector":"marking",
 * "evidence":["机密★1年"],"file":{"name":"a.docx","size":1234,"sha256":"…"},
 * "destination":{"application":"WeChat.exe","windowTitle":"…"},"rulesVersion":"12"}</pre>
 */
public final class EventJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    /** One line of JSON without a line break (Jackson escapes line breaks inside strings). */
    public static String write(Event e) {
        return write(e, false);
    }

    /** As {@link #write(Event)}, with {@code "uploadedAt"} when {@code withUploaded} (local exports). */
    public static String write(Event e, boolean withUploaded) {
        try {
            return MAPPER.writeValueAsString(toTree(e, withUploaded));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write event " + e.id(), ex);
        }
    }

    static ObjectNode toTree(Event e, boolean withUploaded) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", e.id().toString());
        o.put("time", e.epochMillis());
        o.put("zone", e.zone().getId());
        o.put("kind", e.kind().name());
        putIf(o, "user", e.user());
        putIf(o, "host", e.host());
        o.put("channel", e.channel());
        o.put("action", e.action());
        if (e.level() != null) {
            o.put("level", e.level().name());
        }
        putArray(o, "rules", e.ruleIds());
        putIf(o, "detector", e.detector());
        putArray(o, "evidence", e.evidence());
        if (e.file() != null) {
            ObjectNode f = o.putObject("file");
            putIf(f, "name", e.file().name());
            if (e.file().size() >= 0) {
                f.put("size", e.file().size());
            }
            putIf(f, "sha256", e.file().sha256());
        }
        if (e.destination() != null) {
            ObjectNode d = o.putObject("destination");
            putIf(d, "application", e.destination().application());
            putIf(d, "windowTitle", e.destination().windowTitle());
        }
        if (e.device() != null) {
            ObjectNode d = o.putObject("device");
            putIf(d, "vendor", e.device().vendor());
            putIf(d, "product", e.device().product());
            putIf(d, "serial", e.device().serial());
        }
        putIf(o, "overrideReason", e.overrideReason());
        putIf(o, "rulesVersion", e.rulesVersion());
        putIf(o, "detail", e.detail());
        if (withUploaded && e.uploadedAtMillis() != null) {
            o.put("uploadedAt", e.uploadedAtMillis());
        }
        return o;
    }

    /** Parses one line written by {@link #write}; throws IllegalArgumentException saying what is wrong. */
    public static Event read(String line) {
        JsonNode o;
        try {
            o = MAPPER.readTree(line);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not JSON: " + ex.getOriginalMessage());
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        try {
            UUID id = UUID.fromString(required(o, "id").asText());
            JsonNode time = required(o, "time");
            if (!time.canConvertToLong()) {
                throw new IllegalArgumentException("time is not epoch milliseconds");
            }
            Event.FileInfo file = null;
            JsonNode f = o.get("file");
            if (f != null && f.isObject()) {
                file = new Event.FileInfo(text(f, "name"), f.path("size").asLong(-1), text(f, "sha256"));
            }
            Event.Destination dest = null;
            JsonNode d = o.get("destination");
            if (d != null && d.isObject()) {
                dest = new Event.Destination(text(d, "application"), text(d, "windowTitle"));
            }
            Event.DeviceInfo dev = null;
            JsonNode v = o.get("device");
            if (v != null && v.isObject()) {
                dev = new Event.DeviceInfo(text(v, "vendor"), text(v, "product"), text(v, "serial"));
            }
            String level = text(o, "level");
            JsonNode up = o.get("uploadedAt");
            return new Event(id, time.asLong(), ZoneId.of(required(o, "zone").asText()),
                    EventKind.valueOf(required(o, "kind").asText()), text(o, "user"), text(o, "host"),
                    text(o, "channel"), text(o, "action"), level == null ? null : Level.valueOf(level),
                    strings(o, "rules"), text(o, "detector"), strings(o, "evidence"), file, dest, dev,
                    text(o, "overrideReason"), text(o, "rulesVersion"), text(o, "detail"),
                    up != null && up.canConvertToLong() ? up.asLong() : null);
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("invalid event: " + ex.getMessage());
        }
    }

    private static JsonNode required(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return n;
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<String> strings(JsonNode o, String field) {
        JsonNode n = o.get(field);
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private static void putIf(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private static void putArray(ObjectNode o, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = o.putArray(field);
            values.forEach(a::add);
        }
    }
}
