package org.secrecyguard.extract;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;
import org.secrecyguard.engine.SegmentKind;

/**
 * E-mail saved as MIME (.eml, what Thunderbird, Foxmail and webmail export) with Apache James mime4j:
 * the subject (HEADER), sender and recipients, text parts (BODY), HTML parts as HTML, and every attached
 * file read like a zip entry ("a.eml!/通知.docx"); a forwarded message (message/rfc822) is read the same
 * way. Encoded words and transfer encodings are decoded by mime4j; parsing is permissive, as real mail is.
 */
final class EmlExtractor implements FormatExtractor {
    /** MIME parts visited at most: a message of thousands of parts is a bomb, not mail. */
    private static final int MAX_PARTS = 1_000;

    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
        Message message = builder.parseMessage(new ByteArrayInputStream(input.bytes()));
        try {
            out.add(message.getSubject(), SegmentKind.HEADER, "subject");
            out.add(String.join("\n", mailboxes(message.getFrom()), addresses(message.getTo()),
                    addresses(message.getCc())).strip(), SegmentKind.HEADER, "sender and recipients");
            new Walk(out).entity(message, 0);
        } finally {
            message.dispose();
        }
    }

    private static String mailboxes(MailboxList list) {
        return list == null ? "" : list.toString();
    }

    private static String addresses(AddressList list) {
        return list == null ? "" : list.toString();
    }

    private static final class Walk {
        private final DocumentCollector out;
        private int parts;
        private int texts;
        private int unnamed;

        Walk(DocumentCollector out) {
            this.out = out;
        }

        void entity(Entity e, int depth) throws Exception {
            if (++parts > MAX_PARTS || depth > 20) {
                if (parts == MAX_PARTS + 1 || depth > 20) {
                    out.note("partial: parts of the message after part " + MAX_PARTS + " or nested deeper than 20 not read");
                }
                return;
            }
            out.context().checkTime();
            Body body = e.getBody();
            String filename = e.getFilename();
            boolean attachment = filename != null || "attachment".equalsIgnoreCase(e.getDispositionType());
            if (body instanceof Multipart multi) {
                for (Entity part : multi.getBodyParts()) {
                    entity(part, depth + 1);
                }
            } else if (body instanceof Message inner) {
                String name = filename != null ? filename : "forwarded message " + ++unnamed + ".eml";
                NestedEntries.add(name, bytes(inner), out);
            } else if (attachment && body instanceof SingleBody single) {
                String name = filename != null ? filename : "attachment " + ++unnamed;
                NestedEntries.add(name, read(single), out);
            } else if (body instanceof TextBody text) {
                String type = e.getMimeType();
                if ("text/html".equalsIgnoreCase(type)) {
                    NestedEntries.add("body " + ++texts + ".html",
                            readText(text).getBytes(StandardCharsets.UTF_8), out);
                } else {
                    out.add(readText(text), SegmentKind.BODY, texts++ == 0 ? "body" : "body part " + texts);
                }
            } else if (body instanceof SingleBody single) {
                String name = "attachment " + ++unnamed;
                NestedEntries.add(name, read(single), out);
            }
        }

        private byte[] read(SingleBody body) throws Exception {
            long max = out.context().limits().maxFileBytes();
            try (InputStream in = body.getInputStream()) {
                byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                if (b.length > max) {
                    throw new ExtractionException(ExtractionException.Reason.TOO_LARGE,
                            "a file attached to the message is too large: cannot be checked");
                }
                return b;
            }
        }

        private String readText(TextBody body) throws Exception {
            // Mail clients mislabel parts: bytes that are valid UTF-8 are that, whatever charset the part
            // names (text in GBK and other legacy charsets is never valid UTF-8; ASCII reads the same).
            long maxBytes = out.context().limits().maxTextBytes();
            try (InputStream in = body.getInputStream()) {
                byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                Utf8Text.Decoded utf8 = Utf8Text.decode(b, 0, TextDecoder.lengthWithin(b, maxBytes));
                if (utf8 != null) {
                    return utf8.text();
                }
            }
            try (java.io.Reader r = body.getReader()) {
                StringBuilder sb = new StringBuilder();
                char[] buf = new char[8192];
                long max = out.context().limits().maxTextChars();
                for (int n; (n = r.read(buf)) > 0 && sb.length() <= max; ) {
                    sb.append(buf, 0, n);
                }
                return sb.toString();
            }
        }

        private static byte[] bytes(Message inner) throws Exception {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            new org.apache.james.mime4j.message.DefaultMessageWriter().writeMessage(inner, b);
            return b.toByteArray();
        }
    }
}
