package org.secrecyguard.platform.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a common file dialog ({@code #32770}) shows from its window tree: the names in its name
 * box and the folder in its address band. The Vista dialog (IFileDialog, which Qt, Chromium and
 * .NET use for their native pickers) nests the name box as {@code ComboBoxEx32} (control id 0x47C,
 * cmb13) &gt; {@code ComboBox} &gt; {@code Edit}; the old GetOpenFileName dialog has the same 0x47C combo
 * or an {@code Edit} with id 0x480 (edt1). A dialog with none of them (a message box, a folder picker)
 * is not a file dialog.
 */
public final class FileDialogReader {
    /** cmb13: the file name combo box of the common dialog (dlgs.h). */
    public static final int FILE_NAME_COMBO = 0x47C;
    /** edt1: the file name edit box of the old-style dialog (dlgs.h). */
    public static final int FILE_NAME_EDIT = 0x480;
    public static final String DIALOG_CLASS = "#32770";

    /** What a file dialog shows. {@code folder} is empty when the address band names no folder. */
    public record DialogChoice(Optional<String> folder, List<String> names) {
        public DialogChoice {
            names = List.copyOf(names);
        }

        /** The chosen files as Windows paths, and the names that could not be placed in a folder. */
        public Resolved resolve() {
            List<String> files = new ArrayList<>();
            List<String> unresolved = new ArrayList<>();
            for (String n : names) {
                WindowsPaths.resolve(folder, n).ifPresentOrElse(files::add, () -> unresolved.add(n));
            }
            return new Resolved(files, unresolved);
        }
    }

    /** The result of {@link DialogChoice#resolve()}. */
    public record Resolved(List<String> files, List<String> unresolved) {
        public Resolved {
            files = List.copyOf(files);
            unresolved = List.copyOf(unresolved);
        }
    }

    private final Map<String, String> knownFolders;

    /** @param knownFolders display names of known folders ("桌面", "Desktop") to their paths */
    public FileDialogReader(Map<String, String> knownFolders) {
        this.knownFolders = Map.copyOf(knownFolders);
    }

    /** True when {@code dialog} is a file dialog (has a file name box). */
    public static boolean isFileDialog(WindowNode dialog) {
        return dialog.isClass(DIALOG_CLASS) && nameBox(dialog).isPresent();
    }

    /** What the dialog shows, or empty when it is not a file dialog. */
    public Optional<DialogChoice> read(WindowNode dialog) {
        if (!dialog.isClass(DIALOG_CLASS)) {
            return Optional.empty();
        }
        return nameBox(dialog).map(box -> new DialogChoice(folder(dialog), FileNameList.parse(box.text())));
    }

    private Optional<String> folder(WindowNode dialog) {
        // The breadcrumb toolbar first (Vista dialog); any toolbar with an address label otherwise.
        Optional<WindowNode> band = dialog.find(n -> n.isClass("Breadcrumb Parent"))
                .flatMap(p -> p.find(n -> n.isClass("ToolbarWindow32") && AddressBandText.isAddress(n.text())));
        if (band.isEmpty()) {
            band = dialog.find(n -> n.isClass("ToolbarWindow32") && AddressBandText.isAddress(n.text()));
        }
        return band.flatMap(b -> AddressBandText.folderOf(b.text(), knownFolders));
    }

    /** The edit box holding the chosen names. */
    static Optional<WindowNode> nameBox(WindowNode dialog) {
        Optional<WindowNode> combo = dialog.find(n -> n.controlId() == FILE_NAME_COMBO
                && (n.isClass("ComboBoxEx32") || n.isClass("ComboBox")));
        if (combo.isPresent()) {
            Optional<WindowNode> edit = combo.get().find(n -> n.isClass("Edit"));
            if (edit.isPresent()) {
                return edit;
            }
        }
        return dialog.find(n -> n.isClass("Edit") && (n.controlId() == FILE_NAME_EDIT
                || n.controlId() == FILE_NAME_COMBO));
    }
}
