package org.secrecyguard.platform;

import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.datatransfer.UnsupportedFlavorException;
import java.io.File;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Offers a {@link ClipboardContent} to other applications in every format it holds. */
final class ContentTransferable implements Transferable {
    private final ClipboardContent content;
    private final List<DataFlavor> flavors = new ArrayList<>();

    ContentTransferable(ClipboardContent content) {
        this.content = content;
        if (!content.files().isEmpty()) {
            flavors.add(DataFlavor.javaFileListFlavor);
        }
        if (content.image() != null) {
            flavors.add(DataFlavor.imageFlavor);
        }
        if (content.hasHtml()) {
            flavors.add(DataFlavor.allHtmlFlavor);
            flavors.add(DataFlavor.fragmentHtmlFlavor);
            flavors.add(DataFlavor.selectionHtmlFlavor);
        }
        if (content.hasText()) {
            flavors.add(DataFlavor.stringFlavor);
            flavors.add(DataFlavor.getTextPlainUnicodeFlavor());
        }
    }

    @Override
    public DataFlavor[] getTransferDataFlavors() {
        return flavors.toArray(new DataFlavor[0]);
    }

    @Override
    public boolean isDataFlavorSupported(DataFlavor flavor) {
        return flavors.stream().anyMatch(flavor::equals);
    }

    @Override
    public Object getTransferData(DataFlavor flavor) throws UnsupportedFlavorException {
        if (!isDataFlavorSupported(flavor)) {
            throw new UnsupportedFlavorException(flavor);
        }
        if (flavor.equals(DataFlavor.javaFileListFlavor)) {
            List<File> files = new ArrayList<>();
            for (Path p : content.files()) {
                files.add(p.toFile());
            }
            return files;
        }
        if (flavor.equals(DataFlavor.imageFlavor)) {
            return content.image();
        }
        if (flavor.isMimeTypeEqual("text/html")) {
            return content.html();
        }
        if (flavor.equals(DataFlavor.stringFlavor)) {
            return content.text();
        }
        return new StringReader(content.text());
    }
}
