package org.secrecyguard.ui;

import java.util.List;
import java.util.Set;
import javafx.scene.Parent;
import javafx.scene.text.Font;

/**
 * Chooses a font that renders Simplified Chinese. JavaFX CSS takes a single family in
 * {@code -fx-font-family} (a comma-separated fallback list silently turns into "System"), so the
 * fallback order of {@code guard.css} is applied here: the first installed family wins and is set
 * on every window's root.
 */
public final class UiFonts {
    /** Windows first (Microsoft YaHei), then the Linux and 信创 desktop fonts. */
    public static final List<String> PREFERRED = List.of(
            "Microsoft YaHei", "Microsoft YaHei UI", "微软雅黑", "Noto Sans CJK SC", "Source Han Sans SC",
            "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback",
            "Noto Sans SC", "SimHei", "PingFang SC");

    private static volatile String chosen;

    private UiFonts() {
    }

    /** The first preferred family installed here, or "System" (whose fallback may still find glyphs). */
    public static String family() {
        String f = chosen;
        if (f == null) {
            f = pick(Set.copyOf(Font.getFamilies()));
            chosen = f;
        }
        return f;
    }

    static String pick(Set<String> installed) {
        for (String name : PREFERRED) {
            if (installed.contains(name)) {
                return name;
            }
        }
        return "System";
    }

    /** Applies the family to a window's root node; child styles inherit it. */
    public static void apply(Parent root) {
        String existing = root.getStyle() == null ? "" : root.getStyle();
        root.setStyle("-fx-font-family: \"" + family() + "\";" + existing);
        root.getStylesheets().add(UiFonts.class.getResource("guard.css").toExternalForm());
    }
}
