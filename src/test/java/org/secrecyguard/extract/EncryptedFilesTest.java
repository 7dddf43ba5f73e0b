package org.secrecyguard.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.time.Duration;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.secrecyguard.extract.ExtractionException.Reason;

/**
 * Password-protected files of every kind the user may meet are ENCRYPTED with a message that says the
 * file cannot be checked, quickly and without quoting it; inside an archive, the archive cannot be
 * checked either.
 */
class EncryptedFilesTest {
    private static final DocumentExtractor EXTRACTOR = new DocumentExtractor();

    private static ExtractionException encrypted(String name, byte[] content) {
        ExtractionException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(ExtractionException.class, () -> EXTRACTOR.extract(name, content)));
        assertEquals(Reason.ENCRYPTED, e.reason(), name + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("cannot be checked"), e.getMessage());
        assertFalse(e.getMessage().contains("机密") || e.getMessage().contains("秘密"), e.getMessage());
        return e;
    }

    private static byte[] encrypt(byte[] plain, EncryptionMode mode) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(mode).getEncryptor();
            enc.confirmPassword("pass-1234");
            try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(plain)); OutputStream os = enc.getDataStream(fs)) {
                pkg.save(os);
            }
            return TestDocuments.write(fs::writeFilesystem);
        }
    }

    @Test
    void agileEncryptedWorkbookAndPresentationAreEncrypted() throws Exception {
        encrypted("预算.xlsx", encrypt(TestDocuments.xlsx(), EncryptionMode.agile));
        encrypted("汇报.pptx", encrypt(TestDocuments.pptx(), EncryptionMode.agile));
    }

    @Test
    void standardEncryptionAsOffice2007WritesItIsEncrypted() throws Exception {
        encrypted("通知.docx", encrypt(TestDocuments.docx(), EncryptionMode.standard));
    }

    @Test
    void encryptedPackageRenamedIsStillEncrypted() throws Exception {
        encrypted("readme.txt", encrypt(TestDocuments.docx(), EncryptionMode.agile));
    }

    @Test
    void passwordProtectedXlsIsEncrypted() throws Exception {
        byte[] xls;
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("预算").createRow(0).createCell(0).setCellValue(Markings.CELL_MARK);
            Biff8EncryptionKey.setCurrentUserPassword("pass-1234");
            try {
                xls = TestDocuments.write(wb::write);
            } finally {
                Biff8EncryptionKey.setCurrentUserPassword(null);
            }
        }
        encrypted("预算.xls", xls);
    }

    @Test
    void pdfNeedingAPasswordInsideAZipMakesTheArchiveEncrypted() {
        byte[] zip = TestDocuments.zip(TestDocuments.entries("说明.txt", "见附件", "附件/通知.pdf",
                TestDocuments.pdfEncrypted("user-pass")));
        ExtractionException e = encrypted("a.zip", zip);
        assertTrue(e.getMessage().startsWith("a.zip!/附件/通知.pdf: "), e.getMessage());
    }

    @Test
    void encryptedWorkbookInANestedZipMakesTheOuterArchiveEncrypted() throws Exception {
        // An attachment nobody can read cannot be passed as checked.
        byte[] zip = TestDocuments.zip(TestDocuments.entries("a/b.zip", TestDocuments.zip(TestDocuments.entries(
                "c.xlsx", encrypt(TestDocuments.xlsx(), EncryptionMode.agile)))));
        ExtractionException e = encrypted("outer.zip", zip);
        assertTrue(e.getMessage().contains("c.xlsx"), "the message says which entry: " + e.getMessage());
    }
}
