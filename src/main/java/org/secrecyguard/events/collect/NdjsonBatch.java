package org.secrecyguard.events.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Parses an uploaded NDJSON body into events. A bad line is rejected with a reason that names the line,
 * never its content; the good lines of the same batch are still taken. Only {@code id} (a UUID) and
 * {@code time} (epoch ms) are required, so events of kinds this collector does not know are kept too.
 */
final class NdjsonBatch {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Rejected(int line, String reason) {
    }

    final List<CollectedEvent> events = new ArrayList<>();
    final List<Rejected> rejected = new ArrayList<>();

    static NdjsonBatch parse(byte[] body, int maxLineBytes) {
        NdjsonBatch batch = new NdjsonBatch();
        int start = 0;
        int lineNo = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                lineNo++;
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                if (end > start) {
                    if (end - start > maxLineBytes) {
                        batch.rejected.add(new Rejected(lineNo, "line longer than " + maxLineBytes + " bytes"));
                    } else {
                        batch.parseLine(new String(body, start, end - start, StandardCharsets.UTF_8), lineNo);
                    }
                }
                start = i + 1;
            }
        }
        return batch;
    }

    private void parseLine(String line, int lineNo) {
        if (line.isBlank()) {
            return;
        }
        JsonNode o;
        try {
            o = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            rejected.add(new Rejected(lineNo, "not JSON"));
            return;
        }
        if (o == null || !o.isObject()) {
            rejected.add(new Rejected(lineNo, "not a JSON object"));
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(o.path("id").asText(""));
        } catch (IllegalArgumentException e) {
            rejected.add(new Rejected(lineNo, "missing or invalid id"));
            return;
        }
        JsonNode time = o.get("time");
        if (time == null || !time.canConvertToLong()) {
            rejected.add(new Rejected(lineNo, "missing or invalid time"));
            return;
        }
        events.add(new CollectedEvent(id, time.asLong(), text(o, "kind", 40), text(o, "level", 20),
                text(o, "channel", 64), text(o, "host", 128), text(o, "user", 128), o.toString()));
    }

    private static String text(JsonNode o, String field, int max) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        String s = n.asText();
        return s.length() > max ? s.substring(0, max) : s;
    }
}
