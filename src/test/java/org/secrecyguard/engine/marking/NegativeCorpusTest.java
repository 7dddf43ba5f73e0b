package org.secrecyguard.engine.marking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;

/**
 * Public texts that talk about levels at length (src/test/resources/corpus/negative, written for
 * these tests): a leak-case news report, a secrecy-training notice quoting the law, a red-header
 * public notice, a contract with 保密条款, a novel, an internal-audit report, a government work
 * report, a poem cycle titled 秘密. None of them is marked, so none may yield a finding, however
 * it arrives.
 */
class NegativeCorpusTest {

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(NegativeCorpusTest.class.getResource("/corpus/negative").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().collect(Collectors.toList()).stream();
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void corpusHoldsAtLeastSixTextsOfSeveralThousandCharacters() throws Exception {
        List<Path> texts = corpus().collect(Collectors.toList());
        assertTrue(texts.size() >= 6, "corpus: " + texts);
        long long2000 = 0;
        for (Path p : texts) {
            String t = read(p);
            int cjk = (int) t.chars().filter(c -> c >= 0x4E00 && c <= 0x9FFF).count();
            if (cjk >= 2000) {
                long2000++;
            }
        }
        assertTrue(long2000 >= 6, "texts with 2000+ Chinese characters: " + long2000);
    }

    @ParameterizedTest(name = "allowsWholeText {0}")
    @MethodSource("corpus")
    void allowsWholeTextAsBodyImageFootnoteOrComment(Path p) throws IOException {
        String text = read(p);
        for (SegmentKind kind : List.of(SegmentKind.BODY, SegmentKind.OCR, SegmentKind.FOOTNOTE, SegmentKind.COMMENT)) {
            List<Finding> found = Scan.findings(new Segment(text, kind, "x"));
            assertEquals(List.of(), found, p.getFileName() + " as " + kind);
        }
    }

    @ParameterizedTest(name = "allowsAsOcrOutput {0}")
    @MethodSource("corpus")
    void allowsTextAsTesseractPrintsItWithSpacesBetweenCharacters(Path p) throws IOException {
        String spaced = read(p).lines()
                .map(line -> line.codePoints().mapToObj(Character::toString).collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n"));
        assertEquals(List.of(), Scan.of(SegmentKind.OCR, spaced), p.getFileName().toString());
    }

    @ParameterizedTest(name = "allowsAsPages {0}")
    @MethodSource("corpus")
    void allowsTextSplitIntoPagesAndParagraphCells(Path p) throws IOException {
        List<String> lines = read(p).lines().collect(Collectors.toList());
        List<Segment> pages = new ArrayList<>();
        List<Segment> cells = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 20) {
            pages.add(new Segment(String.join("\n", lines.subList(i, Math.min(lines.size(), i + 20))),
                    SegmentKind.BODY, "page " + (i / 20 + 1)));
        }
        for (String line : lines) {
            cells.add(new Segment(line, SegmentKind.TABLE_CELL, "cell"));
        }
        assertEquals(List.of(), Scan.findings(pages.toArray(new Segment[0])), p.getFileName() + " as pages");
        assertEquals(List.of(), Scan.findings(cells.toArray(new Segment[0])), p.getFileName() + " as cells");
    }

    @ParameterizedTest(name = "flagsOnceMarked {0}")
    @MethodSource("corpus")
    void flagsTheSameTextOnceAMarkingIsAdded(Path p) throws IOException {
        // control: the corpus is clean because it is unmarked, not because long texts hide markings
        String marked = "000123\n秘密★1年\n" + read(p) + "\n机密★2年\n";
        List<Finding> found = Scan.body(marked);
        assertTrue(found.stream().anyMatch(f -> f.level() == Level.CONFIDENTIAL && f.evidence().equals("秘密★1年")),
                p.getFileName() + ": " + found);
        assertTrue(found.stream().anyMatch(f -> f.level() == Level.SECRET && f.evidence().equals("机密★2年")),
                p.getFileName() + ": " + found);
    }
}
