package org.secrecyguard.platform.windows;

import java.util.ArrayList;
import java.util.List;

/**
 * The names in a file dialog's name box. One name is shown as it is ({@code 通知.docx}); a multiple
 * selection is shown as quoted names separated by spaces ({@code "通知.docx" "附件一.xlsx"}), which is
 * also what a user may type. Names may be relative to the folder shown or absolute.
 */
public final class FileNameList {
    private FileNameList() {
    }

    /** The names in {@code box}, in order, without quotes; empty for an empty box. */
    public static List<String> parse(String box) {
        String s = box == null ? "" : box.strip();
        List<String> names = new ArrayList<>();
        if (s.isEmpty()) {
            return names;
        }
        if (s.indexOf('"') < 0) {
            names.add(s); // one name, spaces are part of it ("工作 总结.docx")
            return names;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                if (quoted) {
                    add(names, current);
                }
                quoted = !quoted;
            } else if (quoted) {
                current.append(c);
            } else if (!Character.isWhitespace(c)) {
                // Text outside quotes ("a.docx" b.docx): the dialog takes it as a name of its own.
                int end = i;
                while (end < s.length() && s.charAt(end) != '"' && !Character.isWhitespace(s.charAt(end))) {
                    end++;
                }
                names.add(s.substring(i, end));
                i = end - 1;
            }
        }
        if (quoted) {
            add(names, current); // an unclosed quote while typing: keep what is there
        }
        return names;
    }

    private static void add(List<String> names, StringBuilder current) {
        String name = current.toString().strip();
        if (!name.isEmpty()) {
            names.add(name);
        }
        current.setLength(0);
    }
}
