package org.secrecyguard.platform.windows;

import java.util.List;

/**
 * Joins arguments into one Windows command line so that the program's C runtime
 * (CommandLineToArgvW / the MSVC rules) splits it back into exactly those arguments: an argument with
 * a space, tab or quote is quoted, a quote inside is escaped with a backslash, and backslashes are
 * doubled only where they stand before a quote. CreateProcessAsUserW takes one string, not an argv.
 */
public final class WindowsCommandLine {
    private WindowsCommandLine() {
    }

    public static String of(List<String> argv) {
        StringBuilder out = new StringBuilder();
        for (String arg : argv) {
            if (out.length() > 0) {
                out.append(' ');
            }
            append(out, arg);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String arg) {
        if (arg.contains("\0")) {
            throw new IllegalArgumentException("an argument cannot hold a NUL character");
        }
        if (!arg.isEmpty() && arg.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"' || c == '\n' || c == '\u000B')) {
            out.append(arg);
            return;
        }
        out.append('"');
        int backslashes = 0;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                out.append("\\".repeat(backslashes * 2 + 1)); // each backslash doubled, then the quote escaped
            } else {
                out.append("\\".repeat(backslashes));
            }
            backslashes = 0;
            out.append(c);
        }
        out.append("\\".repeat(backslashes * 2)); // before the closing quote
        out.append('"');
    }
}
