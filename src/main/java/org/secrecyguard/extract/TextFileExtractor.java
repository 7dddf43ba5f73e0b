package org.secrecyguard.extract;

import org.secrecyguard.engine.SegmentKind;

/**
 * Plain text (txt, csv, md, json, xml, logs) in any common encoding; see {@link TextDecoder} for how the
 * encoding is found. Bytes past what the text budget could ever hold are not decoded.
 */
final class TextFileExtractor implements FormatExtractor {
    @Override
    public void extract(Input input, DocumentCollector out) {
        byte[] b = input.bytes();
        int length = TextDecoder.lengthWithin(b, out.context().limits().maxTextBytes());
        TextDecoder.Decoded text = TextDecoder.decode(b, 0, length);
        if (text.clean()) {
            out.addClean(text.chars(), SegmentKind.BODY, "body"); // the decoder saw every char already
        } else {
            out.add(text.text(), SegmentKind.BODY, "body");
        }
    }
}
