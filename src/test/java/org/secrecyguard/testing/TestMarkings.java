package org.secrecyguard.testing;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.TextDetector;

/**
 * A deliberately small stand-in for the marking detector, for channel tests only: a line that starts
 * with a level word (and for national secrets a ★) is a marking. The real GB/T 9704 detector is
 * tested in its own package; channel tests need a detector that behaves predictably.
 */
public final class TestMarkings implements TextDetector {
    private static final Pattern LINE = Pattern.compile("(?m)^\\s*(绝密★|机密★|秘密★|工作秘密|内部资料|内部★)");

    public static Engine engine() {
        return new Engine(java.util.List.of(new TestMarkings()), "test-markings");
    }

    @Override
    public void detect(DocumentText document, Consumer<Finding> out) {
        for (int i = 0; i < document.size(); i++) {
            Matcher m = LINE.matcher(document.segment(i).text());
            while (m.find()) {
                String word = m.group(1);
                Level level = word.startsWith("绝密") ? Level.TOP_SECRET : word.startsWith("机密") ? Level.SECRET
                        : word.startsWith("秘密") ? Level.CONFIDENTIAL : word.startsWith("工作秘密") ? Level.WORK_SECRET
                        : Level.INTERNAL;
                out.accept(new Finding(DetectorType.MARKING, "marking.header", level, word,
                        document.segment(i).where()));
            }
        }
    }
}
