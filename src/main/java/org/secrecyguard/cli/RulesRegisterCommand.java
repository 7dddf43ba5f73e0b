package org.secrecyguard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.fingerprint.Fingerprinter;
import org.secrecyguard.engine.fingerprint.RegisteredDocument;
import org.secrecyguard.rules.RuleStore;
import org.secrecyguard.scan.ContentHash;
import org.secrecyguard.scan.FileText;
import org.secrecyguard.scan.FileTextReader;
import org.secrecyguard.scan.Scanners;
import org.secrecyguard.scan.UnreadableFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rules register}: fingerprints classified documents so that quotes, de-marked copies and photos
 * of them are caught. Only keyed fingerprints are stored; the title is shown in evidence on every PC,
 * so it must not itself be secret (the default is a neutral label with a content-hash prefix). Pictures
 * (a photographed page, a scanned PDF, pictures in an office file) are read whole by OCR; what could
 * not be read is printed as a warning, and a file with nothing readable is refused with the reason.
 * The fingerprint scheme is recorded in the database, so that agents with another scheme refuse the
 * rules instead of silently never matching.
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Register classified documents (stored only as keyed fingerprints).",
                "  rules register --db DB --level SECRET [--title T] [--no-ocr] FILE...",
                "Photos, scanned PDFs and pictures in office files are read by OCR (tesseract chi_sim)."})
final class RulesRegisterCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesDbOption db;

    @Option(names = "--level", required = true, paramLabel = "LEVEL", description = "The document's level (SECRET, 机密, ...).")
    String level;

    @Option(names = "--title", paramLabel = "T",
            description = "Title shown in evidence on every PC (must not be secret; default: \"登记文件 <hash>\").")
    String title;

    @Option(names = "--no-ocr", description = "Do not read pictures (files that are only pictures are refused).")
    boolean noOcr;

    @Option(names = "--tessdata", paramLabel = "DIR",
            description = "Tesseract language data folder (default: TESSDATA_PREFIX, then the system folders).")
    Path tessdata;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Files to register: any format scan reads; photos, scans and pictures are read by OCR.")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Level lvl = Level.parse(level);
        int failed = 0;
        try (RuleStore store = db.open();
             FileTextReader text = Scanners.forText(!noOcr, tessdata)) {
            RegistrationText reader = new RegistrationText(text);
            Fingerprinter fingerprinter = new Fingerprinter(store.deploymentKey());
            List<RegisteredDocument> batch = new ArrayList<>();
            for (Path file : files) {
                try {
                    FileText read = reader.read(file);
                    for (String note : read.notes()) {
                        // Registered from part of its content: it will be caught only by what was read.
                        err.println(file + ": warning: " + note);
                    }
                    String shownTitle = title != null ? title : "登记文件 " + ContentHash.of(file).substring(0, 8);
                    batch.add(fingerprinter.register(0, shownTitle, lvl, read.text()));
                    if (read.picturesRead() > 0) {
                        out.println(file + ": text of " + read.picturesRead() + " of " + read.pictures()
                                + " picture(s) read by OCR");
                    }
                } catch (UnreadableFileException | IllegalArgumentException e) {
                    err.println(file + ": not registered: " + e.getMessage());
                    failed++;
                }
            }
            for (RegisteredDocument d : store.addDocuments(fingerprinter.scheme(), batch)) {
                out.println("#" + d.id() + "  " + d.level() + "  «" + d.title() + "»  " + d.textLength()
                        + " chars, " + d.fingerprints().length + " fingerprints");
            }
            out.println(batch.size() + " registered; only keyed fingerprints are stored");
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.ERROR;
    }
}
