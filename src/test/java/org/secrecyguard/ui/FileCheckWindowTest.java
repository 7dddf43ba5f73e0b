package org.secrecyguard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Checking files from the window: folders are walked, progress shows, the check can be cancelled. */
class FileCheckWindowTest {
    private final FxRobot robot = new FxRobot();
    private final AtomicReference<String> checkedOn = new AtomicReference<>();
    private FileCheckWindow window;

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** Flags files whose name starts with a marking; slow enough to watch the progress. */
    private FileCheckResult check(Path p, long millis) {
        checkedOn.set(Thread.currentThread().getName());
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean marked = p.getFileName().toString().startsWith("机密");
        return marked ? new FileCheckResult(p, "block", Level.SECRET, List.of(new Finding(DetectorType.FILENAME,
                "marking.filename", Level.SECRET, "机密", "file name")), "", millis)
                : new FileCheckResult(p, "allow", null, List.of(), "", millis);
    }

    private void open(long millisPerFile) {
        robot.interact(() -> {
            window = new FileCheckWindow(Messages.chinese(), p -> check(p, millisPerFile));
            window.show();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void checksEveryFileOfAFolderOffTheFxThread(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("机密★1年 通知.txt"), "x");
        Files.writeString(Files.createDirectories(dir.resolve("sub")).resolve("b.txt"), "y");
        Files.writeString(dir.resolve("c.txt"), "z");
        open(20);
        robot.interact(() -> window.check(List.of(dir)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label("#check-status").startsWith("检查完成"));
        assertEquals("检查完成：3 个文件，1 个有标志", label("#check-status"));
        assertEquals(3, window.results().size());
        assertEquals(1, window.results().stream().filter(r -> r.verdict().equals("block")).count());
        assertEquals(1.0, robot.lookup("#check-progress").queryAs(ProgressBar.class).getProgress());
        assertEquals("file-check", checkedOn.get());
        TableView<FileCheckResult> table = robot.lookup("#check-table").queryAs(TableView.class);
        TableColumn<FileCheckResult, ?> findings = table.getColumns().get(table.getColumns().size() - 1);
        FileCheckResult marked = window.results().stream().filter(r -> r.verdict().equals("block")).findFirst()
                .orElseThrow();
        assertEquals("文件名中的密级标志：机密", findings.getCellData(marked), "the rule's meaning, not its id");
    }

    @Test
    void cancelStopsBetweenFiles(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 30; i++) {
            Files.writeString(dir.resolve("f" + i + ".txt"), "x");
        }
        open(150);
        robot.interact(() -> window.check(List.of(dir)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.results().size() >= 2);
        robot.clickOn("#check-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> label("#check-status").startsWith("已取消"));
        assertTrue(window.results().size() < 30, "stopped after " + window.results().size());
        assertTrue(label("#check-status").endsWith("/ 30"), label("#check-status"));
    }

    private String label(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
