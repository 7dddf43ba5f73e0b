package org.secrecyguard.platform.windows;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The folder a file dialog shows, from the text of its address band: the breadcrumb's toolbar
 * ({@code ToolbarWindow32} under "Breadcrumb Parent") carries the folder as its window text with the
 * UI language's "Address" label in front: "地址: C:\Users\张三\Documents" on Chinese Windows,
 * "Address: C:\Users\..." on English. Known folders may be shown by their display name ("桌面",
 * "Desktop"): those are resolved through a map the caller supplies (from the shell on Windows).
 */
public final class AddressBandText {
    /** The labels seen in front of the folder (zh_CN, zh_TW, en); compared without case. */
    static final List<String> LABELS = List.of("地址", "位址", "address");

    private AddressBandText() {
    }

    /** True when the text looks like an address band's text (a label then a colon). */
    public static boolean isAddress(String text) {
        return label(text) >= 0;
    }

    /**
     * The folder named by an address band's text, as a Windows path, or empty when the text is not an
     * address or names no file-system folder ("此电脑", a library, a search).
     *
     * @param knownFolders display names of known folders ("桌面", "Desktop", "文档") to their paths
     */
    public static Optional<String> folderOf(String text, Map<String, String> knownFolders) {
        int start = label(text);
        if (start < 0) {
            return Optional.empty();
        }
        String shown = text.substring(start).strip();
        if (WindowsPaths.isAbsolute(shown)) {
            return Optional.of(shown);
        }
        for (Map.Entry<String, String> e : knownFolders.entrySet()) {
            if (e.getKey().equalsIgnoreCase(shown)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** Index just after "label:" (ASCII or full-width colon), or -1. */
    private static int label(String text) {
        if (text == null) {
            return -1;
        }
        String s = text.stripLeading();
        int offset = text.length() - s.length();
        String lower = s.toLowerCase(Locale.ROOT);
        for (String l : LABELS) {
            if (lower.startsWith(l)) {
                int i = l.length();
                while (i < s.length() && s.charAt(i) == ' ') {
                    i++;
                }
                if (i < s.length() && (s.charAt(i) == ':' || s.charAt(i) == '：')) {
                    return offset + i + 1;
                }
            }
        }
        return -1;
    }
}
