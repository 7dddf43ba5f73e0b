package org.secrecyguard.selfcheck;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;

/**
 * The findings of one file as the index stores them: JSON, evidence masked on the way in. Jackson's
 * streaming API rather than its object mapper: the check writes this for every file it reads, and the
 * mapper's few hundred classes would be loaded on a worker's path at the start of every check.
 */
final class FindingsJson {
    /** Most files have no findings: their row needs no JSON library at all. */
    private static final String NONE = "[]";
    private static final JsonFactory JSON = new JsonFactory();

    private FindingsJson() {
    }

    static String write(List<Finding> findings) {
        if (findings.isEmpty()) {
            return NONE;
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (Finding f : findings) {
                g.writeStartObject();
                g.writeStringField("detector", f.detector().name());
                g.writeStringField("rule", f.rule());
                g.writeStringField("level", f.level().name());
                g.writeStringField("evidence", MaskedEvidence.of(f));
                g.writeStringField("where", f.where());
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    static List<Finding> read(String json) {
        List<Finding> out = new ArrayList<>();
        if (json == null || json.equals(NONE)) {
            return out;
        }
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return out;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, String> fields = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if (p.currentToken().isStructStart()) {
                        p.skipChildren();
                    } else {
                        fields.put(name, p.getValueAsString(""));
                    }
                }
                out.add(new Finding(DetectorType.valueOf(fields.getOrDefault("detector", "")),
                        fields.getOrDefault("rule", ""), Level.valueOf(fields.getOrDefault("level", "")),
                        fields.getOrDefault("evidence", ""), fields.getOrDefault("where", "")));
            }
        } catch (IOException | RuntimeException e) {
            // A damaged row lists the file without details rather than losing it from the report. What was
            // read before the damage is kept.
        }
        return out;
    }
}
