package org.secrecyguard.extract;

import static org.secrecyguard.extract.Markings.CELL_MARK;
import static org.secrecyguard.extract.Markings.COMMENT_MARK;
import static org.secrecyguard.extract.Markings.FIRST_LINE_MARK;
import static org.secrecyguard.extract.Markings.FOOTER_MARK;
import static org.secrecyguard.extract.Markings.FOOTNOTE_MARK;
import static org.secrecyguard.extract.Markings.HEADER_MARK;
import static org.secrecyguard.extract.Markings.HEAD_LINES;
import static org.secrecyguard.extract.Markings.NOTES_MARK;
import static org.secrecyguard.extract.Markings.SPLIT_MARK;
import static org.secrecyguard.extract.Markings.TEXT_BOX_MARK;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.poi.hslf.usermodel.HSLFSlide;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hslf.usermodel.HSLFTable;
import org.apache.poi.hslf.usermodel.HSLFTextBox;
import org.apache.poi.hssf.usermodel.HSSFClientAnchor;
import org.apache.poi.hssf.usermodel.HSSFComment;
import org.apache.poi.hssf.usermodel.HSSFPatriarch;
import org.apache.poi.hssf.usermodel.HSSFRichTextString;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFTextbox;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTextBox;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;

/**
 * Builds GB/T 9704-style test documents in every supported format, in memory, with the markings of
 * {@link Markings} in each position the format has: the first lines (份号, 密级, 紧急程度), page header
 * and footer, a table cell, a text box, a footnote, a comment, and a marking typed one character per
 * run. Nothing is read from fixtures, so anyone can see exactly what each file contains.
 */
final class TestDocuments {
    private static final String CJK_FONT = "Noto Sans CJK SC";

    private TestDocuments() {
    }

    // ---------------------------------------------------------------- OOXML

    /** A docx with every position filled, two text boxes (DrawingML with VML fallback, VML only) and a picture. */
    static byte[] docx() {
        try (XWPFDocument doc = new XWPFDocument()) {
            for (String line : HEAD_LINES) {
                doc.createParagraph().createRun().setText(line);
            }
            XWPFParagraph split = doc.createParagraph();
            for (int i = 0; i < SPLIT_MARK.length(); i++) {
                XWPFRun run = split.createRun();
                run.setText(SPLIT_MARK.substring(i, i + 1));
                run.setBold(i % 2 == 0); // different formatting, as when someone retypes characters one by one
            }
            XWPFTable table = doc.createTable(2, 2);
            table.getRow(0).getCell(0).setText("项目");
            table.getRow(0).getCell(1).setText("金额");
            table.getRow(1).getCell(0).setText(CELL_MARK);
            table.getRow(1).getCell(1).setText("100");

            XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
            header.createParagraph().createRun().setText(HEADER_MARK);
            XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
            footer.createParagraph().createRun().setText(FOOTER_MARK);

            XWPFParagraph noted = doc.createParagraph();
            noted.createRun().setText("见脚注");
            XWPFFootnote note = doc.createFootnote();
            note.createParagraph().createRun().setText(FOOTNOTE_MARK);
            noted.addFootnoteReference(note);

            XWPFComment comment = doc.createComments().createComment(BigInteger.ONE);
            comment.setAuthor("审核人");
            comment.createParagraph().createRun().setText(COMMENT_MARK);

            XWPFParagraph boxes = doc.createParagraph();
            boxes.getCTP().set(CTP.Factory.parse(textBoxParagraphXml(TEXT_BOX_MARK)));
            XWPFParagraph vml = doc.createParagraph();
            vml.getCTP().set(CTP.Factory.parse(vmlTextBoxParagraphXml(TEXT_BOX_MARK)));

            XWPFRun picture = doc.createParagraph().createRun();
            picture.addPicture(new ByteArrayInputStream(png("印章", 200, 80)),
                    org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG, "seal.png", 200 * 9525, 80 * 9525);
            return write(doc::write);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A short docx with an Excel workbook embedded as an object (word/embeddings/…xlsx). */
    static byte[] docxWithEmbeddedWorkbook() {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("见附表");
            OPCPackage pkg = doc.getPackage();
            PackagePartName name = PackagingURIHelper.createPartName("/word/embeddings/Microsoft_Excel_Worksheet.xlsx");
            PackagePart part = pkg.createPart(name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            try (OutputStream os = part.getOutputStream()) {
                os.write(xlsx());
            }
            doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, POIXMLDocument.PACK_OBJECT_REL_TYPE);
            return write(doc::write);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DrawingML text box with its VML fallback copy, as Word 2010+ writes it. */
    private static String textBoxParagraphXml(String text) {
        return "<w:p xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'"
                + " xmlns:mc='http://schemas.openxmlformats.org/markup-compatibility/2006'"
                + " xmlns:wps='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'"
                + " xmlns:wp='http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing'"
                + " xmlns:a='http://schemas.openxmlformats.org/drawingml/2006/main'"
                + " xmlns:v='urn:schemas-microsoft-com:vml'>"
                + "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wp:inline>"
                + "<wp:extent cx='1828800' cy='457200'/><wp:docPr id='10' name='文本框 1'/>"
                + "<a:graphic><a:graphicData uri='http://schemas.microsoft.com/office/word/2010/wordprocessingShape'>"
                + "<wps:wsp><wps:txbx><w:txbxContent><w:p>" + splitRuns(text) + "</w:p></w:txbxContent></wps:txbx>"
                + "<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>"
                + "<mc:Fallback><w:pict><v:shape style='width:144pt;height:36pt'><v:textbox><w:txbxContent><w:p>"
                + "<w:r><w:t>" + text + "</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
                + "</mc:AlternateContent></w:r></w:p>";
    }

    /** A text box in VML only, as older Word and WPS write it. */
    private static String vmlTextBoxParagraphXml(String text) {
        return "<w:p xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'"
                + " xmlns:v='urn:schemas-microsoft-com:vml'><w:r><w:pict><v:shape style='width:144pt;height:36pt'>"
                + "<v:textbox><w:txbxContent><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:txbxContent>"
                + "</v:textbox></v:shape></w:pict></w:r></w:p>";
    }

    private static String splitRuns(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            sb.append("<w:r><w:t>").append(text.charAt(i)).append("</w:t></w:r>");
        }
        return sb.toString();
    }

    /** A workbook with a sheet "预算": head lines in column A, the cell mark in B4, header, footer, comment, text box. */
    static byte[] xlsx() {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("预算");
            fillSheet(sheet);
            sheet.getHeader().setCenter(HEADER_MARK);
            sheet.getFooter().setLeft(FOOTER_MARK);
            XSSFDrawing drawing = sheet.createDrawingPatriarch();
            XSSFComment comment = drawing.createCellComment(new XSSFClientAnchor(0, 0, 0, 0, 3, 1, 5, 4));
            comment.setString(new XSSFRichTextString(COMMENT_MARK));
            comment.setAddress(1, 2); // C2
            XSSFTextBox box = drawing.createTextbox(new XSSFClientAnchor(0, 0, 0, 0, 6, 6, 9, 9));
            box.setText(new XSSFRichTextString(TEXT_BOX_MARK));
            int pic = wb.addPicture(png("印章", 120, 60), Workbook.PICTURE_TYPE_PNG);
            drawing.createPicture(new XSSFClientAnchor(0, 0, 0, 0, 10, 10, 12, 12), pic);
            wb.createSheet("空表");
            return write(wb::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fillSheet(org.apache.poi.ss.usermodel.Sheet sheet) {
        for (int i = 0; i < 3; i++) {
            sheet.createRow(i).createCell(0).setCellValue(HEAD_LINES[i]);
        }
        Row row = sheet.createRow(3);
        row.createCell(0).setCellValue("合计");
        row.createCell(1).setCellValue(CELL_MARK);
        row.createCell(2).setCellValue(1234.5);
    }

    /** The same workbook as {@link #xlsx()} in the Excel 97 binary format. */
    static byte[] xls() {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            HSSFSheet sheet = wb.createSheet("预算");
            fillSheet(sheet);
            sheet.getHeader().setCenter(HEADER_MARK);
            sheet.getFooter().setLeft(FOOTER_MARK);
            HSSFPatriarch drawing = sheet.createDrawingPatriarch();
            HSSFComment comment = drawing.createCellComment(new HSSFClientAnchor(0, 0, 0, 0, (short) 3, 1, (short) 5, 4));
            comment.setString(new HSSFRichTextString(COMMENT_MARK));
            sheet.getRow(1).createCell(2).setCellComment(comment);
            HSSFTextbox box = drawing.createTextbox(new HSSFClientAnchor(0, 0, 0, 0, (short) 6, 6, (short) 9, 9));
            box.setString(new HSSFRichTextString(TEXT_BOX_MARK));
            return write(wb::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Slide 1: title placeholder with the first-line mark, a free text box, a table; notes on slide 1. */
    static byte[] pptx() {
        try (XMLSlideShow show = new XMLSlideShow()) {
            XSLFSlideLayout layout = show.getSlideMasters().get(0).getLayout(SlideLayout.TITLE_ONLY);
            XSLFSlide slide = show.createSlide(layout);
            XSLFTextShape title = (XSLFTextShape) slide.getPlaceholder(0);
            title.setText(FIRST_LINE_MARK);
            XSLFTextBox box = slide.createTextBox();
            box.setAnchor(new java.awt.Rectangle(50, 300, 300, 50));
            box.setText(TEXT_BOX_MARK);
            XSLFTable table = slide.createTable(2, 2);
            table.setAnchor(new java.awt.Rectangle(50, 400, 300, 100));
            table.getCell(0, 0).setText("项目");
            table.getCell(1, 0).setText(CELL_MARK);
            ((XSLFTextShape) show.getNotesSlide(slide).getPlaceholder(Placeholder.BODY)).setText(NOTES_MARK);
            XSLFSlide second = show.createSlide();
            second.createTextBox().setText(Markings.TITLE);
            return write(show::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PowerPoint 97 deck: text box, title, table, and slide footers set through "Header and Footer". */
    static byte[] ppt() {
        try (HSLFSlideShow show = new HSLFSlideShow()) {
            HSLFSlide slide = show.createSlide();
            slide.addTitle().setText(FIRST_LINE_MARK);
            HSLFTextBox box = new HSLFTextBox();
            box.setText(TEXT_BOX_MARK);
            box.setAnchor(new java.awt.Rectangle(50, 300, 300, 50));
            slide.addShape(box);
            HSLFTable table = slide.createTable(2, 2);
            table.getCell(0, 0).setText("项目");
            table.getCell(1, 0).setText(CELL_MARK);
            table.setAnchor(new java.awt.Rectangle(50, 400, 300, 100));
            show.getSlideHeadersFooters().setFootersText(FOOTER_MARK);
            show.getSlideHeadersFooters().setFooterVisible(true);
            return write(show::write);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code plain} wrapped in an agile-encrypted OLE2 container, as Office writes password-protected files. */
    static byte[] encryptOoxml(byte[] plain) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("密码123");
            try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(plain));
                 OutputStream os = enc.getDataStream(fs)) {
                pkg.save(os);
            }
            return write(fs::writeFilesystem);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- PDF

    /**
     * Page 1: the head lines as real text (a non-embedded Adobe-GB1 font, as many Chinese PDFs use) and
     * a sticky note; page 2: a scanned page, i.e. only a picture of text.
     */
    static byte[] pdf() {
        try (PDDocument doc = pdfDocument()) {
            return write(doc::save);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #pdf()} protected with the given user password ("" = opens without one, owner rights only). */
    static byte[] pdfEncrypted(String userPassword) {
        try (PDDocument doc = pdfDocument()) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permissions);
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
            return write(doc::save);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text-only PDF of {@code pages} pages, each with the head lines, for benchmarks. */
    static byte[] pdfTextPages(int pages) {
        try (PDDocument doc = new PDDocument()) {
            COSDictionary font = songFont();
            for (int i = 0; i < pages; i++) {
                textPage(doc, font, HEAD_LINES);
            }
            return write(doc::save);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page showing {@code lines} in the given (Adobe-GB1, UCS-2) font. */
    private static PDPage textPage(PDDocument doc, COSDictionary font, String[] lines) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        COSDictionary fonts = new COSDictionary();
        fonts.setItem(COSName.getPDFName("F1"), font);
        PDResources resources = new PDResources();
        resources.getCOSObject().setItem(COSName.FONT, fonts);
        page.setResources(resources);
        StringBuilder content = new StringBuilder("BT /F1 16 Tf 72 770 Td 24 TL\n");
        for (String line : lines) {
            content.append('<').append(ucs2Hex(line)).append("> Tj T*\n");
        }
        content.append("ET\n");
        PDStream stream = new PDStream(doc);
        try (OutputStream os = stream.createOutputStream()) {
            os.write(content.toString().getBytes(StandardCharsets.US_ASCII));
        }
        page.setContents(stream);
        return page;
    }

    private static PDDocument pdfDocument() throws IOException {
        PDDocument doc = new PDDocument();
        PDPage page = textPage(doc, songFont(), HEAD_LINES);
        PDAnnotationText note = new PDAnnotationText();
        note.setContents(COMMENT_MARK);
        note.setRectangle(new PDRectangle(400, 700, 20, 20));
        page.setAnnotations(java.util.List.of(note));

        PDPage scan = new PDPage(PDRectangle.A4);
        doc.addPage(scan);
        PDImageXObject image = LosslessFactory.createFromImage(doc, picture(FIRST_LINE_MARK + "  " + Markings.TITLE, 1200, 100));
        try (PDPageContentStream cs = new PDPageContentStream(doc, scan)) {
            cs.drawImage(image, 40, 700, 520, 44);
        }
        return doc;
    }

    /** STSong-Light through the predefined UniGB-UCS2-H CMap: two bytes per character, no embedded font. */
    private static COSDictionary songFont() {
        COSDictionary info = new COSDictionary();
        info.setItem(COSName.REGISTRY, new COSString("Adobe"));
        info.setItem(COSName.ORDERING, new COSString("GB1"));
        info.setItem(COSName.SUPPLEMENT, COSInteger.get(2));
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, "STSong-Light");
        descriptor.setInt(COSName.FLAGS, 6);
        COSArray bbox = new COSArray();
        for (int v : new int[] {-25, -254, 1000, 880}) {
            bbox.add(COSInteger.get(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, bbox);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 880);
        descriptor.setInt(COSName.DESCENT, -120);
        descriptor.setInt(COSName.CAP_HEIGHT, 880);
        descriptor.setInt(COSName.STEM_V, 93);
        COSDictionary cid = new COSDictionary();
        cid.setItem(COSName.TYPE, COSName.FONT);
        cid.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
        cid.setName(COSName.BASE_FONT, "STSong-Light");
        cid.setItem(COSName.CIDSYSTEMINFO, info);
        cid.setItem(COSName.FONT_DESC, descriptor);
        cid.setInt(COSName.DW, 1000);
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE0);
        font.setName(COSName.BASE_FONT, "STSong-Light");
        font.setName(COSName.ENCODING, "UniGB-UCS2-H");
        COSArray descendants = new COSArray();
        descendants.add(cid);
        font.setItem(COSName.DESCENDANT_FONTS, descendants);
        return font;
    }

    private static String ucs2Hex(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            sb.append(String.format("%04X", (int) c));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- helpers

    /** A PNG picture of {@code text} in black on white, large enough to OCR. */
    static byte[] png(String text, int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(picture(text, width, height), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage picture(String text, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(CJK_FONT, Font.PLAIN, Math.max(12, height / 2)));
        g.drawString(text, 10, height * 2 / 3);
        g.dispose();
        return image;
    }

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    static byte[] write(Writer writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out);
        return out.toByteArray();
    }

    /** A zip of the given entries (name → bytes), deflated, names in UTF-8. */
    static byte[] zip(Map<String, byte[]> entries) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, byte[]> entries(Object... nameThenBytes) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            Object v = nameThenBytes[i + 1];
            map.put((String) nameThenBytes[i], v instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) v);
        }
        return map;
    }

    static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    /** One entry of a zip, inflated. */
    static byte[] entryOf(byte[] zip, String name) {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
            throw new IllegalArgumentException("no entry " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
