package org.secrecyguard.channel;

import java.util.Set;
import org.secrecyguard.platform.WindowInfo;

/**
 * The built-in list of applications that can carry content off the PC, used until IT pushes its own
 * list with the rules: chat clients (WeChat 3.x/4.x, QQ, WeCom, DingTalk, Feishu), the common browsers
 * on Windows and the 信创 desktops, mail clients and cloud drives. Matched on the executable name and,
 * for applications without a process id, the window class.
 */
public final class DefaultExternalApps implements ExternalApps {
    /** Executable names (lower case, no ".exe"). */
    public static final Set<String> APPS = Set.of(
            // chat
            "wechat", "weixin", "wechatappex", "wxwork", "qq", "qqnt", "tim", "dingtalk", "feishu", "lark",
            "telegram", "whatsapp", "welink", "zhixin", "wework",
            // browsers
            "chrome", "msedge", "firefox", "firefox-esr", "chromium", "chromium-browser", "opera", "brave",
            "iexplore", "360se", "360chrome", "360chromex", "qqbrowser", "sogouexplorer", "2345explorer",
            "liebao", "qaxbrowser", "browser", "uos-browser", "deepin-browser", "kylin-browser",
            "org.deepin.browser",
            // mail and cloud drives
            "foxmail", "thunderbird", "outlook", "baidunetdisk", "baidunetdiskhost", "aliyundrive",
            "quark", "wpscloudsvr");
    /** Window classes (lower case) of the same applications. */
    private static final Set<String> WINDOW_CLASSES = Set.of(
            "wechatmainwndforpc", "wechat", "weixin", "qq", "firefox", "firefox-esr", "google-chrome",
            "chromium", "microsoft-edge", "dingtalk", "feishu", "thunderbird");

    @Override
    public boolean isExternal(WindowInfo window) {
        return APPS.contains(window.appKey())
                || (!window.windowClass().isEmpty()
                && WINDOW_CLASSES.contains(window.windowClass().toLowerCase(java.util.Locale.ROOT)));
    }
}
