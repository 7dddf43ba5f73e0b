package org.secrecyguard.selfcheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;

/**
 * A printable page (保密自查报告) for the secrecy office: which PC and user, when, what was checked,
 * the counts by level and error kind, and a table of every flagged file with level, rule, masked
 * evidence and location. Self-contained HTML with print styles; every value is escaped.
 */
public final class HtmlReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private HtmlReport() {
    }

    /**
     * @param host the PC's name, {@code user} the account checked
     */
    public static void write(CheckSummary s, String host, String user, Instant when, ZoneId zone, Path out)
            throws IOException {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>保密自查报告</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}")
                .append("th,td{border:1px solid #888;padding:4px 6px;font-size:10pt;vertical-align:top;text-align:left}")
                .append("th{background:#eee}td.path{word-break:break-all}.national{color:#b00;font-weight:bold}")
                .append("@media print{body{margin:1cm}a{color:inherit}}</style></head><body>\n");
        h.append("<h1>保密自查报告 (Self-check report)</h1>\n<table class=\"facts\">\n");
        fact(h, "计算机 PC", host);
        fact(h, "用户 User", user);
        fact(h, "时间 Time", TIME.format(when.atZone(zone)));
        fact(h, "检查范围 Checked", String.join("; ", s.roots()));
        fact(h, "状态 State", s.completed() ? "完成 completed" : "未完成 stopped (可继续 resumable)");
        fact(h, "文件 Files", s.filesSeen() + " (" + s.bytesSeen() / (1024 * 1024) + " MB), 本次读取 read "
                + s.filesRead());
        fact(h, "发现 Flagged", s.flaggedCount() + counts(s.flaggedByLevel().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().chinese(), Map.Entry::getValue))));
        fact(h, "无法检查 Not checked", s.errorCount() + counts(s.errorsByKind().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().id(), Map.Entry::getValue))));
        fact(h, "用时 Duration", String.format("%.1f s", s.durationMillis() / 1000.0));
        h.append("</table>\n<h2>发现的文件 Flagged files</h2>\n");
        if (s.flagged().isEmpty()) {
            h.append("<p>未发现涉密或内部标志的文件。No flagged files.</p>\n");
        } else {
            h.append("<table class=\"flagged\"><thead><tr><th>#</th><th>密级 Level</th><th>位置 Location</th>")
                    .append("<th>规则 Rule</th><th>证据(已遮蔽) Evidence</th><th>出处 Where</th><th>修改时间 Modified</th>")
                    .append("<th>SHA-256</th></tr></thead><tbody>\n");
            int n = 0;
            for (FlaggedFile f : s.flagged()) {
                Level level = f.level();
                h.append("<tr><td>").append(++n).append("</td><td").append(level.isNationalSecret()
                        ? " class=\"national\"" : "").append('>').append(esc(level.chinese())).append("</td>")
                        .append("<td class=\"path\">").append(esc(f.path())).append("</td><td>")
                        .append(esc(f.findings().stream().map(Finding::rule).distinct().collect(Collectors.joining(" "))))
                        .append("</td><td>").append(esc(f.findings().stream().map(MaskedEvidence::of)
                                .filter(e -> !e.isEmpty()).distinct().collect(Collectors.joining(" | "))))
                        .append("</td><td>").append(esc(f.findings().stream().map(Finding::where)
                                .filter(e -> !e.isEmpty()).distinct().collect(Collectors.joining(" | "))))
                        .append(f.message().isEmpty() ? "" : "<br>" + esc(f.message()))
                        .append("</td><td>").append(TIME.format(Instant.ofEpochMilli(f.mtimeMillis()).atZone(zone)))
                        .append("</td><td><small>").append(f.sha256() == null ? "" : esc(f.sha256()))
                        .append("</small></td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<p><small>证据已遮蔽，报告不含文件正文。Evidence is masked; the report holds no file text.</small></p>\n")
                .append("</body></html>\n");
        Files.writeString(out, h, StandardCharsets.UTF_8);
    }

    private static void fact(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private static String counts(Map<String, Integer> m) {
        return m.isEmpty() ? "" : m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).sorted()
                .collect(Collectors.joining(", ", " (", ")"));
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
