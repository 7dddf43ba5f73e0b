package org.secrecyguard.extract;

/**
 * RTF, including the Chinese RTF that Word and WPS write: GBK bytes as {@code \'xx} escapes under
 * {@code \ansicpg936} or a {@code \fcharset134} font, and {@code \\uN} Unicode escapes. The JDK's
 * RTFEditorKit ignores code pages and mangles such text, so {@link RtfParser} reads the control words
 * itself.
 */
final class RtfExtractor implements FormatExtractor {
    @Override
    public void extract(Input input, DocumentCollector out) {
        new RtfParser(input.bytes(), out).parse();
    }
}
