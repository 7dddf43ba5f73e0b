package org.secrecyguard.platform.windows;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.secrecyguard.platform.PickerSelection;

/**
 * Turns the WinEvents of the desktop into file picker selections: a {@code #32770} window that shows
 * or starts as a dialog and has a file name box is followed; each change of a value inside it (the
 * name box's text as the user clicks or types) reads the dialog again and reports the names when they
 * changed; its end (DIALOGEND, or the window destroyed) reports the last names seen. Pure logic over
 * {@link DialogWindows}, so recorded traces drive it in tests exactly as the hook does on Windows.
 * Not thread-safe: called on the hook's thread only.
 */
public final class PickerEvents {
    private final DialogWindows windows;
    private final FileDialogReader reader;
    private final Function<String, Path> pathOf;
    private final Consumer<PickerSelection> out;
    private final Map<Long, Followed> followed = new HashMap<>();

    /**
     * @param pathOf turns a Windows path into a {@link Path} ({@code Path::of} on Windows)
     */
    public PickerEvents(DialogWindows windows, FileDialogReader reader, Function<String, Path> pathOf,
                        Consumer<PickerSelection> out) {
        this.windows = windows;
        this.reader = reader;
        this.pathOf = pathOf;
        this.out = out;
    }

    /** The hook saw {@code e}. */
    public void accept(WinEvent e) {
        switch (e.event()) {
            case WinEvent.EVENT_SYSTEM_DIALOGSTART, WinEvent.EVENT_OBJECT_SHOW -> started(e);
            case WinEvent.EVENT_OBJECT_VALUECHANGE -> changed(e);
            case WinEvent.EVENT_SYSTEM_DIALOGEND -> ended(e.hwnd());
            case WinEvent.EVENT_OBJECT_DESTROY -> {
                if (e.idObject() == WinEvent.OBJID_WINDOW && followed.containsKey(e.hwnd())) {
                    ended(e.hwnd());
                }
            }
            default -> { }
        }
    }

    /** How many dialogs are followed now (a dialog whose end was missed must not be kept forever). */
    public int followedCount() {
        return followed.size();
    }

    private void started(WinEvent e) {
        if (e.idObject() != WinEvent.OBJID_WINDOW || followed.containsKey(e.hwnd())
                || !FileDialogReader.DIALOG_CLASS.equals(windows.className(e.hwnd()))) {
            return;
        }
        Optional<WindowNode> tree = windows.tree(e.hwnd());
        if (tree.isEmpty() || !FileDialogReader.isFileDialog(tree.get())) {
            return;
        }
        Followed f = new Followed(e.pid(), windows.executable(e.pid()));
        followed.put(e.hwnd(), f);
        if (followed.size() > 64) { // ends missed (a process killed): forget the oldest
            followed.remove(followed.keySet().iterator().next());
        }
        report(e.hwnd(), f, tree.get(), PickerSelection.Phase.SELECTION);
    }

    private void changed(WinEvent e) {
        long root = windows.rootOf(e.hwnd());
        Followed f = followed.get(root);
        if (f == null) {
            return;
        }
        windows.tree(root).ifPresent(t -> report(root, f, t, PickerSelection.Phase.SELECTION));
    }

    private void ended(long hwnd) {
        Followed f = followed.remove(hwnd);
        if (f == null) {
            return;
        }
        Optional<FileDialogReader.Resolved> now = windows.tree(hwnd).flatMap(reader::read)
                .map(FileDialogReader.DialogChoice::resolve);
        FileDialogReader.Resolved last = now.filter(r -> !r.files().isEmpty() || !r.unresolved().isEmpty())
                .orElse(f.last);
        out.accept(selection(hwnd, f, PickerSelection.Phase.DIALOG_END, last));
    }

    private void report(long hwnd, Followed f, WindowNode tree, PickerSelection.Phase phase) {
        Optional<FileDialogReader.Resolved> r = reader.read(tree).map(FileDialogReader.DialogChoice::resolve);
        if (r.isEmpty() || r.get().equals(f.last)) {
            return;
        }
        f.last = r.get();
        if (r.get().files().isEmpty() && r.get().unresolved().isEmpty()) {
            return; // the box was emptied
        }
        out.accept(selection(hwnd, f, phase, r.get()));
    }

    private PickerSelection selection(long hwnd, Followed f, PickerSelection.Phase phase,
                                      FileDialogReader.Resolved r) {
        List<Path> files = r.files().stream().map(pathOf).toList();
        return new PickerSelection(hwnd, f.pid, f.executable, phase, files, r.unresolved());
    }

    private static final class Followed {
        final long pid;
        final String executable;
        FileDialogReader.Resolved last = new FileDialogReader.Resolved(List.of(), List.of());

        Followed(long pid, String executable) {
            this.pid = pid;
            this.executable = executable;
        }
    }
}
