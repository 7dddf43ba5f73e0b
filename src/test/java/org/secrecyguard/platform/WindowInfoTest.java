package org.secrecyguard.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Application names as recorded from real process paths on Windows and Linux. */
class WindowInfoTest {
    @Test
    void namesApplicationsFromTheirExecutablePaths() {
        assertEquals("WeChat", WindowInfo.appNameFromPath("C:\\Program Files (x86)\\Tencent\\WeChat\\WeChat.exe"));
        assertEquals("Weixin", WindowInfo.appNameFromPath("C:\\Program Files\\Tencent\\Weixin\\Weixin.exe"));
        assertEquals("msedge", WindowInfo.appNameFromPath(
                "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe"));
        assertEquals("wechat", WindowInfo.appNameFromPath("/opt/wechat/wechat"));
        assertEquals("firefox-esr", WindowInfo.appNameFromPath("/usr/lib/firefox-esr/firefox-esr (deleted)"));
        assertEquals("", WindowInfo.appNameFromPath(""));
    }

    @Test
    void comparesApplicationsWithoutCaseOrExeSuffix() {
        assertEquals("wechat", new WindowInfo("WeChat.EXE", 1, "", "", "").appKey());
    }
}
