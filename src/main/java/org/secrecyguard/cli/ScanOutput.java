package org.secrecyguard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.scan.ScanResult;
import org.secrecyguard.selfcheck.VerdictWord;

/**
 * Prints scan results as the DESIGN.md contract says: human-readable lines, or one JSON object per
 * file ({@code path, verdict, level, findings, millis}, plus {@code message} and {@code notes}).
 */
final class ScanOutput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintWriter out;
    private final boolean json;

    ScanOutput(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    synchronized void print(ScanResult r) {
        out.println(json ? toJson(r) : toLine(r));
    }


    static String toJson(ScanResult r) {
        ObjectNode row = JSON.createObjectNode();
        row.put("path", r.path());
        row.put("verdict", VerdictWord.of(r));
        if (r.level().isPresent()) {
            row.put("level", r.level().get().name());
        } else {
            row.putNull("level");
        }
        ArrayNode findings = row.putArray("findings");
        for (Finding f : r.verdict().findings()) {
            ObjectNode fn = findings.addObject();
            fn.put("detector", f.detector().id());
            fn.put("rule", f.rule());
            fn.put("level", f.level().name());
            fn.put("evidence", f.evidence());
            fn.put("where", f.where());
        }
        row.put("millis", r.millis());
        if (!r.message().isEmpty()) {
            row.put("message", r.message());
        }
        if (!r.notes().isEmpty()) {
            ArrayNode notes = row.putArray("notes");
            r.notes().forEach(notes::add);
        }
        return row.toString();
    }

    static String toLine(ScanResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-5s ", VerdictWord.of(r).toUpperCase(Locale.ROOT)));
        sb.append(r.level().map(l -> l.chinese() + " ").orElse(""));
        sb.append(r.path());
        if (!r.message().isEmpty()) {
            sb.append("  (").append(r.message()).append(')');
        }
        for (Finding f : r.verdict().findings()) {
            sb.append(System.lineSeparator()).append("      ").append(f.detector().id()).append(' ')
                    .append(f.level().chinese()).append(' ').append(f.evidence());
            if (!f.where().isEmpty()) {
                sb.append(" @ ").append(f.where());
            }
            sb.append(" [").append(f.rule()).append(']');
        }
        for (String note : r.notes()) {
            sb.append(System.lineSeparator()).append("      note: ").append(note);
        }
        return sb.toString();
    }
}
