package org.secrecyguard.platform.windows;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One window of a dialog's tree as Win32 describes it (class name, control id, text, child windows),
 * read once so that the dialog can be understood without further calls. Read by the JNA glue on
 * Windows; built from recorded trees in tests.
 *
 * @param handle    the window handle (HWND) as a number
 * @param className {@code GetClassName}, e.g. "#32770", "ComboBoxEx32", "Edit", "ToolbarWindow32"
 * @param controlId {@code GetDlgCtrlID} (0 when none)
 * @param text      {@code WM_GETTEXT} ("" when none)
 */
public record WindowNode(long handle, String className, int controlId, String text, List<WindowNode> children) {
    public WindowNode {
        className = className == null ? "" : className;
        text = text == null ? "" : text;
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** The first window of this tree (itself included, depth first) that matches. */
    public Optional<WindowNode> find(Predicate<WindowNode> what) {
        if (what.test(this)) {
            return Optional.of(this);
        }
        for (WindowNode c : children) {
            Optional<WindowNode> found = c.find(what);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The window of this tree with that handle. */
    public Optional<WindowNode> byHandle(long hwnd) {
        return find(n -> n.handle == hwnd);
    }

    public boolean isClass(String name) {
        return className.equalsIgnoreCase(name);
    }
}
