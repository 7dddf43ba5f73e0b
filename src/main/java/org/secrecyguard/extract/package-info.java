/**
 * File → {@link org.secrecyguard.extract.Document}: text segments with their kind and location, embedded
 * pictures for OCR, and notes. {@link org.secrecyguard.extract.DocumentExtractor} is the entry point; it
 * sniffs the content ({@code FormatSniffer}), picks one small {@code FormatExtractor} per format and runs
 * it on a worker thread within {@link org.secrecyguard.extract.ExtractLimits}.
 *
 * <p>Formats: plain text (txt, csv, md, json, logs; BOM, UTF-8, UTF-16, GB18030/GBK, Big5), XML (tag-free
 * text), HTML, RTF (own parser for GBK {@code \'xx} escapes), Word 2003 XML, docx/docm/dotx, doc/dot and
 * Kingsoft wps, xlsx/xlsm, xlsb, xls and Kingsoft et (Excel 5/95 as plain text), pptx/ppsx, ppt and Kingsoft dps,
 * odt/ods/odp, OFD, PDF, msg, eml, zip (nested), png/jpeg/gif/bmp/tiff/webp, EMF/WMF (also gzip-compressed
 * emz/wmz; text records, rendered for OCR when they hold bitmaps). Objects embedded in office documents
 * and files attached to PDFs are read like archive entries.
 *
 * <p>Not read: 7z/rar/gz/tar, OFD annotations and
 * signature appearances, HTML data-URI pictures.
 */
package org.secrecyguard.extract;
