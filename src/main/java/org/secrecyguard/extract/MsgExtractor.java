package org.secrecyguard.extract;

import java.io.ByteArrayInputStream;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.apache.poi.hsmf.exceptions.ChunkNotFoundException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.secrecyguard.engine.SegmentKind;

/**
 * Outlook messages (.msg) with POI's HSMF: the subject (HEADER: a marking often stands there, "【机密】…"),
 * sender and recipients, the plain-text body (or the HTML body when there is none), and each attached
 * file read like a zip entry ("a.msg!/通知.docx"). A message attached to the message is noted, not read.
 */
final class MsgExtractor implements FormatExtractor {
    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(input.bytes()));
             MAPIMessage msg = new MAPIMessage(fs)) {
            out.add(optional(msg::getSubject), SegmentKind.HEADER, "subject");
            String people = String.join("\n", optional(msg::getDisplayFrom), optional(msg::getDisplayTo),
                    optional(msg::getDisplayCC)).strip();
            out.add(people, SegmentKind.HEADER, "sender and recipients");
            String body = optional(msg::getTextBody);
            if (!body.isBlank()) {
                out.add(body, SegmentKind.BODY, "body");
            } else {
                String html = optional(msg::getHtmlBody);
                if (!html.isBlank()) {
                    NestedEntries.add("body.html", html.getBytes(java.nio.charset.StandardCharsets.UTF_8), out);
                }
            }
            attachments(msg, out);
        }
    }

    private static void attachments(MAPIMessage msg, DocumentCollector out) throws Exception {
        ExtractionContext ctx = out.context();
        AttachmentChunks[] files = msg.getAttachmentFiles();
        if (files.length > 0 && ctx.depth() >= ctx.limits().maxZipDepth()) {
            out.note("attachments not read: nested deeper than " + ctx.limits().maxZipDepth());
            return;
        }
        int n = 0;
        for (AttachmentChunks a : files) {
            n++;
            String name = a.getAttachLongFileName() != null ? a.getAttachLongFileName().getValue()
                    : a.getAttachFileName() != null ? a.getAttachFileName().getValue() : "attachment " + n;
            if (a.getEmbeddedMessage() != null) {
                out.note(name + ": a message attached to the message is not read");
                continue;
            }
            byte[] data = a.getEmbeddedAttachmentObject();
            if (data == null) {
                continue;
            }
            if (data.length > ctx.limits().maxFileBytes()) {
                throw new ExtractionException(ExtractionException.Reason.TOO_LARGE,
                        "a file attached to the message is too large: cannot be checked");
            }
            NestedEntries.add(name, data, out);
        }
    }

    private interface Chunk {
        String get() throws ChunkNotFoundException;
    }

    /** A chunk the message may not have: absent is empty. */
    private static String optional(Chunk chunk) {
        try {
            String s = chunk.get();
            return s == null ? "" : s;
        } catch (ChunkNotFoundException e) {
            return "";
        }
    }
}
