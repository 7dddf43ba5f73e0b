package org.secrecyguard.onaccess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.channel.GuardAlert;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.platform.ContentKind;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;

/**
 * The lines the service and a user's tray app exchange over the service socket, one JSON object each:
 * <ul>
 *   <li>service → tray: {@code {"type":"alert","id":7,"ask":"warn|block|override","alert":{…}}} (the
 *       alert's findings carry masked evidence only, as popups do);</li>
 *   <li>tray → service: {@code {"type":"answer","id":7,"reason":"…"}} (no reason: the block stands) and
 *       {@code {"type":"hello"}} every few seconds, which tells the service the tray app is alive, and
 *       {@code {"type":"bye"}} when it ends on purpose: a connection that drops without it is a tray
 *       app that was killed.</li>
 * </ul>
 */
public final class AlertWire {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertWire() {
    }

    public static String alert(long id, String ask, GuardAlert a) {
        ObjectNode o = JSON.createObjectNode().put("type", "alert").put("id", id).put("ask", ask);
        ObjectNode alert = o.putObject("alert").put("action", a.action().name()).put("channel", a.channel().name())
                .put("kind", a.contentKind().name()).put("destination", a.destinationApp())
                .put("time", a.time().toString());
        ArrayNode findings = alert.putArray("findings");
        for (Finding f : a.verdict().findings()) {
            findings.addObject().put("detector", f.detector().name()).put("rule", f.rule())
                    .put("level", f.level().name()).put("evidence", f.evidence()).put("where", f.where());
        }
        return o.toString();
    }

    public static String answer(long id, String reason) {
        ObjectNode o = JSON.createObjectNode().put("type", "answer").put("id", id);
        if (reason != null) {
            o.put("reason", reason);
        }
        return o.toString();
    }

    public static String hello() {
        return "{\"type\":\"hello\"}";
    }

    /** Said by a tray app that ends on purpose (exit with the admin PIN, logout), so its end is no alarm. */
    public static String bye() {
        return "{\"type\":\"bye\"}";
    }

    /** Parses one line; throws {@link IllegalArgumentException} for anything malformed. */
    public static JsonNode parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            if (n == null || !n.isObject() || !n.path("type").isTextual()) {
                throw new IllegalArgumentException("not a message");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    /** The alert of an "alert" message. */
    public static GuardAlert alertOf(JsonNode message) {
        JsonNode a = message.path("alert");
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : a.path("findings")) {
            findings.add(new Finding(DetectorType.valueOf(f.path("detector").asText()), f.path("rule").asText(),
                    Level.valueOf(f.path("level").asText()), f.path("evidence").asText(), f.path("where").asText()));
        }
        return new GuardAlert(Action.valueOf(a.path("action").asText()), Channel.valueOf(a.path("channel").asText()),
                ContentKind.valueOf(a.path("kind").asText()), new Verdict(findings), a.path("destination").asText(),
                Instant.parse(a.path("time").asText()));
    }
}
