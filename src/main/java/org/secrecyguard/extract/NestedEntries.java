package org.secrecyguard.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.Ole10Native;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads files found inside other files (archive entries, objects embedded in office documents) through
 * the nested extractor, and decides which failures stop the whole file: an encrypted entry, a bomb and
 * the deadline do (the file cannot be checked); a damaged or unsupported entry becomes a note.
 */
final class NestedEntries {
    private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0};

    private NestedEntries() {
    }

    /** Extracts {@code content} as entry {@code entryName} and adds it; a failure that is not fatal becomes a note. */
    static void add(String entryName, byte[] content, DocumentCollector out) throws ExtractionException {
        ExtractionException skipped = tryAdd(entryName, content, out);
        if (skipped != null) {
            out.note(entryName + ": " + skipped.getMessage());
        }
    }

    /**
     * Extracts {@code content} as entry {@code entryName} of the current file and adds it to {@code out}.
     * Returns the failure when the entry is damaged or unsupported (the caller decides how to note it);
     * throws when the whole file cannot be checked (encrypted entry, bomb, deadline, size).
     */
    static ExtractionException tryAdd(String entryName, byte[] content, DocumentCollector out) throws ExtractionException {
        ExtractionContext ctx = out.context();
        try {
            out.addNested(ctx.extractNested(entryName, content));
            return null;
        } catch (ExtractionException e) {
            switch (e.reason()) {
                case ENCRYPTED, BOMB, TIMEOUT, TOO_LARGE -> {
                    String where = ctx.containerLocation() + "!/" + entryName;
                    if (e.getMessage().startsWith(ctx.containerLocation() + "!/")) {
                        throw e;
                    }
                    throw new ExtractionException(e.reason(), where + ": " + e.getMessage());
                }
                default -> {
                    return e;
                }
            }
        }
    }

    /**
     * An object embedded in an office document: OOXML/ODF packages are read directly; an OLE "package"
     * object (Ole10Native) is unwrapped to the file it carries; other OLE objects (embedded Word or Excel
     * binaries) are read as they are.
     */
    static void addEmbedded(String entryName, byte[] content, DocumentCollector out) throws ExtractionException {
        ExtractionContext ctx = out.context();
        if (ctx.depth() >= ctx.limits().maxZipDepth()) {
            out.note("embedded object " + entryName + " not read: nested deeper than " + ctx.limits().maxZipDepth());
            return;
        }
        byte[] payload = content;
        String name = entryName;
        if (startsWith(content, OLE2)) {
            try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
                DirectoryNode root = fs.getRoot();
                if (root.hasEntryCaseInsensitive(Ole10Native.OLE10_NATIVE)) {
                    Ole10Native nativ = Ole10Native.createFromEmbeddedOleObject(root);
                    payload = nativ.getDataBuffer();
                    String label = nativ.getLabel() == null || nativ.getLabel().isBlank() ? nativ.getFileName() : nativ.getLabel();
                    if (label != null && !label.isBlank()) {
                        name = entryName + "!/" + label;
                    }
                } else if (root.hasEntryCaseInsensitive("Package")) {
                    // An OOXML document embedded by Office: the stream holds the package bytes.
                    Entry pkg = root.getEntryCaseInsensitive("Package");
                    try (DocumentInputStream in = root.createDocumentInputStream(pkg)) {
                        payload = in.readAllBytes();
                    }
                } else if (!root.hasEntryCaseInsensitive("WordDocument") && !root.hasEntryCaseInsensitive("Workbook")
                        && !root.hasEntryCaseInsensitive("PowerPoint Document") && !root.hasEntryCaseInsensitive("Book")) {
                    return; // OLE objects without a document (equations, controls, links)
                }
            } catch (IOException | RuntimeException | org.apache.poi.poifs.filesystem.Ole10NativeException e) {
                out.note("embedded object " + entryName + " could not be read");
                return;
            }
        }
        if (payload == null || payload.length == 0) {
            return;
        }
        add(name, payload, out);
    }

    static boolean isEmbeddingPart(String partName) {
        String n = partName.toLowerCase(Locale.ROOT);
        return n.contains("/embeddings/") || n.startsWith("embeddings/");
    }

    private static boolean startsWith(byte[] b, byte[] magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (b[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
