package org.secrecyguard.platform.windows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.secrecyguard.platform.FilePickerWatch;
import org.secrecyguard.platform.PickerSelection;

/**
 * A WinEvent trace and the dialog's window tree, from the JSON fixtures under
 * {@code src/test/resources/org/secrecyguard/platform/windows} (written from the documented Win32
 * structures, see each file's "_source"), replayed through the real {@link PickerEvents} as the hook
 * would deliver them on Windows. It is the {@link FilePickerWatch} of the channel's tests: only the
 * user32 answers are recorded, everything that interprets them is the product's code.
 */
public final class RecordedPickerTrace implements FilePickerWatch, DialogWindows {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The known folders the fixtures' address bands may name (as the shell would tell on Windows). */
    public static final Map<String, String> KNOWN_FOLDERS = Map.of("桌面", "C:\\Users\\张三\\Desktop",
            "Desktop", "C:\\Users\\张三\\Desktop");

    private final JsonNode trace;
    private final WindowNode template;
    private final String executable;
    private final long pid;
    private final Function<String, Path> pathOf;
    private final Map<Long, String> texts = new HashMap<>();
    private final Set<Long> gone = new HashSet<>();
    private Consumer<PickerSelection> listener;
    private volatile boolean closed;

    private final long shift;

    private RecordedPickerTrace(String name, Function<String, Path> pathOf, long shift) {
        this.shift = shift;
        this.trace = read(name);
        this.template = node(read(trace.get("tree").asText()));
        this.executable = trace.get("executable").asText();
        this.pid = trace.get("pid").asLong();
        this.pathOf = pathOf;
    }

    /** Loads trace {@code name}; Windows paths are turned into files by {@code pathOf}. */
    public static RecordedPickerTrace load(String name, Function<String, Path> pathOf) {
        return new RecordedPickerTrace(name, pathOf, 0);
    }

    /** The same trace as a later dialog: every window handle moved by {@code shift}. */
    public static RecordedPickerTrace loadAsNewDialog(String name, Function<String, Path> pathOf, long shift) {
        return new RecordedPickerTrace(name, pathOf, shift);
    }

    /** Maps "C:\Users\张三\…" into {@code home} (with '/' for '\'), everything else under {@code home}/other. */
    public static Function<String, Path> windowsHomeAt(Path home) {
        return w -> {
            String prefix = "C:\\Users\\张三\\";
            String rest = w.startsWith(prefix) ? w.substring(prefix.length()) : "other\\" + w.replace(":", "");
            return home.resolve(rest.replace('\\', '/'));
        };
    }

    /** The listener the watch was started with, or null. */
    public Consumer<PickerSelection> listener() {
        return listener;
    }

    /** The executable the trace's dialog belongs to. */
    public String executable() {
        return executable;
    }

    @Override
    public void start(Consumer<PickerSelection> onSelection) {
        listener = onSelection;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Plays every step through {@link PickerEvents} to the started listener (or to {@code out}). */
    public void replay() {
        replayTo(listener);
    }

    public List<PickerSelection> replayCollecting() {
        List<PickerSelection> out = new ArrayList<>();
        replayTo(out::add);
        return out;
    }

    private void replayTo(Consumer<PickerSelection> out) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        PickerEvents events = new PickerEvents(this, new FileDialogReader(KNOWN_FOLDERS), pathOf, out);
        for (JsonNode step : trace.get("steps")) {
            JsonNode set = step.get("set");
            if (set != null) {
                set.fields().forEachRemaining(e -> texts.put(hex(e.getKey()) + shift, e.getValue().asText()));
            }
            long hwnd = hex(step.get("hwnd").asText()) + shift;
            if (step.path("gone").asBoolean(false)) {
                gone.add(hwnd);
            }
            events.accept(new WinEvent(eventCode(step.get("event").asText()), hwnd, WinEvent.OBJID_WINDOW, pid));
        }
    }

    @Override
    public long rootOf(long hwnd) {
        return template.byHandle(hwnd).isPresent() ? template.handle() : hwnd;
    }

    @Override
    public String className(long hwnd) {
        return gone.contains(hwnd) ? "" : template.byHandle(hwnd).map(WindowNode::className).orElse("");
    }

    @Override
    public Optional<WindowNode> tree(long hwnd) {
        if (gone.contains(hwnd) || hwnd != template.handle()) {
            return Optional.empty();
        }
        return Optional.of(withTexts(template));
    }

    @Override
    public String executable(long processId) {
        return processId == pid ? executable : "";
    }

    private WindowNode withTexts(WindowNode n) {
        return new WindowNode(n.handle(), n.className(), n.controlId(), texts.getOrDefault(n.handle(), n.text()),
                n.children().stream().map(this::withTexts).toList());
    }

    private WindowNode node(JsonNode j) {
        List<WindowNode> kids = new ArrayList<>();
        j.path("children").forEach(c -> kids.add(node(c)));
        return new WindowNode(hex(j.get("hwnd").asText()) + shift, j.get("class").asText(), (int) hex(j.get("id").asText()),
                j.path("text").asText(""), kids);
    }

    private static int eventCode(String name) {
        return switch (name) {
            case "EVENT_SYSTEM_DIALOGSTART" -> WinEvent.EVENT_SYSTEM_DIALOGSTART;
            case "EVENT_SYSTEM_DIALOGEND" -> WinEvent.EVENT_SYSTEM_DIALOGEND;
            case "EVENT_OBJECT_DESTROY" -> WinEvent.EVENT_OBJECT_DESTROY;
            case "EVENT_OBJECT_SHOW" -> WinEvent.EVENT_OBJECT_SHOW;
            case "EVENT_OBJECT_VALUECHANGE" -> WinEvent.EVENT_OBJECT_VALUECHANGE;
            default -> throw new IllegalArgumentException("unknown event in trace: " + name);
        };
    }

    private static long hex(String s) {
        return Long.parseLong(s.startsWith("0x") ? s.substring(2) : s, 16);
    }

    private static JsonNode read(String name) {
        try (InputStream in = RecordedPickerTrace.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
