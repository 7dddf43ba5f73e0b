package org.secrecyguard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Action;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.rules.PopupText;
import org.secrecyguard.rules.PopupTexts;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The alert popups as a user meets them, on a real (virtual) X display. */
class PopupsTest {
    private static final Duration WARN_SHOWN = Duration.ofMillis(1500);
    private final FxRobot robot = new FxRobot();
    private final Messages zh = Messages.chinese();
    private final Popups popups = new Popups(zh, WARN_SHOWN);

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closePopups() throws Exception {
        FxToolkit.cleanupStages();
    }

    static AlertView secretAlert(Action action) {
        PopupText text = PopupTexts.defaults().find(Level.SECRET, Channel.CLIPBOARD, PopupTexts.ZH_CN).orElseThrow();
        return new AlertView(action, Channel.CLIPBOARD, Level.SECRET, true, "marking.header", "机密★1年", "text",
                "WeChat", text.advice(), text.explanation(), Instant.now());
    }

    @Test
    void blockPopupShowsLevelRuleEvidenceAndStaysUntilAcknowledged() throws Exception {
        popups.showBlock(secretAlert(Action.BLOCK));
        Label level = waitForLabel("#popup-level");
        assertEquals("机密", level.getText());
        assertEquals("公文首页的密级标志", text("#popup-rule"), "the rule's meaning, not its id");
        assertEquals("marking.header", text("#popup-rule-id"), "the id stays as a small detail");
        assertEquals("机密★1年", text("#popup-evidence"));
        assertEquals("剪贴板", text("#popup-channel"));
        assertEquals("已拦截：剪贴板内容含机密标志", text("#popup-title"));
        assertTrue(text("#popup-basis").contains("《中华人民共和国保守国家秘密法》"), text("#popup-basis"));
        assertTrue(text("#popup-advice").contains("保密办"));

        Window popup = level.getScene().getWindow();
        assertTrue(((javafx.stage.Stage) popup).isAlwaysOnTop());
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        assertTrue(popup.getX() + popup.getWidth() > screen.getMaxX() - 40, "near the right edge: " + popup.getX() + "+" + popup.getWidth() + " screen " + screen);
        assertTrue(popup.getY() + popup.getHeight() > screen.getMaxY() - 40, "near the bottom edge");

        Thread.sleep(WARN_SHOWN.toMillis() + 1000);
        assertTrue(popup.isShowing(), "a block stays until acknowledged");
        robot.clickOn("#popup-ack");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !popup.isShowing());
    }

    @Test
    void warnPopupDisappearsByItself() throws Exception {
        PopupText text = PopupTexts.defaults().find(Level.INTERNAL, Channel.CLIPBOARD, PopupTexts.ZH_CN).orElseThrow();
        AlertView internal = new AlertView(Action.WARN, Channel.CLIPBOARD, Level.INTERNAL, true, "marking.internal",
                "内部资料", "text", "", text.advice(), text.explanation(), Instant.now());
        popups.showWarn(internal);
        Label title = waitForLabel("#popup-title");
        assertEquals("提醒：剪贴板内容含内部标志", title.getText());
        assertEquals("marking.internal", text("#popup-rule"), "a rule without a text shows its id");
        assertTrue(robot.lookup("#popup-rule-id").tryQuery().isEmpty(), "the id is not shown twice");
        Window popup = title.getScene().getWindow();
        WaitForAsyncUtils.waitFor(WARN_SHOWN.toMillis() + 3000, TimeUnit.MILLISECONDS, () -> !popup.isShowing());
    }

    @Test
    void overrideNeedsTenCharactersAndReturnsTheReason() throws Exception {
        CompletableFuture<Optional<String>> answer = popups.askOverride(secretAlert(Action.BLOCK_OVERRIDABLE));
        waitForLabel("#popup-title");
        Button cont = robot.lookup("#override-continue").queryButton();
        assertTrue(cont.isDisabled());
        robot.clickOn("#override-reason").write("too short");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(cont.isDisabled(), "9 characters are not enough");
        robot.clickOn(cont);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(answer.isDone(), "a disabled button does not answer");
        robot.write(" - approved by office head");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(cont.isDisabled());
        robot.clickOn(cont);
        assertEquals(Optional.of("too short - approved by office head"), answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void overrideCountsChineseCharactersAsOneEach() throws Exception {
        CompletableFuture<Optional<String>> answer = popups.askOverride(secretAlert(Action.BLOCK_OVERRIDABLE));
        waitForLabel("#popup-title");
        TextArea reason = robot.lookup("#override-reason").queryAs(TextArea.class);
        Button cont = robot.lookup("#override-continue").queryButton();
        robot.interact(() -> reason.setText("领导已批准对外发布"));
        assertTrue(cont.isDisabled(), "nine Chinese characters");
        robot.interact(() -> reason.setText("领导已批准对外发布稿"));
        assertFalse(cont.isDisabled(), "ten Chinese characters");
        assertEquals("已输入 10 字", text("#override-count"));
        robot.clickOn("#override-cancel");
        assertEquals(Optional.empty(), answer.get(5, TimeUnit.SECONDS), "cancel keeps the block");
    }

    @Test
    void aRefusedReadSaysWhichProgramCouldNotReadTheFile() throws Exception {
        PopupText text = PopupTexts.defaults().find(Level.SECRET, Channel.UPLOAD_DIALOG, PopupTexts.ZH_CN).orElseThrow();
        popups.showBlock(new AlertView(Action.BLOCK, Channel.UPLOAD_DIALOG, Level.SECRET, true, "marking.header",
                "机密★1年", "files", "WeChat", text.advice(), text.explanation(), Instant.now()));
        assertEquals("已拦截：微信无法读取该文件（含机密标志）", waitForLabel("#popup-title").getText());
        assertEquals("微信", text("#popup-destination"), "the program as users call it");
    }

    @Test
    void englishPopupUsesTheEnglishBundle() throws Exception {
        Popups english = new Popups(Messages.forLanguage("en"), WARN_SHOWN);
        english.showBlock(secretAlert(Action.BLOCK));
        assertEquals("Blocked: Clipboard content carries a Secret marking", waitForLabel("#popup-title").getText());
        assertEquals("Classification marking on an official document's first page", text("#popup-rule"));
        assertEquals("marking.header", text("#popup-rule-id"));
    }

    private Label waitForLabel(String id) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(id).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(id).queryAs(Label.class);
    }

    private String text(String id) {
        Node n = robot.lookup(id).query();
        return ((Label) n).getText();
    }
}
