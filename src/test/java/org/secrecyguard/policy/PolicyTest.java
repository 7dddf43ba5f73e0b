package org.secrecyguard.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.secrecyguard.engine.DetectorType;
import org.secrecyguard.engine.Finding;
import org.secrecyguard.engine.Level;
import org.secrecyguard.engine.Verdict;

class PolicyTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Thursday 2026-10-08, 10:00: an ordinary working morning. */
    private static final TimeContext WORK_MORNING = at("2026-10-08T10:00");
    private static final TimeContext LUNCH_BREAK = at("2026-10-08T12:30");
    private static final TimeContext LATE_EVENING = at("2026-10-08T22:15");
    private static final TimeContext SATURDAY = at("2026-10-10T10:00");
    /** Sunday 2026-09-27 is a make-up working day (调休) in the calendar below. */
    private static final TimeContext MAKE_UP_SUNDAY = at("2026-09-27T10:00");
    /** Thursday 2026-10-01 is a holiday (国庆节) in the calendar below. */
    private static final TimeContext HOLIDAY_THURSDAY = at("2026-10-01T10:00");

    private static final WorkCalendar CALENDAR = new WorkCalendar(WorkHours.defaults(), Map.of(
            LocalDate.parse("2026-09-27"), DayType.WORKDAY,
            LocalDate.parse("2026-10-01"), DayType.HOLIDAY));

    private static TimeContext at(String localDateTime) {
        return new TimeContext(LocalDateTime.parse(localDateTime).atZone(SHANGHAI));
    }

    private static Verdict found(Level... levels) {
        List<Finding> findings = new ArrayList<>();
        for (Level level : levels) {
            findings.add(new Finding(DetectorType.MARKING, "marking." + level, level, level.chinese(), "body"));
        }
        return new Verdict(findings);
    }

    private static Policy policy(PolicyMatrix matrix) {
        return new Policy(new PolicyConfig(matrix, ExternalApps.defaults(), List.of(), CALENDAR));
    }

    @Test
    void defaultMatrixDecidesLikeDefaultPolicyOnEveryOutboundChannel() {
        Policy policy = Policy.defaults();
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(Verdict.CLEAN);
        for (Level level : Level.values()) {
            verdicts.add(found(level));
            verdicts.add(found(Level.INTERNAL, level));
        }
        for (Channel channel : Channel.values()) {
            if (channel == Channel.MANUAL_SCAN) {
                continue;
            }
            for (Verdict v : verdicts) {
                for (TimeContext t : List.of(WORK_MORNING, LATE_EVENING, SATURDAY)) {
                    assertEquals(DefaultPolicy.outbound(v), policy.decide(v, channel, "WeChat.exe", t),
                            channel + " " + v.highest());
                }
            }
        }
    }

    @Test
    void matrixCellDecidesForItsLevelAndChannel() {
        PolicyMatrix matrix = PolicyMatrix.defaults()
                .with(new PolicyEntry(Level.INTERNAL, Channel.CLIPBOARD, Action.ALLOW, null))
                .with(new PolicyEntry(Level.INTERNAL, Channel.UPLOAD_DIALOG, Action.BLOCK_OVERRIDABLE, null));
        Policy policy = policy(matrix);
        assertEquals(Action.ALLOW, policy.decide(found(Level.INTERNAL), Channel.CLIPBOARD, "QQ.exe", WORK_MORNING));
        assertEquals(Action.BLOCK_OVERRIDABLE,
                policy.decide(found(Level.INTERNAL), Channel.UPLOAD_DIALOG, "chrome.exe", WORK_MORNING));
        assertEquals(Action.WARN, policy.decide(found(Level.INTERNAL), Channel.SCREENSHOT, "QQ.exe", WORK_MORNING));
    }

    @Test
    void strictestLevelFoundWinsEvenWhenTheMatrixRanksLevelsOddly() {
        PolicyMatrix matrix = PolicyMatrix.defaults()
                .with(new PolicyEntry(Level.INTERNAL, Channel.CLIPBOARD, Action.BLOCK, null))
                .with(new PolicyEntry(Level.WORK_SECRET, Channel.CLIPBOARD, Action.WARN, null));
        assertEquals(Action.BLOCK, policy(matrix).decide(found(Level.WORK_SECRET, Level.INTERNAL), Channel.CLIPBOARD,
                "WeChat.exe", WORK_MORNING));
    }

    @Test
    void nationalSecretsAreAlwaysAtLeastAuditedEvenWhenTheMatrixAllows() {
        PolicyMatrix matrix = PolicyMatrix.defaults()
                .with(new PolicyEntry(Level.CONFIDENTIAL, Channel.CLIPBOARD, Action.ALLOW, null));
        Policy policy = policy(matrix);
        assertEquals(Action.AUDIT, policy.decide(found(Level.CONFIDENTIAL), Channel.CLIPBOARD, "WeChat.exe", WORK_MORNING));
        assertEquals(Action.AUDIT, policy.decide(found(Level.SECRET), Channel.MANUAL_SCAN, null, WORK_MORNING));
        assertEquals(Action.ALLOW, policy.decide(found(Level.INTERNAL), Channel.MANUAL_SCAN, null, WORK_MORNING));
    }

    @Test
    void pasteIntoAnAppThatIsNotExternalStaysOnThePcButNationalSecretsAreStillReported() {
        Policy policy = Policy.defaults();
        assertEquals(Action.ALLOW, policy.decide(found(Level.WORK_SECRET), Channel.CLIPBOARD,
                "C:\\Program Files\\Microsoft Office\\WINWORD.EXE", WORK_MORNING));
        assertEquals(Action.AUDIT, policy.decide(found(Level.SECRET), Channel.CLIPBOARD, "WINWORD.EXE", WORK_MORNING));
        assertEquals(Action.BLOCK, policy.decide(found(Level.WORK_SECRET), Channel.CLIPBOARD,
                "C:\\Program Files\\Tencent\\WeChat\\wechat.EXE", WORK_MORNING));
        assertEquals(Action.BLOCK, policy.decide(found(Level.WORK_SECRET), Channel.CLIPBOARD, "/opt/wechat/wechat",
                WORK_MORNING));
    }

    @Test
    void unknownDestinationCountsAsLeavingThePc() {
        assertEquals(Action.BLOCK, Policy.defaults().decide(found(Level.WORK_SECRET), Channel.UPLOAD_DIALOG, null,
                WORK_MORNING));
    }

    @Test
    void offHoursUsesTheStricterActionAtNightOnWeekendsAndHolidays() {
        Policy policy = policy(PolicyMatrix.defaults()
                .with(new PolicyEntry(Level.INTERNAL, Channel.CLIPBOARD, Action.WARN, Action.BLOCK_OVERRIDABLE)));
        Verdict internal = found(Level.INTERNAL);
        assertEquals(Action.WARN, policy.decide(internal, Channel.CLIPBOARD, "WeChat.exe", WORK_MORNING));
        assertEquals(Action.BLOCK_OVERRIDABLE, policy.decide(internal, Channel.CLIPBOARD, "WeChat.exe", LUNCH_BREAK));
        assertEquals(Action.BLOCK_OVERRIDABLE, policy.decide(internal, Channel.CLIPBOARD, "WeChat.exe", LATE_EVENING));
        assertEquals(Action.BLOCK_OVERRIDABLE, policy.decide(internal, Channel.CLIPBOARD, "WeChat.exe", SATURDAY));
    }

    @Test
    void makeUpWorkingSundayCountsAsWorkTime() {
        Policy policy = policy(PolicyMatrix.defaults()
                .with(new PolicyEntry(Level.INTERNAL, Channel.CLIPBOARD, Action.WARN, Action.BLOCK)));
        assertTrue(CALENDAR.isWorkDay(LocalDate.parse("2026-09-27")));
        assertFalse(policy.isOffHours(MAKE_UP_SUNDAY));
        assertEquals(Action.WARN, policy.decide(found(Level.INTERNAL), Channel.CLIPBOARD, "QQ.exe", MAKE_UP_SUNDAY));
    }

    @Test
    void holidayOnAWeekdayIsOffHours() {
        Policy policy = policy(PolicyMatrix.defaults()
                .with(new PolicyEntry(Level.INTERNAL, Channel.CLIPBOARD, Action.WARN, Action.BLOCK)));
        assertFalse(CALENDAR.isWorkDay(LocalDate.parse("2026-10-01")));
        assertTrue(policy.isOffHours(HOLIDAY_THURSDAY));
        assertEquals(Action.BLOCK, policy.decide(found(Level.INTERNAL), Channel.CLIPBOARD, "QQ.exe", HOLIDAY_THURSDAY));
    }

    @Test
    void offHoursActionMilderThanTheDayActionNeverLoosens() {
        Policy policy = policy(PolicyMatrix.defaults()
                .with(new PolicyEntry(Level.WORK_SECRET, Channel.CLIPBOARD, Action.BLOCK, Action.WARN)));
        assertEquals(Action.BLOCK, policy.decide(found(Level.WORK_SECRET), Channel.CLIPBOARD, "QQ.exe", LATE_EVENING));
    }

    @Test
    void workHoursStartInclusiveEndExclusive() {
        assertTrue(CALENDAR.isWorkTime(at("2026-10-08T08:30").at()));
        assertFalse(CALENDAR.isWorkTime(at("2026-10-08T08:29").at()));
        assertFalse(CALENDAR.isWorkTime(at("2026-10-08T18:00").at()));
        assertTrue(CALENDAR.isWorkTime(at("2026-10-08T13:30").at()));
    }

    @Test
    void registeredUsbDeviceMayReceiveWorkSecretsButNotNationalSecrets() {
        UsbDeviceId office = new UsbDeviceId("0781", "5581", "4C530001230101118172", "办公室 1 号");
        Policy policy = new Policy(new PolicyConfig(PolicyMatrix.defaults(), ExternalApps.defaults(), List.of(office),
                CALENDAR));
        UsbDeviceId sameStickOtherCase = new UsbDeviceId("0x781", "5581", "4c530001230101118172", "");
        UsbDeviceId stranger = new UsbDeviceId("0951", "1666", "001", "");
        assertEquals(Action.AUDIT, policy.decideRemovable(found(Level.WORK_SECRET), sameStickOtherCase, WORK_MORNING));
        assertEquals(Action.BLOCK, policy.decideRemovable(found(Level.WORK_SECRET), stranger, WORK_MORNING));
        assertEquals(Action.BLOCK, policy.decideRemovable(found(Level.WORK_SECRET), null, WORK_MORNING));
        assertEquals(Action.BLOCK, policy.decideRemovable(found(Level.SECRET), office, WORK_MORNING));
        assertEquals(Action.ALLOW, policy.decideRemovable(Verdict.CLEAN, stranger, WORK_MORNING));
    }

    @Test
    void onlyOverridableBlocksCanBeOverriddenAndOnlyWithAReason() {
        assertTrue(OverrideRule.canOverride(Action.BLOCK_OVERRIDABLE));
        assertFalse(OverrideRule.canOverride(Action.BLOCK));
        assertEquals(Action.AUDIT, OverrideRule.afterOverride(Action.BLOCK_OVERRIDABLE, "领导要求发送给项目组"));
        assertThrows(IllegalArgumentException.class, () -> OverrideRule.afterOverride(Action.BLOCK_OVERRIDABLE, " ok "));
        assertThrows(IllegalArgumentException.class, () -> OverrideRule.afterOverride(Action.BLOCK, "a long reason"));
    }

    @Test
    void parsesWorkHoursAndRejectsNonsense() {
        assertEquals(WorkHours.defaults().days(), WorkHours.parseDays("MON-FRI"));
        assertEquals(WorkHours.defaults().periods(), WorkHours.parsePeriods("13:30-18:00, 8:30-12:00"));
        assertThrows(IllegalArgumentException.class, () -> WorkHours.parsePeriods("08:30-12:00,11:00-14:00"));
        assertThrows(IllegalArgumentException.class, () -> WorkHours.parsePeriods("18:00-08:00"));
        assertThrows(IllegalArgumentException.class, () -> WorkHours.parseDays("FRI-MON"));
        assertEquals(DayType.WORKDAY, DayType.parse("班"));
        assertThrows(IllegalArgumentException.class, () -> DayType.parse("maybe"));
    }
}
