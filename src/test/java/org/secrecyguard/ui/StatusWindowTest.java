package org.secrecyguard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Where the desktop has no system tray (Xvfb, stock GNOME) the status window carries status and menu. */
class StatusWindowTest {
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private GuardUi start(UiFakes.Status status, UiFakes.Control control) {
        return GuardUi.start(new UiServices(Messages.chinese(), status, new UiFakes.History(), UiFakes.noFiles(),
                control, Clock.systemDefaultZone(), Duration.ofSeconds(3)), true);
    }

    @Test
    void withoutTrayTheStatusWindowSaysSoAndShowsTheState() throws Exception {
        GuardUi ui = start(new UiFakes.Status(UiFakes.protectedStatus()), new UiFakes.Control(null));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(ui.usesSystemTray(), "Xvfb has no system tray");
        assertEquals("系统托盘不可用，已改用状态窗口", label("#status-no-tray"));
        assertEquals("保护中", label("#status-state"));
        assertEquals("规则版本：baseline", label("#status-rules"));

        Stage stage = (Stage) robot.lookup("#status-state").query().getScene().getWindow();
        assertTrue(stage.isAlwaysOnTop());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WaitForAsyncUtils.waitForFxEvents();
        String where = stage.getX() + "," + stage.getY() + " " + stage.getWidth() + "x" + stage.getHeight() + " on " + screen;
        assertTrue(stage.getX() + stage.getWidth() > screen.getMaxX() - 40, "bottom-right corner: " + where);
        assertTrue(stage.getY() + stage.getHeight() > screen.getMaxY() - 40, "bottom-right corner: " + where);
    }

    @Test
    void degradedStateNamesWhatIsMissing() throws Exception {
        UiFakes.Status status = new UiFakes.Status(UiFakes.degraded("ocr-unavailable", "wayland-partial"));
        start(status, new UiFakes.Control(null));
        assertEquals("部分功能受限", label("#status-state"));
        assertEquals("• OCR 不可用：图片无法检查", label("#status-problem-0"));
        assertEquals("• Wayland 会话：只能识别 X11 应用", label("#status-problem-1"));

        status.set(new StatusSnapshot(GuardState.ALERT, List.of(), "baseline", Instant.now(), null));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> label("#status-state").equals("刚刚拦截了涉密内容"));
        WaitForAsyncUtils.waitForFxEvents(); // the rest of the window is rebuilt in the same FX event
        assertTrue(label("#status-last-alert").startsWith("最近一次拦截："));
    }

    @Test
    void withoutAdminPinTheMenuSaysProtectionCannotBeStopped() throws Exception {
        start(new UiFakes.Status(UiFakes.protectedStatus()), new UiFakes.Control(null));
        List<MenuItem> items = menuItems();
        assertEquals(List.of("状态", "最近事件", "检查文件…", "", "规则版本：baseline", "立即更新规则", "", "关于",
                "未设置管理员口令，无法停止保护"), items.stream().map(i -> i.getText() == null ? "" : i.getText()).toList());
        MenuItem cannotStop = items.get(items.size() - 1);
        assertTrue(cannotStop.isDisable());
        assertTrue(items.stream().noneMatch(i -> "menu-exit".equals(i.getId())));
    }

    @Test
    void exitNeedsTheAdminPin() throws Exception {
        UiFakes.Control control = new UiFakes.Control("246813");
        start(new UiFakes.Status(UiFakes.protectedStatus()), control);
        robot.clickOn("#status-menu").clickOn("退出…");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#pin-field").tryQuery().isPresent());
        robot.clickOn("#pin-field").write("111111").clickOn("确定");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> label("#pin-error").equals("口令不正确"));
        assertEquals(0, control.exits.get());
        robot.clickOn("#pin-field").write("246813").clickOn("确定");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> control.exits.get() == 1);
    }

    @Test
    void recentEventsOpensTheHistoryWindow() throws Exception {
        start(new UiFakes.Status(UiFakes.protectedStatus()), new UiFakes.Control(null));
        robot.clickOn("#status-menu").clickOn("最近事件");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#history-table").tryQuery().isPresent());
    }

    private List<MenuItem> menuItems() {
        MenuButton menu = robot.lookup("#status-menu").queryAs(MenuButton.class);
        return List.copyOf(menu.getItems());
    }

    /** Reads on the FX thread, so a window being rebuilt is never seen half-done. */
    private String label(String id) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> robot.lookup(id).tryQuery()
                .map(n -> ((Label) n).getText()).orElse("<" + id + " missing>")));
    }
}
