package org.secrecyguard.channel;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.scan.ScanResult;
import org.secrecyguard.scan.Scanner;

/** The channels' view of the real {@link Scanner}: a result with notes or an error is "incomplete". */
public final class ScannerAdapter implements ContentScanner {
    private final Scanner scanner;

    public ScannerAdapter(Scanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public ScanOutcome scanText(String text, String where) {
        return outcome(scanner.scanText(text, where));
    }

    @Override
    public ScanOutcome scanImage(BufferedImage image, String where) {
        return outcome(scanner.scanImage(image, where));
    }

    @Override
    public ScanOutcome scanFile(Path file) {
        return outcome(scanner.scanFile(file));
    }

    @Override
    public String rulesVersion() {
        return scanner.engine().rulesVersion();
    }

    @Override
    public boolean imagesSupported() {
        return scanner.pictures().available();
    }

    static ScanOutcome outcome(ScanResult r) {
        List<String> notes = new ArrayList<>();
        if (r.isError()) {
            notes.add(r.message());
        }
        notes.addAll(r.notes());
        return new ScanOutcome(r.verdict(), !r.isError() && r.notes().isEmpty(), String.join("; ", notes));
    }
}
