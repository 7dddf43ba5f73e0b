package org.secrecyguard.platform;

/**
 * Reads and replaces the system clipboard's content. Implementations work from any thread (not only
 * a UI thread) and retry while another process holds the clipboard open.
 */
public interface SystemClipboard {
    /**
     * The current content in the formats the guard inspects.
     *
     * @throws ClipboardAccessException when the clipboard stays busy or unreadable after retries
     */
    ClipboardContent read();

    /** Replaces the whole clipboard content with plain text (the guard's notice). */
    void writeText(String text);

    /** Puts content back (after a justified override): text, HTML, image and file list as given. */
    void write(ClipboardContent content);
}
