package org.secrecyguard.selfcheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;

/** The findings of one file as the index stores them: JSON, evidence masked on the way in. */
final class FindingsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FindingsJson() {
    }

    static String write(List<Finding> findings) {
        ArrayNode array = JSON.createArrayNode();
        for (Finding f : findings) {
            array.addObject().put("detector", f.detector().name()).put("rule", f.rule()).put("level", f.level().name())
                    .put("evidence", MaskedEvidence.of(f)).put("where", f.where());
        }
        return array.toString();
    }

    static List<Finding> read(String json) {
        List<Finding> out = new ArrayList<>();
        try {
            for (JsonNode n : JSON.readTree(json)) {
                out.add(new Finding(DetectorType.valueOf(n.path("detector").asText()), n.path("rule").asText(),
                        Level.valueOf(n.path("level").asText()), n.path("evidence").asText(), n.path("where").asText()));
            }
        } catch (Exception e) {
            // A damaged row lists the file without details rather than losing it from the report.
        }
        return out;
    }
}
