package org.secrecyguard.channel.clipboard;

import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Verdict;

/**
 * The short text that replaces blocked clipboard content, so that a paste shows why nothing came
 * through instead of pasting the secret. It names the level, never the content.
 */
public final class ClipboardNotice {
    /** Every notice starts with this tag; the guard also uses it to recognise its own writes. */
    public static final String TAG = "【保密卫士】";

    private ClipboardNotice() {
    }

    /** E.g. "【保密卫士】剪贴板内容含机密标志，已被拦截。". */
    public static String forVerdict(Verdict verdict) {
        Level level = verdict.highest().orElse(Level.INTERNAL);
        boolean marking = verdict.findings().stream()
                .anyMatch(f -> f.level() == level
                        && (f.detector() == DetectorType.MARKING || f.detector() == DetectorType.FILENAME));
        return TAG + (marking
                ? "剪贴板内容含" + level.chinese() + "标志，已被拦截。"
                : "剪贴板内容涉及" + level.chinese() + "级敏感内容，已被拦截。");
    }
}
