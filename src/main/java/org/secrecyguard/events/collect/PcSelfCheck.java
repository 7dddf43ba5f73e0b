package org.secrecyguard.events.collect;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.secrecyguard.engine.Level;

/**
 * What the collector knows of one PC's self-checks (保密自查): when it last sent anything, and its last
 * completed {@code SELF_CHECK} with the counts from that event's detail (never a path or a finding's text:
 * the event holds none).
 *
 * @param host           the PC's name as its events give it
 * @param lastSeen       time of the PC's newest event of any kind
 * @param events         how many events the collector holds from it
 * @param lastCompleted  time of its newest completed self-check, or null when it never completed one
 * @param user           who was logged in for that check, or null
 * @param rulesVersion   the rules that check used, or null
 * @param files          files it looked at (-1 when the detail did not say)
 * @param flagged        files it flagged (-1 when the detail did not say)
 * @param flaggedByLevel flagged files per level name, most severe first
 * @param errors         files it could not read (-1 when the detail did not say)
 */
public record PcSelfCheck(String host, Instant lastSeen, long events, Instant lastCompleted, String user,
                          String rulesVersion, long files, int flagged, Map<String, Integer> flaggedByLevel,
                          int errors) {
    private static final Pattern FILES = Pattern.compile("(?:^| )files=(\\d+)");
    private static final Pattern FLAGGED = Pattern.compile("(?:^| )flagged=(\\d+)(?:\\(([^)]*)\\))?");
    private static final Pattern ERRORS = Pattern.compile("(?:^| )errors=(\\d+)");

    public PcSelfCheck {
        flaggedByLevel = Collections.unmodifiableMap(new LinkedHashMap<>(flaggedByLevel));
    }

    /** A PC the collector knows that never completed a self-check. */
    static PcSelfCheck never(String host, Instant lastSeen, long events) {
        return new PcSelfCheck(host, lastSeen, events, null, null, null, -1, -1, Map.of(), -1);
    }

    /** A PC with its last completed check, counts read from the event's detail. */
    static PcSelfCheck completed(String host, Instant lastSeen, long events, Instant at, String user,
                                 String rulesVersion, String detail) {
        String d = detail == null ? "" : detail;
        Map<String, Integer> byLevel = new LinkedHashMap<>();
        int flagged = -1;
        Matcher f = FLAGGED.matcher(d);
        if (f.find()) {
            flagged = parseInt(f.group(1));
            Map<String, Integer> found = new LinkedHashMap<>();
            if (f.group(2) != null) {
                for (String part : f.group(2).split(",")) {
                    int colon = part.indexOf(':');
                    if (colon > 0) {
                        found.put(part.substring(0, colon).trim(), parseInt(part.substring(colon + 1)));
                    }
                }
            }
            for (Level l : Level.values()) {           // most severe first, unknown names after
                Integer n = found.remove(l.name());
                if (n != null) {
                    byLevel.put(l.name(), n);
                }
            }
            byLevel.putAll(found);
        }
        return new PcSelfCheck(host, lastSeen, events, at, user, rulesVersion, first(FILES, d), flagged, byLevel,
                (int) first(ERRORS, d));
    }

    /** True when the PC has no completed self-check at or after {@code since}. */
    public boolean overdue(Instant since) {
        return lastCompleted == null || lastCompleted.isBefore(since);
    }

    private static long first(Pattern p, String d) {
        Matcher m = p.matcher(d);
        return m.find() ? parseLong(m.group(1)) : -1;
    }

    private static int parseInt(String s) {
        long v = parseLong(s);
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
