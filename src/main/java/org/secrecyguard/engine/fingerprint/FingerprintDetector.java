package org.secrecyguard.engine.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.DocumentText;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.TextDetector;

/**
 * Finds parts of registered documents in a scanned document: quotes of a sentence or more, re-typed,
 * re-punctuated or re-ordered copies, copies whose marking was removed or downgraded, and OCR text of
 * photographed pages. A match reports the REGISTERED level, whatever the copy says about itself.
 *
 * <p>Every n-gram of the scanned text (all segments read in order, so a paragraph split across table
 * cells still matches) is looked up in the index; matches are grouped per registered document into
 * runs and judged by a {@link MatchRule}. Findings name the document ("fp:&lt;id&gt;", its title and
 * the estimated matched length) and never contain the matched text.
 *
 * <p>Budget: at most {@link #MAX_CHARS} kept characters of a document are examined and at most
 * {@link #MAX_HITS} index hits collected; both bound time and memory on hostile input, and either is
 * far beyond what a match needs.
 */
public final class FingerprintDetector implements TextDetector {
    /** Kept characters examined per document (about 1,000 pages). */
    public static final int MAX_CHARS = 2_000_000;
    /** Index hits collected per document before the rest are ignored. */
    public static final int MAX_HITS = 1 << 21;

    private final Fingerprinter fingerprinter;
    private final FingerprintIndex index;
    private final MatchRule rule;

    public FingerprintDetector(Fingerprinter fingerprinter, FingerprintIndex index) {
        this(fingerprinter, index, MatchRule.defaultFor(fingerprinter));
    }

    public FingerprintDetector(Fingerprinter fingerprinter, FingerprintIndex index, MatchRule rule) {
        this.fingerprinter = Objects.requireNonNull(fingerprinter, "fingerprinter");
        this.index = Objects.requireNonNull(index, "index");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /**
     * The usual wiring for a rules database: fingerprinter with the default parameters under the
     * database's deployment key, index of its documents with the background corpus (text, see
     * {@link BackgroundCorpus#RESOURCE}) suppressed, default match rule.
     */
    public static FingerprintDetector forDocuments(byte[] deploymentKey, Collection<RegisteredDocument> documents,
                                                   String backgroundCorpus) {
        Fingerprinter fingerprinter = new Fingerprinter(deploymentKey);
        long[] ignored = BackgroundCorpus.hashes(fingerprinter, backgroundCorpus);
        return new FingerprintDetector(fingerprinter, FingerprintIndex.build(documents, ignored));
    }

    @Override
    public void detect(DocumentText document, Consumer<Finding> out) {
        for (DocumentMatch m : matches(document)) {
            out.accept(toFinding(m));
        }
    }

    /** The registered documents that {@code document} matches under the rule, most matched first. */
    public List<DocumentMatch> matches(DocumentText document) {
        List<DocumentMatch> all = measure(document);
        List<DocumentMatch> accepted = new ArrayList<>();
        for (DocumentMatch m : all) {
            if (rule.accepts(m)) {
                accepted.add(m);
            }
        }
        return accepted;
    }

    /** Convenience for one body text. */
    public List<DocumentMatch> matches(String text) {
        return matches(new DocumentText(List.of(Segment.body(text))));
    }

    /**
     * Every registered document sharing at least one counted run with {@code document}, whether or not
     * it reaches the rule's length; used to measure and tune the rule.
     */
    public List<DocumentMatch> measure(DocumentText document) {
        if (index.documentCount() == 0) {
            return List.of();
        }
        int[] segmentStart = new int[document.size() + 1];
        FingerprintText joined = join(document, segmentStart);
        int length = joined.length();
        long[] hashes = fingerprinter.gramHashes(joined);
        int k = fingerprinter.ngram();
        // Characters covered by a boilerplate n-gram do not count as matched; prefix sums of the rest.
        int[] substantive = new int[length + 1];
        int boilerplateUntil = 0;
        for (int pos = 0; pos < length; pos++) {
            if (pos < hashes.length && index.isBoilerplate(hashes[pos])) {
                boilerplateUntil = pos + k;
            }
            substantive[pos + 1] = substantive[pos] + (pos < boilerplateUntil ? 0 : 1);
        }
        Hits hits = new Hits(hashes.length);
        for (int pos = 0; pos < hashes.length && hits.count < MAX_HITS; pos++) {
            hits.position = pos;
            index.lookup(hashes[pos], hits);
        }
        if (hits.count == 0) {
            return List.of();
        }
        int[] slotAt = hits.slotAt;
        long[] sorted = Arrays.copyOf(hits.docPos, hits.count);
        Arrays.sort(sorted);
        List<DocumentMatch> result = new ArrayList<>();
        for (int i = 0; i < sorted.length; ) {
            int doc = (int) (sorted[i] >>> 32);
            int end = i;
            while (end < sorted.length && (int) (sorted[end] >>> 32) == doc) {
                end++;
            }
            DocumentMatch m = runs(doc, sorted, i, end, slotAt, substantive, new IntSet(), segmentStart, document);
            if (m != null) {
                result.add(m);
            }
            i = end;
        }
        result.sort((a, b) -> Integer.compare(b.matchedChars(), a.matchedChars()));
        return result;
    }

    /**
     * The kept characters of all segments in order, at most {@link #MAX_CHARS}; fills {@code segmentStart}
     * with each segment's first position (and the total length at the end).
     */
    private FingerprintText join(DocumentText document, int[] segmentStart) {
        char[] joined = new char[0];
        int length = 0;
        for (int s = 0; s < document.size(); s++) {
            segmentStart[s] = length;
            FingerprintText kept = fingerprinter.prepare(document.normalized(s));
            int take = Math.min(MAX_CHARS - length, kept.length());
            if (length + take > joined.length) {
                joined = Arrays.copyOf(joined, Math.max(length + take, joined.length * 2));
            }
            System.arraycopy(kept.chars(), 0, joined, length, take);
            length += take;
        }
        segmentStart[document.size()] = length;
        return new FingerprintText(joined, length, null);
    }

    /**
     * Groups one document's matched positions into runs and measures them. A run's length is the number
     * of non-boilerplate characters its matched n-grams cover, scaled by the share of its fingerprints
     * not already counted in an earlier run, so that text repeated in the scanned document counts once.
     */
    private DocumentMatch runs(int doc, long[] sorted, int from, int to, int[] slotAt, int[] substantive,
                               IntSet seen, int[] segmentStart, DocumentText document) {
        int k = fingerprinter.ngram();
        int matched = 0;
        int longest = 0;
        int runs = 0;
        boolean[] segmentHit = new boolean[document.size()];
        int runStart = from;
        for (int i = from + 1; i <= to; i++) {
            boolean closes = i == to || pos(sorted[i]) - pos(sorted[i - 1]) > rule.maxGap();
            if (!closes) {
                continue;
            }
            int size = i - runStart;
            if (size >= rule.minRunFingerprints()) {
                int fresh = 0;
                for (int h = runStart; h < i; h++) {
                    if (seen.add(slotAt[pos(sorted[h])])) {
                        fresh++;
                    }
                }
                int first = pos(sorted[runStart]);
                int last = pos(sorted[i - 1]);
                // Characters covered by the matched n-grams themselves, boilerplate excluded: the gap
                // between two matches joins them into one run but is not counted as matched.
                int covered = 0;
                int coveredUntil = first;
                for (int h = runStart; h < i; h++) {
                    int p = pos(sorted[h]);
                    int start = Math.max(p, coveredUntil);
                    if (p + k > start) {
                        covered += substantive[p + k] - substantive[start];
                        coveredUntil = p + k;
                    }
                }
                int counted = (int) ((long) covered * fresh / size);
                if (counted > 0) {
                    matched += counted;
                    longest = Math.max(longest, counted);
                    runs++;
                    markSegments(segmentStart, first, last + k - 1, segmentHit);
                }
            }
            runStart = i;
        }
        if (runs == 0) {
            return null;
        }
        int registered = index.textLength(doc);
        if (registered > 0) {
            matched = Math.min(matched, registered);
        }
        List<String> where = new ArrayList<>();
        for (int s = 0; s < segmentHit.length; s++) {
            String w = document.segment(s).where();
            if (segmentHit[s] && !where.contains(w)) {
                where.add(w);
            }
        }
        return new DocumentMatch(doc, index.documentId(doc), index.title(doc), index.level(doc), seen.size(),
                matched, longest, runs, where);
    }

    private static void markSegments(int[] segmentStart, int first, int last, boolean[] hit) {
        for (int s = 0; s < hit.length; s++) {
            if (segmentStart[s] <= last && first < segmentStart[s + 1]) {
                hit[s] = true;
            }
        }
    }

    private static int pos(long docPos) {
        return (int) docPos;
    }

    private Finding toFinding(DocumentMatch m) {
        String evidence = "matches registered document #" + m.documentId() + " «" + m.title() + "», "
                + m.matchedChars() + " characters";
        String where = m.where().size() <= 3 ? String.join(", ", m.where())
                : String.join(", ", m.where().subList(0, 3)) + " (+" + (m.where().size() - 3) + " more)";
        return new Finding(DetectorType.FINGERPRINT, "fp:" + m.documentId(), m.level(), evidence, where);
    }

    /** Collects lookup hits as (document, position) pairs and the fingerprint slot at each position. */
    private static final class Hits implements FingerprintIndex.DocumentSink {
        final int[] slotAt;
        long[] docPos = new long[64];
        int count;
        int position;

        Hits(int positions) {
            slotAt = new int[positions];
        }

        @Override
        public void accept(int documentIndex, int fingerprintSlot) {
            slotAt[position] = fingerprintSlot;
            if (count == docPos.length) {
                docPos = Arrays.copyOf(docPos, count * 2);
            }
            docPos[count++] = ((long) documentIndex << 32) | position;
        }
    }
}
