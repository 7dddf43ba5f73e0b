package org.secrecyguard.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.fingerprint.Fingerprinter;
import org.secrecyguard.engine.fingerprint.RegisteredDocument;
import org.secrecyguard.extract.DocumentExtractor;
import org.secrecyguard.extract.ExtractLimits;
import org.secrecyguard.extract.ExtractionException;
import org.secrecyguard.rules.RuleStore;
import org.secrecyguard.scan.ContentHash;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rules register}: fingerprints classified documents so that quotes, de-marked copies and photos
 * of them are caught. Only keyed fingerprints are stored; the title is shown in evidence on every PC,
 * so it must not itself be secret (the default is a neutral label with a content-hash prefix).
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Register classified documents (stored only as keyed fingerprints).",
                "  rules register --db DB --level SECRET [--title T] FILE..."})
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

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to register (any format scan reads).")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Level lvl = Level.parse(level);
        RegistrationText reader = new RegistrationText(new DocumentExtractor(ExtractLimits.defaults()));
        int failed = 0;
        try (RuleStore store = db.open()) {
            Fingerprinter fingerprinter = new Fingerprinter(store.deploymentKey());
            List<RegisteredDocument> batch = new ArrayList<>();
            for (Path file : files) {
                try {
                    String text = reader.read(file);
                    String shownTitle = title != null ? title : "登记文件 " + ContentHash.of(file).substring(0, 8);
                    batch.add(fingerprinter.register(0, shownTitle, lvl, text));
                } catch (ExtractionException | IllegalArgumentException e) {
                    err.println(file + ": not registered: " + e.getMessage());
                    failed++;
                }
            }
            for (RegisteredDocument d : store.addDocuments(batch)) {
                out.println("#" + d.id() + "  " + d.level() + "  «" + d.title() + "»  " + d.textLength()
                        + " chars, " + d.fingerprints().length + " fingerprints");
            }
            out.println(batch.size() + " registered; only keyed fingerprints are stored");
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.ERROR;
    }
}
