package org.secrecyguard.engine.fingerprint;

import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.engine.Level;

/**
 * A fictional official notice laid out as GB/T 9704 prescribes: copy number, marking, issuer, document
 * number, title, addressees, body paragraphs, closing, signer and date. Test data only.
 */
record Notice(String copyNumber, Level level, String marking, String issuer, String documentNumber,
              String title, String addressees, List<String> paragraphs, String closing, String signer,
              String date) {

    /** Header lines (copy number, marking, issuer, document number) as printed above the red rule. */
    List<String> headerLines() {
        List<String> lines = new ArrayList<>();
        if (copyNumber != null) {
            lines.add(copyNumber);
        }
        if (marking != null) {
            lines.add(marking);
        }
        lines.add(issuer);
        lines.add(documentNumber);
        return lines;
    }

    /** Everything below the red rule: title, addressees, paragraphs, closing, signer, date. */
    List<String> bodyLines() {
        List<String> lines = new ArrayList<>();
        lines.add(title);
        lines.add(addressees);
        lines.addAll(paragraphs);
        lines.add(closing);
        lines.add(signer);
        lines.add(date);
        return lines;
    }

    /** The full text as a word processor would hold it, one paragraph a line. */
    String text() {
        List<String> all = new ArrayList<>(headerLines());
        all.addAll(bodyLines());
        return String.join("\n", all);
    }

    /** The same notice re-typed with another marking (null: none) and its paragraphs in another order. */
    Notice retyped(String newMarking, List<String> newParagraphs) {
        return new Notice(null, level, newMarking, issuer, documentNumber, title, addressees, newParagraphs,
                closing, signer, date);
    }
}
