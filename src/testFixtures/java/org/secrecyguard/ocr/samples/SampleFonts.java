package org.secrecyguard.ocr.samples;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.util.List;

/**
 * CJK fonts for drawing sample pages: Noto Sans/Serif CJK SC when installed (Debian fonts-noto-cjk),
 * else the JDK's logical fonts, which map to the system's CJK fonts (SimSun, Microsoft YaHei on
 * Windows).
 */
final class SampleFonts {
    private static final List<String> DIRS = List.of(
            "/usr/share/fonts/opentype/noto", "/usr/share/fonts/noto-cjk", "/usr/share/fonts/google-noto-cjk");

    final Font sans;
    final Font sansBold;
    final Font serif;
    final Font serifBold;

    private SampleFonts() {
        sans = load("NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", Font.SANS_SERIF, Font.PLAIN);
        sansBold = load("NotoSansCJK-Bold.ttc", "Noto Sans CJK SC", Font.SANS_SERIF, Font.BOLD);
        serif = load("NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", Font.SERIF, Font.PLAIN);
        serifBold = load("NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC", Font.SERIF, Font.BOLD);
    }

    private static final class Holder {
        static final SampleFonts INSTANCE = new SampleFonts();
    }

    static SampleFonts get() {
        return Holder.INSTANCE;
    }

    private static Font load(String file, String family, String logical, int style) {
        for (String dir : DIRS) {
            File f = new File(dir, file);
            if (!f.isFile()) {
                continue;
            }
            try {
                for (Font font : Font.createFonts(f)) {
                    if (font.getFamily().equals(family)) {
                        return font.deriveFont(12f);
                    }
                }
            } catch (FontFormatException | IOException e) {
                // fall through to the logical font
            }
        }
        return new Font(logical, style, 12);
    }
}
