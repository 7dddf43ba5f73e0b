package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentsFolderTest {
    @TempDir
    Path home;

    @Test
    void aChineseDesktopsDocumentsFolderIsFoundThroughTheXdgSetting() throws Exception {
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), "# written by xdg-user-dirs-update\n"
                + "XDG_DESKTOP_DIR=\"$HOME/桌面\"\nXDG_DOCUMENTS_DIR=\"$HOME/文档\"\n", StandardCharsets.UTF_8);
        assertEquals(home.resolve("文档"), DocumentsFolder.of(home));
    }

    @Test
    void withoutTheSettingOrWithADisabledOneItIsDocuments() throws Exception {
        assertEquals(home.resolve("Documents"), DocumentsFolder.of(home));
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), "XDG_DOCUMENTS_DIR=\"$HOME/\"\n");
        assertEquals(home.resolve("Documents"), DocumentsFolder.of(home), "pointing at home means disabled");
    }
}
