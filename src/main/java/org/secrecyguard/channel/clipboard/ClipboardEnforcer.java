package org.secrecyguard.channel.clipboard;

import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.secrecyguard.channel.Enforcer;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.platform.ClipboardAccessException;
import org.secrecyguard.platform.ClipboardContent;
import org.secrecyguard.platform.SystemClipboard;

/**
 * Stops one flagged clipboard content by replacing it with a short notice ({@link ClipboardNotice});
 * after a justified override it puts the content back, but only while the notice is still there (a
 * newer copy is never clobbered), and remembers the override so the same content is let through.
 */
final class ClipboardEnforcer implements Enforcer {
    private static final Logger LOG = Logger.getLogger(ClipboardEnforcer.class.getName());

    private final SystemClipboard clipboard;
    private final ClipboardMemory memory;
    private final Executor guardThread;
    private final String hash;
    private final ClipboardContent content;
    private final Verdict verdict;

    ClipboardEnforcer(SystemClipboard clipboard, ClipboardMemory memory, Executor guardThread, String hash,
                      ClipboardContent content, Verdict verdict) {
        this.clipboard = clipboard;
        this.memory = memory;
        this.guardThread = guardThread;
        this.hash = hash;
        this.content = content;
        this.verdict = verdict;
    }

    @Override
    public String stop() throws CannotStop {
        String notice = ClipboardNotice.forVerdict(verdict);
        memory.rememberOwn(ClipboardContent.ofText(notice).contentHash());
        try {
            clipboard.writeText(notice);
            memory.rememberOwn(clipboard.read().contentHash());
            return "";
        } catch (ClipboardAccessException e) {
            LOG.log(Level.SEVERE, "could not replace flagged clipboard content", e);
            throw new CannotStop("the clipboard could not be replaced");
        }
    }

    @Override
    public String release() {
        memory.rememberOverride(hash);
        try {
            if (memory.isOwn(clipboard.read().contentHash())) {
                clipboard.write(content);
                memory.rememberOwn(clipboard.read().contentHash());
            }
        } catch (ClipboardAccessException e) {
            // The override stands: the same content copied again is let through.
            LOG.log(Level.WARNING, "could not restore overridden clipboard content", e);
        }
        return "";
    }

    @Override
    public Executor releaseThread() {
        return guardThread;
    }
}
