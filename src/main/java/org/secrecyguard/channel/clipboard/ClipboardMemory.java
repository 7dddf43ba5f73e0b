package org.secrecyguard.channel.clipboard;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the clipboard guard remembers about content by hash: what it wrote itself (its notice, restored
 * content), which must never be judged again, and what a user overrode with a reason, which is let
 * through when it comes back. Both are short and forget the oldest first. Thread-safe.
 */
final class ClipboardMemory {
    private static final int OWN_KEPT = 16;
    private static final int OVERRIDES_KEPT = 32;

    private final Set<String> ownHashes = new LinkedHashSet<>();
    private final Set<String> overridden = new LinkedHashSet<>();

    synchronized void rememberOwn(String hash) {
        add(ownHashes, hash, OWN_KEPT);
    }

    synchronized boolean isOwn(String hash) {
        return ownHashes.contains(hash);
    }

    synchronized void rememberOverride(String hash) {
        add(overridden, hash, OVERRIDES_KEPT);
    }

    synchronized boolean isOverridden(String hash) {
        return overridden.contains(hash);
    }

    private static void add(Set<String> set, String hash, int max) {
        set.remove(hash);
        set.add(hash);
        var it = set.iterator();
        while (set.size() > max && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
