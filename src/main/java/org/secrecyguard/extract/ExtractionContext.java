package org.secrecyguard.extract;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The state of reading one top-level file on its worker thread: the limits, the shared budget, the
 * deadline, how deep inside archives we are and the location prefix ("a.zip!/b/") for nested entries.
 * Extractors call {@link #checkTime()} in their loops so that a slow file stops at the deadline even
 * when the parser itself never looks at interrupts.
 */
final class ExtractionContext {
    private final ExtractLimits limits;
    private final ExtractionBudget budget;
    private final long deadlineNanos;
    private final int depth;
    private final String name;
    private final String location;
    private final NestedExtractor nested;

    /** Reads an entry found inside a container (archive entry, embedded package, attachment). */
    interface NestedExtractor {
        Document extract(String name, byte[] content, ExtractionContext child) throws ExtractionException;
    }

    ExtractionContext(ExtractLimits limits, long deadlineNanos, String name, NestedExtractor nested) {
        this(limits, new ExtractionBudget(limits), deadlineNanos, 0, name, "", nested);
    }

    private ExtractionContext(ExtractLimits limits, ExtractionBudget budget, long deadlineNanos, int depth,
            String name, String location, NestedExtractor nested) {
        this.limits = limits;
        this.budget = budget;
        this.deadlineNanos = deadlineNanos;
        this.depth = depth;
        this.name = name == null ? "" : name;
        this.location = location;
        this.nested = nested;
    }

    ExtractLimits limits() {
        return limits;
    }

    ExtractionBudget budget() {
        return budget;
    }

    /** Archive nesting depth: 0 for the file itself, 1 inside one archive, … */
    int depth() {
        return depth;
    }

    /** The file's name (top level) or entry path (nested), for messages and container locations. */
    String name() {
        return name;
    }

    /** Where this file sits: "" for the top-level file, "a.zip!/b/c.docx" for a nested entry. */
    String location() {
        return location;
    }

    /** A location inside this file, e.g. "page 2", prefixed with where the file sits when nested. */
    String where(String inner) {
        if (location.isEmpty()) {
            return inner;
        }
        return inner == null || inner.isEmpty() ? location : location + " " + inner;
    }

    /** How this file is named inside locations of its entries: "a.zip" at the top, the nested path below. */
    String containerLocation() {
        return location.isEmpty() ? name : location;
    }

    /**
     * Reads an entry of this container (archive entry, embedded package). The entry's locations read
     * "a.zip!/dir/entry.docx page 1"; archive depth grows by one.
     */
    Document extractNested(String entryName, byte[] content) throws ExtractionException {
        checkTime();
        String childLocation = containerLocation() + "!/" + entryName;
        ExtractionContext child = new ExtractionContext(limits, budget, deadlineNanos, depth + 1, entryName,
                childLocation, nested);
        return nested.extract(entryName, content, child);
    }

    /** Throws TIMEOUT once the deadline has passed or the worker was interrupted. */
    void checkTime() throws ExtractionException {
        if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadlineNanos > 0) {
            throw timeout(limits);
        }
    }

    /** {@link #checkTime()} for parser callbacks that cannot throw checked exceptions. */
    void checkTimeUnchecked() {
        try {
            checkTime();
        } catch (ExtractionException e) {
            throw new ExtractionAbort(e);
        }
    }

    static ExtractionException timeout(ExtractLimits limits) {
        long seconds = Math.max(1, TimeUnit.MILLISECONDS.toSeconds(limits.timeBudget().toMillis()));
        return new ExtractionException(ExtractionException.Reason.TIMEOUT,
                String.format(Locale.ROOT, "took longer than %d s: cannot be checked", seconds));
    }
}
