package org.secrecyguard.extract;

import java.util.Locale;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.extract.ExtractionException.Reason;

/**
 * Zip archives, read entry by entry through the {@link DocumentExtractor} again (a docx in a zip in a
 * zip is read like any docx), with locations such as "a.zip!/dir/b.docx page 2". Each entry's path is
 * also a FILE_NAME segment, since names like "机密/通知.docx" matter. Bomb defences: nesting depth,
 * entry count and inflated bytes (nested archives included), and the ratio of every entry, checked on
 * declared sizes first and on actual bytes while inflating. An encrypted entry makes the archive
 * ENCRYPTED: it cannot be checked. Entries in unsupported formats (programs, media) are skipped with a
 * note.
 */
final class ZipExtractor implements FormatExtractor {
    private static final int MAX_DAMAGED_NOTES = 20;

    @Override
    public void extract(Input input, DocumentCollector out) throws Exception {
        ExtractionContext ctx = out.context();
        ExtractLimits limits = ctx.limits();
        if (ctx.depth() >= limits.maxZipDepth()) {
            throw ZipArchive.bomb("archives nested deeper than " + limits.maxZipDepth());
        }
        int unsupported = 0;
        int damaged = 0;
        try (ZipArchive zip = ZipArchive.open(input.bytes(), limits.maxZipEntries())) {
            if (!ctx.budget().addArchiveEntries(zip.entries().size())) {
                throw ZipArchive.bomb(String.format(Locale.ROOT, "more than %,d entries in nested archives",
                        limits.maxZipEntries()));
            }
            zip.checkDeclared(limits.maxZipTotalBytes(), limits.maxCompressionRatio());
            for (ZipArchive.Entry entry : zip.entries()) {
                ctx.checkTime();
                if (entry.directory()) {
                    continue;
                }
                String where = ctx.containerLocation() + "!/" + entry.name();
                out.addAbsolute(entry.name(), SegmentKind.FILE_NAME, where);
                if (entry.encrypted()) {
                    throw new ExtractionException(Reason.ENCRYPTED, where + ": encrypted zip entry: cannot be checked");
                }
                byte[] content = zip.read(entry, limits.maxFileBytes(), limits.maxCompressionRatio(), ctx);
                if (!ctx.budget().addArchiveBytes(content.length)) {
                    throw ZipArchive.bomb(String.format(Locale.ROOT, "archive inflates to more than %,d MB",
                            limits.maxZipTotalBytes() / (1024 * 1024)));
                }
                ExtractionException skipped = NestedEntries.tryAdd(entry.name(), content, out);
                if (skipped == null) {
                    continue;
                }
                if (skipped.reason() == Reason.UNSUPPORTED) {
                    unsupported++;
                } else if (++damaged <= MAX_DAMAGED_NOTES) {
                    out.note(entry.name() + ": " + skipped.getMessage());
                }
            }
        }
        if (unsupported > 0) {
            out.note(unsupported + " entries in formats that cannot be checked (programs, media, …) skipped");
        }
        if (damaged > MAX_DAMAGED_NOTES) {
            out.note((damaged - MAX_DAMAGED_NOTES) + " more damaged entries skipped");
        }
    }
}
