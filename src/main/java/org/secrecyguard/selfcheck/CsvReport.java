package org.secrecyguard.selfcheck;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.secrecyguard.engine.Finding;

/**
 * The flagged files as CSV for the secrecy office (RFC 4180, UTF-8 with a byte-order mark so that
 * Excel and WPS open the Chinese text right): one line per file with level, rules, masked evidence,
 * location, size, time and hash.
 */
public final class CsvReport {
    static final String HEADER = "level,level_zh,verdict,path,size,modified,sha256,rules,evidence,where,message";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CsvReport() {
    }

    public static void write(List<FlaggedFile> files, Path out, ZoneId zone) throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(HEADER);
            w.write("\r\n");
            for (FlaggedFile f : files) {
                w.write(String.join(",", cell(f.level().name()), cell(f.level().chinese()), cell(f.verdict()),
                        cell(f.path()), cell(String.valueOf(f.size())),
                        cell(TIME.format(Instant.ofEpochMilli(f.mtimeMillis()).atZone(zone))),
                        cell(f.sha256() == null ? "" : f.sha256()),
                        cell(f.findings().stream().map(Finding::rule).distinct().collect(Collectors.joining(" "))),
                        cell(f.findings().stream().map(MaskedEvidence::of).filter(e -> !e.isEmpty()).distinct()
                                .collect(Collectors.joining(" | "))),
                        cell(f.findings().stream().map(Finding::where).filter(e -> !e.isEmpty()).distinct()
                                .collect(Collectors.joining(" | "))),
                        cell(f.message())));
                w.write("\r\n");
            }
        }
    }

    /** Quoted when needed; a leading = + - @ is defused so a spreadsheet never runs a cell as a formula. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
