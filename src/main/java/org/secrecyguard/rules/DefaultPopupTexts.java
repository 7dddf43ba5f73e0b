package org.secrecyguard.rules;

import java.util.ArrayList;
import java.util.List;
import org.secrecyguard.engine.Level;
import org.secrecyguard.policy.Channel;

/**
 * The popup texts a new rules database starts with; IT may edit them. The legal citation was checked
 * against the 2024 revision of 《中华人民共和国保守国家秘密法》 (in force since 2024-05-01): its
 * 第五十七条 lists transmitting state secrets over the internet and storing or processing them on
 * non-classified devices among the acts that lead to sanctions. The prohibitions themselves are cited
 * without an article number.
 */
final class DefaultPopupTexts {
    private DefaultPopupTexts() {
    }

    static List<PopupText> all() {
        List<PopupText> list = new ArrayList<>();
        for (Level level : Level.values()) {
            if (level.isNationalSecret()) {
                national(list, level);
            }
        }
        list.add(new PopupText(Level.WORK_SECRET, null, PopupTexts.ZH_CN,
                "检测到工作秘密。工作秘密虽不属于国家秘密，但泄露后会对工作造成不利影响，"
                        + "不得通过微信、QQ、网盘等互联网渠道传递。",
                "请通过本单位内部办公系统传递；确需向外提供的，请先按本单位工作秘密管理规定报批。"));
        list.add(new PopupText(Level.WORK_SECRET, null, PopupTexts.EN,
                "A work secret (工作秘密) was found. Work secrets are not state secrets, but leaking them harms "
                        + "the unit's work; they must not be sent through WeChat, QQ, cloud drives or other "
                        + "internet services.",
                "Use the unit's internal office system. If it really must go outside, get approval first as "
                        + "the unit's rules on work secrets require."));
        list.add(new PopupText(Level.INTERNAL, null, PopupTexts.ZH_CN,
                "检测到“内部”标志。内部资料仅限本单位内部使用，注意保管，不宜通过互联网渠道对外传递。",
                "请确认接收人和用途；如非工作必需，请勿发送。继续操作将被记录。"));
        list.add(new PopupText(Level.INTERNAL, null, PopupTexts.EN,
                "An \"internal\" (内部) marking was found. Internal material is for use inside the unit only and "
                        + "should not be sent out over the internet.",
                "Check who receives it and why; if it is not needed for work, do not send it. Continuing is logged."));
        return list;
    }

    private static void national(List<PopupText> list, Level level) {
        String zh = level.chinese();
        String en = switch (level) {
            case TOP_SECRET -> "TOP SECRET (绝密)";
            case SECRET -> "SECRET (机密)";
            default -> "CONFIDENTIAL (秘密)";
        };
        list.add(new PopupText(level, null, PopupTexts.ZH_CN,
                "检测到" + zh + "级国家秘密标志或内容。《中华人民共和国保守国家秘密法》禁止在互联网及其他公共信息网络中"
                        + "传递国家秘密，禁止使用非涉密信息设备存储、处理国家秘密；该法第五十七条规定，有此类行为的，"
                        + "依法给予处分。本机连接互联网，不得处理涉密内容（涉密不上网）。",
                "请立即停止此次操作，不要截图、拍照、转发或另存。请联系本单位保密办（保密干部），按规定处置本机上的这份材料。"));
        list.add(new PopupText(level, null, PopupTexts.EN,
                "A " + en + " state-secret marking or content was found. The Law of the PRC on Guarding State "
                        + "Secrets prohibits transmitting state secrets over the internet or other public networks "
                        + "and storing or processing them on non-classified devices; under its Article 57 such acts "
                        + "lead to sanctions. This PC is connected to the internet and must not handle classified "
                        + "material.",
                "Stop now: do not take screenshots or photos, forward or save copies. Contact your unit's secrecy "
                        + "office so that the material on this PC is dealt with as the rules require."));
        list.add(new PopupText(level, Channel.REMOVABLE_DRIVE, PopupTexts.ZH_CN,
                "检测到" + zh + "级国家秘密。国家秘密不得复制到普通U盘、移动硬盘、手机等非涉密存储设备。",
                "拷贝已被阻止：U盘上的这份文件已移入本机隔离区，原文件仍在原处。请联系本单位保密办，按规定处置。"));
        list.add(new PopupText(level, Channel.REMOVABLE_DRIVE, PopupTexts.EN,
                "A " + en + " state secret was found. State secrets must not be copied to ordinary USB sticks, "
                        + "external disks or phones.",
                "The copy was stopped: the file on the drive was moved to this PC's quarantine folder and the "
                        + "original is still where it was. Contact your unit's secrecy office."));
        list.add(new PopupText(level, Channel.CHAT_FILE_STORE, PopupTexts.ZH_CN,
                "通过聊天软件发送或接收的文件中检测到" + zh + "级国家秘密。国家秘密不得通过互联网传递。",
                "如是您发出的，请立即撤回该消息；不要再转发或打开。请联系本单位保密办，按规定处置本机上的文件。"));
        list.add(new PopupText(level, Channel.CHAT_FILE_STORE, PopupTexts.EN,
                "A file sent or received through a chat application contains a " + en + " state secret. State "
                        + "secrets must not pass over the internet.",
                "If you sent it, recall the message now; do not forward or open it again. Contact your unit's "
                        + "secrecy office so that the file on this PC is dealt with as the rules require."));
        list.add(new PopupText(level, Channel.SCREENSHOT, PopupTexts.ZH_CN,
                "屏幕上正显示含" + zh + "级国家秘密标志或内容的材料，截图会把它带出本机。",
                "请不要截图、拍照或转发；已截的图不要发送，并删除。请关闭屏幕上的该内容，联系本单位保密办。"));
        list.add(new PopupText(level, Channel.SCREENSHOT, PopupTexts.EN,
                "The screen shows material with a " + en + " state-secret marking or content; a screenshot "
                        + "would carry it off this PC.",
                "Do not take screenshots or photos, and do not send or keep one already taken. Close that "
                        + "content and contact your unit's secrecy office."));
    }
}
