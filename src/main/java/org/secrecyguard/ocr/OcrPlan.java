package org.secrecyguard.ocr;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Engine;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Segment;
import org.secrecyguard.engine.SegmentKind;
import org.secrecyguard.engine.Verdict;
import org.secrecyguard.engine.image.GreyImage;
import org.secrecyguard.engine.image.PageFinder;
import org.secrecyguard.engine.image.PageRegion;
import org.secrecyguard.engine.image.RedHeader;
import org.secrecyguard.engine.image.RedHeaderDetector;
import org.secrecyguard.engine.image.Region;
import org.secrecyguard.engine.image.SkewEstimator;
import org.secrecyguard.engine.image.TextHeight;

/**
 * How one picture is read: the cheap steps first, the expensive full-page read only when needed.
 * <ol>
 *   <li>An overview (longest side {@value #OVERVIEW_SIDE} px) locates the page (inside a photo or an
 *       editor window) and a red header (band, rule, tilt).</li>
 *   <li>The header band is cut out: from the top of the page down to the red rule (or a little under
 *       the red band; without red, the top 35% of a page's width). It holds 份号, 密级★期限 (top left,
 *       or top right in the 1999 layout), 紧急程度 and the 发文字号. Red print and anything off the page
 *       are turned to paper, the crop is straightened and scaled so that its text is about
 *       {@value #TARGET_TEXT_PX} px high, and Tesseract reads it as one block (PSM 6): about 0.1 s.</li>
 *   <li>The engine inspects that text. A marking there settles the picture.</li>
 *   <li>When the header looked like a marking but did not read as one (or its first lines came back
 *       as Latin garble), it is read again at another scale.</li>
 *   <li>The whole page is read (PSM 3) only when the engine needs body text (keywords, fingerprints),
 *       the configuration asks for it, or the header stayed doubtful.</li>
 * </ol>
 * Every Tesseract call gets the time left of the picture's budget as its deadline; when the budget runs
 * out the plan stops and says so in the note. One plan instance serves all threads; the
 * {@link TextReader} passed in belongs to the calling worker thread.
 */
final class OcrPlan {
    static final int OVERVIEW_SIDE = 1000;
    static final int TARGET_TEXT_PX = 30;
    /** Largest crop handed to Tesseract, in pixels (a full page at about 200 dpi). */
    private static final long MAX_CROP_PIXELS = 4_000_000;
    /**
     * Largest header crop of a picture with no page framed in it. A scan or a crop of a page needs
     * about 1 megapixel at the target text size; a chat window or a file manager would have its small
     * interface text enlarged into seconds of OCR for what is rarely a document.
     */
    private static final long MAX_UNFRAMED_HEADER_PIXELS = 1_500_000;
    private static final int ANALYSIS_WIDTH = 1000;
    /** Scale of the second header reading relative to the first. */
    private static final double RETRY_SCALE = 0.85;

    private final OcrConfig config;
    private final RedHeaderDetector redDetector = new RedHeaderDetector();
    private final PageFinder pageFinder = new PageFinder();

    OcrPlan(OcrConfig config) {
        this.config = config;
    }

    /**
     * What the plan did with one picture.
     *
     * @param verdict   findings, located at the picture
     * @param ocrUsed   whether Tesseract read anything
     * @param note      user-facing note ("" when nothing to say)
     * @param redHeader what the red-header detector saw
     * @param steps     the reads made, for benchmarks and logs (never their text)
     */
    record Result(Verdict verdict, boolean ocrUsed, String note, RedHeader redHeader, List<Step> steps) {
    }

    /** One Tesseract read: which region, how long, whether the deadline cut it. */
    record Step(String region, int psm, int width, int height, long millis, boolean timedOut) {
    }

    /** The picture's page, red header and header band, in picture pixels. */
    private record Layout(Region page, PageRegion pageRegion, double overviewScale, RedHeader red, Region header) {
        boolean redPrint() {
            return red.found() || red.hasRule();
        }
    }

    Result run(BufferedImage image, String where, Engine engine, TextReader reader) {
        Budget budget = new Budget(config.headerBudget().toMillis(), config.totalBudget().toMillis());
        Layout layout = layout(image);
        List<Step> steps = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        double s0 = Math.min(1.0, ANALYSIS_WIDTH / (double) layout.header().width());
        GreyImage sample = crop(image, layout, layout.header(), s0, 0);
        int textHeight = TextHeight.estimate(sample);
        double tilt = layout.redPrint() ? layout.red().angleDegrees() : skew(sample);
        double headerScale = textHeight > 0 ? scaleFor(textHeight / s0, layout.header(),
                layout.pageRegion().detected() ? MAX_CROP_PIXELS : MAX_UNFRAMED_HEADER_PIXELS) : -1;
        String headerText = "";
        if (headerScale > 0) {
            GreyImage header = crop(image, layout, layout.header(), headerScale, tilt);
            OcrText read = read(reader, header, TextReader.PSM_BLOCK, budget.headerMillis(), "header", steps);
            headerText = read.text();
            segments.add(new Segment(headerText, SegmentKind.OCR, where + " (OCR header)"));
        }
        Verdict verdict = engine.inspect(segments);
        boolean doubtful = false;
        if (verdict.isClean() && headerScale > 0) {
            // Doubtful: pieces of a marking, or a red-header page whose header read as almost nothing.
            // Garbled: the first lines came back as Latin letters. Both get a second reading; only a
            // doubtful header that stays clean also gets the whole page read.
            doubtful = MarkingLikeText.looksLikeMarking(headerText)
                    || (layout.red().found() && MarkingLikeText.usefulChars(headerText) < 2);
            boolean garbled = MarkingLikeText.hasLatinGarbleOnTop(headerText);
            if ((doubtful || garbled) && budget.remainingMillis() > 0) {
                // Read again at another scale: LSTM misreadings of the star and the digits change with
                // the text size, and a second reading of a marking often comes out clean.
                GreyImage again = crop(image, layout, layout.header(), headerScale * RETRY_SCALE, tilt);
                OcrText read = read(reader, again, TextReader.PSM_BLOCK, budget.headerMillis(), "header-retry", steps);
                segments.add(new Segment(read.text(), SegmentKind.OCR, where + " (OCR header)"));
                verdict = engine.inspect(segments);
            }
        }
        if (verdict.isClean() && (bodyNeeded(engine) || doubtful)) {
            if (budget.remainingMillis() <= 0) {
                notes.add("OCR time budget (" + budget.totalSeconds() + " s) used up before the whole page was read");
            } else {
                double pageScale = headerScale > 0 ? scaleFor(textHeight / s0, layout.page(), MAX_CROP_PIXELS)
                        : pageScale(image, layout);
                if (pageScale > 0) {
                    GreyImage page = crop(image, layout, layout.page(), pageScale, tilt);
                    OcrText read = read(reader, page, TextReader.PSM_AUTO, budget.remainingMillis(), "page", steps);
                    segments.add(new Segment(read.text(), SegmentKind.OCR, where + " (OCR page)"));
                    verdict = engine.inspect(segments);
                }
            }
        }
        if (steps.stream().anyMatch(Step::timedOut)) {
            notes.add("OCR stopped at the time budget (" + budget.totalSeconds() + " s): the picture was only partly read");
        }
        if (!verdict.isClean() && layout.red().found()) {
            Finding top = verdict.findings().get(0);
            Finding red = new Finding(DetectorType.IMAGE, "image.red-header",
                    verdict.highest().orElse(top.level()), "红头 (red 发文机关标志 band"
                    + (layout.red().hasRule() ? " and rule" : "") + ")", where + " (red header)");
            verdict = verdict.merge(new Verdict(List.of(red)));
        }
        return new Result(verdict, !steps.isEmpty(), String.join("; ", notes), layout.red(), List.copyOf(steps));
    }

    /**
     * The whole text of a picture, for registering a document rather than checking one: the page is
     * found and cut out, red print dropped, straightened (by the red header's tilt, else by the text
     * lines' skew), scaled to the target text size and read once with automatic page segmentation,
     * within the total budget.
     *
     * @return the text ("" when no text-sized print was found) and the one read made, if any
     */
    PageRead readAll(BufferedImage image, TextReader reader) {
        Budget budget = new Budget(config.totalBudget().toMillis(), config.totalBudget().toMillis());
        Layout layout = layout(image);
        double s = Math.min(1.0, ANALYSIS_WIDTH / (double) layout.page().width());
        GreyImage sample = crop(image, layout, layout.page(), s, 0);
        int textHeight = TextHeight.estimate(sample);
        if (textHeight <= 0) {
            return new PageRead("", List.of());
        }
        double tilt = layout.redPrint() ? layout.red().angleDegrees() : skew(sample);
        double scale = scaleFor(textHeight / s, layout.page(), MAX_CROP_PIXELS);
        List<Step> steps = new ArrayList<>();
        GreyImage page = crop(image, layout, layout.page(), scale, tilt);
        OcrText read = read(reader, page, TextReader.PSM_AUTO, budget.remainingMillis(), "page", steps);
        return new PageRead(read.text(), List.copyOf(steps));
    }

    /** What {@link #readAll} returned: the page text and the read made (never its text). */
    record PageRead(String text, List<Step> steps) {
        boolean timedOut() {
            return steps.stream().anyMatch(Step::timedOut);
        }
    }

    private boolean bodyNeeded(Engine engine) {
        return switch (config.bodyReading()) {
            case ALWAYS -> true;
            case HEADER_ONLY -> false;
            case AUTO -> engine.needsBodyText();
        };
    }

    private Layout layout(BufferedImage image) {
        PictureRaster.Overview ov = PictureRaster.overview(image, OVERVIEW_SIDE);
        RedHeader redOnOverview = redDetector.detect(ov.argb(), ov.width(), ov.height());
        PageRegion pageRegion = pageFinder.find(ov.argb(), ov.width(), ov.height());
        double back = 1 / ov.scale();
        RedHeader red = redOnOverview.scaled(back, 0, 0);
        Region page = pageRegion.bounds().scaled(back).clip(image.getWidth(), image.getHeight());
        int bottom;
        if (red.hasRule()) {
            bottom = red.ruleY();
        } else if (red.found()) {
            bottom = red.bandBottom() + red.bandHeight() * 2; // room for the 发文字号 line
        } else {
            bottom = page.y() + (int) Math.min(page.height(), 0.35 * page.width());
        }
        // A tilted page has its header corners higher or lower than at the centre.
        bottom += (int) (Math.abs(Math.tan(Math.toRadians(red.angleDegrees()))) * page.width() / 2) + 4;
        bottom = Math.min(page.bottom(), bottom);
        Region header = new Region(page.x(), page.y(), page.width(), Math.max(1, bottom - page.y()));
        return new Layout(page, pageRegion, ov.scale(), red, header);
    }

    private GreyImage crop(BufferedImage image, Layout layout, Region region, double scale, double tilt) {
        return PictureRaster.grey(image, region, scale, tilt, layout.redPrint(),
                layout.pageRegion().mask(), layout.overviewScale());
    }

    private static double skew(GreyImage sample) {
        int threshold = TextHeight.inkThreshold(sample.histogram());
        return threshold < 0 ? 0 : SkewEstimator.estimate(sample, threshold);
    }

    /** Scale that brings text of {@code textHeight} px to the target, capped by the crop size. */
    private static double scaleFor(double textHeight, Region region, long maxPixels) {
        double scale = Math.max(0.2, Math.min(4.0, TARGET_TEXT_PX / textHeight));
        double maxScale = Math.sqrt(maxPixels / (double) Math.max(1, region.area()));
        return Math.min(scale, maxScale);
    }

    private double pageScale(BufferedImage image, Layout layout) {
        double s = Math.min(1.0, ANALYSIS_WIDTH / (double) layout.page().width());
        int height = TextHeight.estimate(crop(image, layout, layout.page(), s, 0));
        return height > 0 ? scaleFor(height / s, layout.page(), MAX_CROP_PIXELS) : -1;
    }

    private static OcrText read(TextReader reader, GreyImage image, int psm, long timeoutMillis, String region,
                                List<Step> steps) {
        OcrText text = reader.read(image, psm, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMillis)));
        steps.add(new Step(region, psm, image.width(), image.height(), text.millis(), text.timedOut()));
        return text;
    }

    /** The time left for one picture. */
    private static final class Budget {
        private final long start = System.nanoTime();
        private final long header;
        private final long total;

        Budget(long headerMillis, long totalMillis) {
            this.header = headerMillis;
            this.total = totalMillis;
        }

        long remainingMillis() {
            return total - (System.nanoTime() - start) / 1_000_000;
        }

        long headerMillis() {
            return Math.min(header, remainingMillis());
        }

        long totalSeconds() {
            return Math.round(total / 1000.0);
        }
    }
}
