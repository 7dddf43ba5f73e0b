package org.secrecyguard.onaccess;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.secrecyguard.policy.Channel;
import org.secrecyguard.policy.ExternalApp;
import org.secrecyguard.policy.ExternalApps;

/**
 * Which processes are destinations: programs through which a file leaves the PC (chat clients,
 * browsers, cloud drives, OCR tools). Judged from the executable's path ({@code /proc/PID/exe}), never
 * from a window title: by the name IT's rules list for the upload channel, and by the folder the
 * program's package installs to, so that renaming the binary inside a chat client's package does not
 * make it something else. Every other process is answered at once, without a scan.
 */
public final class DestinationProcesses {
    /** Install folders of the destination programs on UOS/Kylin (app store layout) and Debian/Ubuntu. */
    static final Map<String, String> PACKAGE_FOLDERS = Map.ofEntries(
            Map.entry("/opt/apps/com.tencent.wechat/", "WeChat"),
            Map.entry("/opt/apps/com.qq.weixin/", "WeChat"),
            Map.entry("/opt/wechat/", "WeChat"),
            Map.entry("/opt/apps/com.qq.im.light/", "QQ"),
            Map.entry("/opt/apps/com.tencent.qq/", "QQ"),
            Map.entry("/opt/QQ/", "QQ"),
            Map.entry("/opt/apps/com.qq.weixin.work.deepin/", "WeCom"),
            Map.entry("/opt/apps/com.alibabainc.dingtalk/", "DingTalk"),
            Map.entry("/opt/apps/com.dingtalk.deepin/", "DingTalk"),
            Map.entry("/opt/apps/com.bytedance.feishu/", "Feishu"),
            Map.entry("/opt/bytedance/feishu/", "Feishu"),
            Map.entry("/opt/apps/com.baidu.baidunetdisk/", "cloud drive"),
            Map.entry("/opt/baidunetdisk/", "cloud drive"),
            Map.entry("/opt/google/chrome/", "browser"),
            Map.entry("/usr/lib/chromium/", "browser"),
            Map.entry("/usr/lib/firefox/", "browser"),
            Map.entry("/usr/lib/firefox-esr/", "browser"),
            Map.entry("/opt/apps/com.360.browser-stable/", "browser"),
            Map.entry("/opt/apps/cn.qq.qqbrowser/", "browser"),
            Map.entry("/opt/microsoft/msedge/", "browser"),
            // Windows (default install folders; the path is compared with '/' for '\\', without case)
            Map.entry("/tencent/wechat/", "WeChat"),
            Map.entry("/tencent/weixin/", "WeChat"),
            Map.entry("/tencent/wxwork/", "WeCom"),
            Map.entry("/tencent/qqnt/", "QQ"),
            Map.entry("/tencent/qq/bin/", "QQ"),
            Map.entry("/dingding/main/", "DingTalk"),
            Map.entry("/feishu/app/", "Feishu"),
            Map.entry("/baidunetdisk/", "cloud drive"),
            Map.entry("/google/chrome/application/", "browser"),
            Map.entry("/microsoft/edge/application/", "browser"),
            Map.entry("/mozilla firefox/", "browser"),
            Map.entry("/360chrome/", "browser"),
            Map.entry("/qqbrowser/", "browser"));

    private final Supplier<ExternalApps> rulesApps;

    /** @param rulesApps the external applications of the rules in force (they change with rule updates) */
    public DestinationProcesses(Supplier<ExternalApps> rulesApps) {
        this.rulesApps = rulesApps;
    }

    /** The destination an executable belongs to (e.g. "WeChat", "browser"), or empty for any other program. */
    public Optional<String> destinationOf(String executable) {
        if (executable == null || executable.isEmpty()) {
            return Optional.empty();
        }
        String lower = executable.replace('\\', '/').toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : PACKAGE_FOLDERS.entrySet()) {
            if (lower.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                return Optional.of(e.getValue());
            }
        }
        List<ExternalApp> apps = rulesApps.get().forChannel(Channel.UPLOAD_DIALOG);
        if (apps == null) {
            return Optional.empty();
        }
        for (ExternalApp app : apps) {
            if (app.matches(executable)) {
                return Optional.of(app.family());
            }
        }
        return Optional.empty();
    }
}
