package org.secrecyguard.extract;

/** The formats {@link FormatSniffer} tells apart by content. */
enum Format {
    TEXT, XML, HTML, RTF, WORD_XML,
    DOCX, XLSX, PPTX, ODF, OFD, ZIP,
    /** Excel binary workbook: an OOXML package of BIFF12 record parts. */
    XLSB,
    DOC, XLS, OLD_XLS, PPT,
    PDF, IMAGE,
    /** Outlook message (OLE2 with __substg1.0_ streams). */
    MSG,
    /** MIME e-mail (.eml): a header block of RFC 5322 fields naming sender, recipients or subject. */
    EML,
    /** Windows metafile picture (EMF, WMF): read for the text it draws. */
    METAFILE,
    /** An OLE2 file holding an encrypted OOXML package (EncryptionInfo + EncryptedPackage). */
    ENCRYPTED_OOXML,
    /** A zip whose central directory cannot be read (truncated or damaged). */
    BROKEN_ZIP,
    /** Recognised but not readable here (Visio, Publisher, 7z, …), or not recognised at all. */
    UNSUPPORTED
}
