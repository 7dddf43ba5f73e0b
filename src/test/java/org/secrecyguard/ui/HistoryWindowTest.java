package org.secrecyguard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Channel;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The history window lists local events newest first and filters them by level, channel and time. */
class HistoryWindowTest {
    private final FxRobot robot = new FxRobot();
    private final UiFakes.History history = new UiFakes.History();
    private HistoryWindow window;

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() throws Exception {
        history.rows.add(row(UiFakes.minutesAgo(5), Channel.CLIPBOARD, Level.SECRET, "BLOCKED", "WeChat", ""));
        history.rows.add(row(UiFakes.minutesAgo(30), Channel.CLIPBOARD, Level.INTERNAL, "WARNED", "msedge", ""));
        history.rows.add(row(UiFakes.minutesAgo(90), Channel.REMOVABLE_DRIVE, Level.SECRET, "BLOCKED", "", ""));
        history.rows.add(row(UiFakes.minutesAgo(60 * 24 * 3), Channel.CLIPBOARD, Level.WORK_SECRET, "OVERRIDDEN",
                "WeChat", "经处长批准，发往内网审核"));
        robot.interact(() -> {
            window = new HistoryWindow(Messages.chinese(), history, Clock.systemDefaultZone());
            window.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    static EventRow row(Instant t, Channel c, Level l, String outcome, String app, String reason) {
        return new EventRow(t, c, l, outcome, "text", app, List.of("marking.line"), List.of(l.chinese() + "★1年"),
                reason, "");
    }

    @Test
    void listsEveryEventNewestFirst() {
        TableView<EventRow> table = table();
        assertEquals(4, table.getItems().size());
        assertEquals(Level.SECRET, table.getItems().get(0).level());
        assertEquals("OVERRIDDEN", table.getItems().get(3).outcome());
        assertEquals("共 4 条", label("#history-count"));
    }

    @Test
    void filtersByLevelChannelAndTime() {
        choose("#filter-level", Level.SECRET);
        assertEquals(2, table().getItems().size());
        choose("#filter-channel", Channel.CLIPBOARD);
        assertEquals(1, table().getItems().size());
        assertEquals("共 1 条", label("#history-count"));
        choose("#filter-level", null);
        choose("#filter-time", HistoryWindow.Period.HOUR);
        assertEquals(2, table().getItems().size(), "clipboard events of the last hour");
        choose("#filter-time", HistoryWindow.Period.WEEK);
        assertEquals(3, table().getItems().size());
    }

    @Test
    void selectingARowShowsItsDetailIncludingTheOverrideReason() {
        robot.interact(() -> table().getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("说明理由后放行", label("#detail-outcome"));
        assertEquals("经处长批准，发往内网审核", label("#detail-reason"));
        assertEquals("工作秘密★1年", label("#detail-evidence"));
        assertEquals("WeChat", label("#detail-app"));
        assertEquals("正文中单独成行的密级标志（marking.line）", label("#detail-rules"));
    }

    @Test
    void theRuleColumnSaysWhatTheRuleMeans() {
        TableColumn<EventRow, ?> rule = table().getColumns().get(table().getColumns().size() - 1);
        assertEquals("规则", rule.getText());
        assertEquals("正文中单独成行的密级标志", rule.getCellData(0));
        history.rows.add(new EventRow(Instant.now(), Channel.CLIPBOARD, Level.SECRET, "BLOCKED", "text", "",
                List.of("kw:17", "fp:3", "future.rule"), List.of("样*", "文*", "x"), "", ""));
        robot.clickOn("#history-refresh");
        assertEquals("本单位设定的敏感词", rule.getCellData(0));
        robot.interact(() -> table().getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("本单位设定的敏感词（kw:17）、与已登记的涉密文件内容相同（fp:3）、future.rule",
                label("#detail-rules"));
    }

    @Test
    void newEventsAppearOnRefresh() {
        history.rows.add(row(Instant.now(), Channel.CLIPBOARD, Level.TOP_SECRET, "BLOCKED", "qq", ""));
        robot.clickOn("#history-refresh");
        assertEquals(5, table().getItems().size());
        assertEquals(Level.TOP_SECRET, table().getItems().get(0).level());
    }

    @SuppressWarnings("unchecked")
    private TableView<EventRow> table() {
        return robot.lookup("#history-table").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private <T> void choose(String id, T value) {
        ComboBox<T> box = robot.lookup(id).queryAs(ComboBox.class);
        robot.interact(() -> box.setValue(value));
    }

    private String label(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
