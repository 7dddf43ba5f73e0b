package org.secrecyguard.extract;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.secrecyguard.extract.OdfXmlHandler.Family;

/**
 * OpenDocument text, spreadsheets and presentations (odt/ods/odp and templates; what LibreOffice and
 * some 信创 office suites write). A zip of XML: content.xml holds the body, styles.xml the page headers
 * and footers; both are parsed with the JDK's SAX parser, locked down by {@link SecureXml}. A password
 * protected document (encrypted entries in the manifest) is ENCRYPTED. Pictures under Pictures/ go to
 * OCR.
 */
final class OdfExtractor implements FormatExtractor {
    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        ExtractionContext ctx = out.context();
        ExtractLimits limits = ctx.limits();
        Family family = switch (input.label()) {
            case "ods" -> Family.SPREADSHEET;
            case "odp", "odg" -> Family.PRESENTATION;
            default -> Family.TEXT;
        };
        try (ZipArchive zip = ZipArchive.open(input.bytes(), limits.maxZipEntries())) {
            zip.checkDeclared(limits.maxZipTotalBytes(), limits.maxCompressionRatio());
            ZipArchive.Entry manifest = zip.find("META-INF/manifest.xml");
            if (manifest != null) {
                String m = new String(zip.read(manifest, limits.maxFileBytes(), limits.maxCompressionRatio(), ctx),
                        StandardCharsets.UTF_8);
                if (m.contains("encryption-data")) {
                    throw Failures.encrypted(input.label());
                }
            }
            ZipArchive.Entry content = zip.find("content.xml");
            if (content == null) {
                throw new ExtractionException(ExtractionException.Reason.CORRUPT,
                        "corrupt " + input.label() + ": no content.xml: cannot be read");
            }
            parse(zip, content, family, false, out);
            ZipArchive.Entry styles = zip.find("styles.xml");
            if (styles != null) {
                parse(zip, styles, family, true, out);
            }
            int n = 0;
            for (ZipArchive.Entry e : zip.entries()) {
                if (!e.directory() && e.name().toLowerCase(Locale.ROOT).startsWith("pictures/")) {
                    n++;
                    if (e.size() > limits.maxImageBytes()) {
                        out.imageTooLarge();
                        continue;
                    }
                    byte[] bytes = zip.read(e, limits.maxImageBytes(), limits.maxCompressionRatio(), ctx);
                    out.addImage("image " + n + " (" + e.name() + ")", bytes);
                }
            }
        }
    }

    private static void parse(ZipArchive zip, ZipArchive.Entry entry, Family family, boolean styles,
            DocumentCollector out) throws Exception {
        ExtractionContext ctx = out.context();
        byte[] xml = zip.read(entry, ctx.limits().maxFileBytes(), ctx.limits().maxCompressionRatio(), ctx);
        OdfXmlHandler handler = new OdfXmlHandler(family, styles, ctx);
        SecureXml.parse(xml, handler);
        for (Piece piece : handler.pieces()) {
            piece.addTo(out);
        }
    }
}
