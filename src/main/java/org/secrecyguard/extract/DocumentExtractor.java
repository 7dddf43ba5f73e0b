package org.secrecyguard.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.secrecyguard.extract.ExtractionException.Reason;

/**
 * Turns a file into a {@link Document}: text segments with locations, embedded pictures for OCR, and
 * notes. The format is sniffed from the content, never trusted from the name. Every call keeps to the
 * {@link ExtractLimits}: a file that is too big, too slow, encrypted, damaged or an archive bomb gives an
 * {@link ExtractionException} with a reason and a message without document text; nothing else escapes,
 * not even an {@link OutOfMemoryError} or {@link StackOverflowError} from a parser.
 *
 * <p>Thread-safe; share one instance. Parsing runs on a pool of daemon worker threads (shared, or the
 * instance's own) while the caller waits with a deadline; {@link #extractOnCaller} decodes plain text on
 * the caller's thread. On timeout the worker is interrupted and TIMEOUT is returned at once;
 * our own loops stop at the next check, but a parser stuck inside one call that ignores interrupts may
 * keep its worker thread busy until it returns (the thread is a daemon and does not keep the JVM alive).
 */
public final class DocumentExtractor {
    private static final ExecutorService SHARED_WORKERS = Executors.newCachedThreadPool(
            new WorkerThreads("extract-worker-", () -> { }));

    private static final long OWN_WORKERS_IDLE_SECONDS = 5;

    private final ExtractLimits limits;
    private final ExecutorService workers;
    private final Map<Format, FormatExtractor> extractors = new EnumMap<>(Format.class);

    public DocumentExtractor() {
        this(ExtractLimits.defaults());
    }

    public DocumentExtractor(ExtractLimits limits) {
        this(limits, SHARED_WORKERS);
    }

    /**
     * As {@link #DocumentExtractor(ExtractLimits)}, with workers of its own that run {@code workerStart}
     * before their first file. A background reader (the self-check) lowers its threads; on the shared
     * workers its files would be parsed at the interactive checks' priority, and a worker started by a
     * lowered thread inherits the OS priority (Linux nice value and I/O class) and would go on to parse
     * the next pasted or uploaded file at it. (Linux passes the priority on to a worker its lowered
     * caller starts; Windows does not, hence {@code workerStart}.) Idle workers end after a few seconds.
     */
    public DocumentExtractor(ExtractLimits limits, Runnable workerStart) {
        this(limits, new ThreadPoolExecutor(0, Integer.MAX_VALUE, OWN_WORKERS_IDLE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new WorkerThreads("check-extract-", Objects.requireNonNull(workerStart))));
    }

    private DocumentExtractor(ExtractLimits limits, ExecutorService workers) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.workers = workers;
        LibrarySettings.apply(limits);
        extractors.put(Format.TEXT, new TextFileExtractor());
        extractors.put(Format.XML, new XmlTextExtractor());
        extractors.put(Format.HTML, new HtmlExtractor());
        extractors.put(Format.RTF, new RtfExtractor());
        extractors.put(Format.WORD_XML, new WordXmlExtractor());
        extractors.put(Format.DOCX, new DocxExtractor());
        extractors.put(Format.XLSX, new XlsxExtractor());
        extractors.put(Format.XLSB, new XlsbExtractor());
        extractors.put(Format.PPTX, new PptxExtractor());
        extractors.put(Format.ODF, new OdfExtractor());
        extractors.put(Format.OFD, new OfdExtractor());
        extractors.put(Format.ZIP, new ZipExtractor());
        extractors.put(Format.DOC, new DocExtractor());
        extractors.put(Format.XLS, new XlsExtractor());
        extractors.put(Format.OLD_XLS, new XlsExtractor());
        extractors.put(Format.PPT, new PptExtractor());
        extractors.put(Format.PDF, new PdfExtractor());
        extractors.put(Format.IMAGE, new ImageFileExtractor());
        extractors.put(Format.MSG, new MsgExtractor());
        extractors.put(Format.EML, new EmlExtractor());
        extractors.put(Format.METAFILE, new MetafileExtractor());
    }

    public ExtractLimits limits() {
        return limits;
    }

    /**
     * Reads a file from disk; see {@link #extract(String, byte[])}. Reading happens on the worker under
     * the same deadline, so a stalled network share or USB drive gives TIMEOUT instead of a hang.
     */
    public Document extract(Path file) throws ExtractionException {
        Objects.requireNonNull(file, "file");
        String name = nameOf(file);
        return run(name, deadline(), ctx -> extractHere(name, read(file), ctx));
    }

    /**
     * As {@link #extract(Path)}, for a caller that is itself a background reader of local folders (the
     * self-check): the file is read on the calling thread, and plain text is decoded there too. Other
     * formats still go to a worker under the same deadline, since a third-party parser may get stuck
     * inside one call. Decoding text is our own bounded code, like the engine that runs on the caller
     * anyway, and handing each of thousands of small text files to a worker and back (two thread
     * wake-ups per file) cost a fifth of a self-check. A read that stalls (a dead network mount) holds
     * the caller rather than a worker.
     */
    public Document extractOnCaller(Path file) throws ExtractionException {
        Objects.requireNonNull(file, "file");
        String name = nameOf(file);
        long deadline = deadline();
        byte[] content;
        try {
            content = read(file);
        } catch (ExtractionException e) {
            if (Thread.currentThread().isInterrupted()) {
                // here an interrupt means the caller is being stopped, not that the read took too long
                throw new ExtractionException(Reason.TIMEOUT, "interrupted: cannot be checked");
            }
            throw e;
        }
        Sniffed text = plainText(name, content);
        if (text != null) {
            return extractSniffed(name, content, text, context(name, deadline));
        }
        return run(name, deadline, ctx -> extractHere(name, content, ctx));
    }

    /** What the sniffer says when it says plain text, else null (the worker sniffs the rest). */
    private Sniffed plainText(String name, byte[] content) {
        try {
            Sniffed sniffed = FormatSniffer.sniff(name, content, limits.maxZipEntries());
            return sniffed.format() == Format.TEXT ? sniffed : null;
        } catch (Throwable t) { // NOPMD: whatever the sniffer trips over, the worker path maps it
            return null;
        }
    }

    private static String nameOf(Path file) {
        return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }

    private long deadline() {
        return System.nanoTime() + limits.timeBudget().toNanos();
    }

    /** The context of one top-level file, whose nested entries come back through {@link #extractHere}. */
    private ExtractionContext context(String name, long deadline) {
        return new ExtractionContext(limits, deadline, name, this::extractHere);
    }

    /**
     * Reads a file given as bytes. {@code name} is only used for labels (".wps" vs ".doc") and for the
     * locations of archive entries ("name!/dir/a.docx page 1"); it need not match the content.
     */
    public Document extract(String name, byte[] content) throws ExtractionException {
        Objects.requireNonNull(content, "content");
        if (content.length > limits.maxFileBytes()) {
            throw tooLarge(content.length);
        }
        String displayName = name == null || name.isBlank() ? "file" : name;
        return run(displayName, deadline(), ctx -> extractHere(displayName, content, ctx));
    }

    /** The work done on a worker thread for one top-level file. */
    private interface Job {
        Document run(ExtractionContext ctx) throws ExtractionException;
    }

    private Document run(String name, long deadline, Job work) throws ExtractionException {
        Future<Document> job = workers.submit(() -> work.run(context(name, deadline)));
        try {
            return job.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            throw ExtractionContext.timeout(limits);
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExtractionException(Reason.TIMEOUT, "interrupted: cannot be checked");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ExtractionException x) {
                throw x;
            }
            // The job maps everything itself; this only guards against a bug there.
            throw new ExtractionException(Reason.CORRUPT, "cannot be read (" + cause.getClass().getSimpleName() + ")");
        }
    }

    private byte[] read(Path file) throws ExtractionException {
        try {
            if (Files.isDirectory(file)) {
                throw new ExtractionException(Reason.IO, "is a folder, not a file");
            }
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                throw tooLarge(size);
            }
            return readBounded(file);
        } catch (NoSuchFileException e) {
            throw new ExtractionException(Reason.IO, "file not found");
        } catch (AccessDeniedException e) {
            throw new ExtractionException(Reason.IO, "access denied: cannot be checked");
        } catch (ClosedByInterruptException e) {
            throw ExtractionContext.timeout(limits);
        } catch (IOException e) {
            throw new ExtractionException(Reason.IO, "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Sniffs and reads on the current (worker) thread; also used for entries nested in containers. */
    private Document extractHere(String name, byte[] content, ExtractionContext ctx) throws ExtractionException {
        return extractSniffed(name, content, null, ctx);
    }

    /** As {@link #extractHere}, with the format already sniffed when {@code known} is not null. */
    private Document extractSniffed(String name, byte[] content, Sniffed known, ExtractionContext ctx)
            throws ExtractionException {
        String label = "file";
        DocumentCollector out = null;
        try {
            ctx.checkTime();
            Sniffed sniffed = known != null ? known : FormatSniffer.sniff(name, content, limits.maxZipEntries());
            label = sniffed.label();
            switch (sniffed.format()) {
                case ENCRYPTED_OOXML:
                    throw new ExtractionException(Reason.ENCRYPTED, "encrypted: cannot be checked");
                case BROKEN_ZIP:
                    throw new ExtractionException(Reason.CORRUPT, "corrupt or truncated " + label + ": cannot be read");
                case UNSUPPORTED:
                    throw new ExtractionException(Reason.UNSUPPORTED,
                            "unsupported format (" + label + "): cannot be checked");
                default:
                    break;
            }
            if (sniffed.format() != Format.TEXT) {
                LibrarySettings.beforeLibraries();
            }
            out = new DocumentCollector(ctx);
            extractors.get(sniffed.format()).extract(new Input(name, content, label), out);
            return out.build(label);
        } catch (Throwable t) { // NOPMD: parsers throw anything on hostile input; every throwable is mapped
            ExtractionException e = Failures.map(t, label, ctx);
            // damage late in a file must not cost what was read before it: check that, and say the rest is missing
            if (e.reason() == Reason.CORRUPT && out != null && out.readSomething()) {
                out.note("partial: the rest of the " + label + " could not be read (corrupt or truncated)");
                return out.build(label);
            }
            throw e;
        }
    }

    private byte[] readBounded(Path file) throws IOException, ExtractionException {
        long limit = Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes());
        try (SeekableByteChannel ch = Files.newByteChannel(file); InputStream in = Channels.newInputStream(ch)) {
            long size = ch.size();
            if (size > limit) {
                throw tooLarge(size);
            }
            // One array of the size the file has now, filled in place (readNBytes(n) would gather 8 KB
            // chunks and copy them again); a file still growing is read on up to the limit.
            byte[] bytes = new byte[(int) size];
            int n = in.readNBytes(bytes, 0, bytes.length);
            int next = in.read();
            if (next < 0) {
                return n == bytes.length ? bytes : Arrays.copyOf(bytes, n);
            }
            byte[] rest = in.readNBytes((int) (limit - n));
            long total = (long) n + 1 + rest.length;
            if (total > limit) {
                throw tooLarge(total);
            }
            byte[] all = Arrays.copyOf(bytes, (int) total);
            all[n] = (byte) next;
            System.arraycopy(rest, 0, all, n + 1, rest.length);
            return all;
        }
    }

    private ExtractionException tooLarge(long size) {
        return new ExtractionException(Reason.TOO_LARGE, String.format(Locale.ROOT,
                "file of %,d MB is larger than the %,d MB limit: cannot be checked",
                size / (1024 * 1024), limits.maxFileBytes() / (1024 * 1024)));
    }

    /** Daemon threads, so that a parser stuck past its deadline never keeps the application alive. */
    private static final class WorkerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();
        private final String prefix;
        private final Runnable start;

        WorkerThreads(String prefix, Runnable start) {
            this.prefix = prefix;
            this.start = start;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(() -> {
                start.run();
                r.run();
            }, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
