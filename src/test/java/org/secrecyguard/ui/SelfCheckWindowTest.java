package org.secrecyguard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.secrecyguard.engine.Baseline;
import org.secrecyguard.platform.BackgroundPriority;
import org.secrecyguard.platform.LocalDisks;
import org.secrecyguard.selfcheck.BusySignal;
import org.secrecyguard.selfcheck.RulesKey;
import org.secrecyguard.selfcheck.SelfCheckJob;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The self-check window driving a real check (real files, real index) of a folder standing for the disks. */
class SelfCheckWindowTest {
    private final FxRobot robot = new FxRobot();
    private SelfCheckWindow window;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void startsACheckShowsTheFlaggedFilesAndASecondCheckReadsNothing() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("文档"));
        Files.writeString(home.resolve("文档/实施方案.txt"), "000123\n机密★1年\n特急\n某某省人民政府文件\n某政发〔2026〕17号\n关于实施方案\n",
                StandardCharsets.UTF_8);
        Files.writeString(home.resolve("文档/通知.txt"), "关于开展全民健身活动的通知\n", StandardCharsets.UTF_8);
        LocalDisks disks = new LocalDisks() {
            @Override
            public List<Path> dataRoots() {
                return List.of(home);
            }

            @Override
            public List<Path> removableRoots() {
                return List.of();
            }

            @Override
            public boolean isSystemFolder(Path folder) {
                return false;
            }
        };
        SelfCheckJob job = new SelfCheckJob(tmp.resolve("selfcheck.db"), Baseline::engine, RulesKey.baseline("test", false),
                "baseline", null, disks, List.of(), BusySignal.NEVER, BackgroundPriority.JAVA_ONLY, 1, false, null);
        SelfCheckControl control = (full, resume, listener, cancel) ->
                job.run(job.defaultRoots(false), full, resume, listener, cancel);
        robot.interact(() -> {
            window = new SelfCheckWindow(Messages.chinese(), control);
            window.show();
        });
        robot.clickOn("#selfcheck-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#selfcheck-status").queryAs(Label.class)
                .getText().startsWith("检查完成"));
        String status = robot.lookup("#selfcheck-status").queryAs(Label.class).getText();
        assertTrue(status.contains("共 2 个文件，本次读取 2 个，发现 1 个"), status);
        TableView<?> table = robot.lookup("#selfcheck-table").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());
        assertTrue(window.flagged().get(0).path().endsWith("实施方案.txt"));

        robot.clickOn("#selfcheck-start");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#selfcheck-status").queryAs(Label.class)
                .getText().contains("本次读取 0 个"));
        assertEquals(1, table.getItems().size(), "the unchanged flagged file is still listed");
    }
}
