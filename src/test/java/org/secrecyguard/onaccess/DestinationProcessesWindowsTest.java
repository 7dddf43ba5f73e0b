package org.secrecyguard.onaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.secrecyguard.policy.ExternalApps;

/** Windows executables (as QueryFullProcessImageName reports them) are judged like the Linux ones. */
class DestinationProcessesWindowsTest {
    private final DestinationProcesses destinations = new DestinationProcesses(ExternalApps::defaults);

    @Test
    void chatClientsAreKnownByTheirInstallFolderEvenWhenTheBinaryIsRenamed() {
        assertEquals(Optional.of("WeChat"), destinations.destinationOf("C:\\Program Files\\Tencent\\Weixin\\Weixin.exe"));
        assertEquals(Optional.of("WeChat"), destinations.destinationOf("C:\\Program Files\\Tencent\\Weixin\\helper.exe"));
        assertEquals(Optional.of("WeCom"), destinations.destinationOf("D:\\Apps\\Tencent\\WXWork\\WXWork.exe"));
        assertEquals(Optional.of("DingTalk"),
                destinations.destinationOf("C:\\Program Files (x86)\\DingDing\\main\\current\\DingTalk.exe"));
        assertEquals(Optional.of("browser"),
                destinations.destinationOf("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"));
    }

    @Test
    void otherProgramsAreNoDestinations() {
        assertEquals(Optional.empty(), destinations.destinationOf("C:\\Program Files\\Notepad++\\notepad++.exe"));
        assertEquals(Optional.empty(), destinations.destinationOf("C:\\Windows\\explorer.exe"));
        assertEquals(Optional.empty(), destinations.destinationOf(""));
    }
}
