package org.secrecyguard.engine.text;

/**
 * A char buffer per thread, reused from one document to the next by a loop that builds its text in a
 * working array and copies the result out. A self-check decodes and normalises thousands of files a
 * second, and a fresh working array per file was a third of everything the check allocated: in the
 * resident app's small heap that meant a young collection every few files.
 *
 * <p>Each user owns its instance, so two loops never share a buffer. Buffers are kept up to
 * {@code keptChars}; a larger request gets a fresh array that is not kept, so a long-lived thread holds
 * at most that much.
 */
public final class CharScratch {
    private static final int FIRST_CHARS = 8192;

    private final int keptChars;
    private final ThreadLocal<char[]> kept = new ThreadLocal<>();

    public CharScratch(int keptChars) {
        this.keptChars = keptChars;
    }

    /** An array of at least {@code n} chars, with any content; valid until this thread asks again. */
    public char[] atLeast(int n) {
        if (n > keptChars) {
            return new char[n];
        }
        char[] buffer = kept.get();
        if (buffer == null || buffer.length < n) {
            int grown = buffer == null ? FIRST_CHARS : buffer.length * 2;
            buffer = new char[Math.min(keptChars, Math.max(n, grown))];
            kept.set(buffer);
        }
        return buffer;
    }
}
