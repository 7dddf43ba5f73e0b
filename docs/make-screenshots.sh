#!/bin/bash
# Usage (project root, after mvn -B package -DskipTests):
#   xvfb-run -a -s "-screen 0 1280x720x24" bash docs/make-screenshots.sh docs
# Needs xclip, xdotool and imagemagick (installer/install-deps.sh installs them).
# Runs inside xvfb-run: starts the real app, drives it with xclip/xdotool, takes screenshots.
set -u
OUT=${1:-docs}
JAR=${JAR:-target/secrecy-guard.jar}
mkdir -p $OUT
export SECRECY_GUARD_HOME=$(mktemp -d)
printf 'popup.warn.seconds=8\n' > $SECRECY_GUARD_HOME/secrecy-guard.properties
java -jar "$JAR" > /tmp/sg-app.out 2>&1 &
APP=$!
sleep 9
import -window root $OUT/screenshot-status.png
ack() {  # press Enter in the newest popup titled "已拦截…"
  W=$(xdotool search --name "已拦截" | tail -1)
  [ -n "$W" ] && xdotool windowfocus --sync $W key Return
  sleep 0.7
}
printf '绝密★长期\n关于某重大专项的请示\n（正文略）' | xclip -selection clipboard -i; sleep 2; ack
printf '秘密★2年\n会议纪要\n（正文略）' | xclip -selection clipboard -i; sleep 2; ack
printf '关于开展全民健身活动的通知\n欢迎报名。' | xclip -selection clipboard -i; sleep 1
printf '000123\n机密★1年\n特急\n某某省人民政府文件\n某政发〔2026〕17号\n关于2026年度某专项工作的实施方案' | xclip -selection clipboard -i
sleep 2.5
import -window root $OUT/screenshot-popup-block.png
echo "clipboard now: $(xclip -selection clipboard -o)"
ack
# Open the history from the status window's menu.
S=$(xdotool search --name "保密卫士 · 状态" | head -1)
eval $(xdotool getwindowgeometry --shell $S)
xdotool windowfocus --sync $S
# The click gives the menu button focus; the menu it opens is closed again and reopened from the
# keyboard with the pointer away, because an item under the pointer would take the Down keys' start.
xdotool mousemove $((X + 40)) $((Y + HEIGHT - 25)) click 1
sleep 1
xdotool key Escape
xdotool mousemove 20 20
sleep 0.5
xdotool key space
sleep 1
xdotool key Down Down Return
sleep 2
H=$(xdotool search --name "最近事件" | head -1)
[ -n "$H" ] && xdotool windowmove $H 40 40
sleep 1
xdotool mousemove 300 124 click 1
sleep 1
import -window root $OUT/screenshot-history.png
kill $APP; wait $APP 2>/dev/null
# The drive channel: no USB device exists here, so DriveDemo (test sources: run `mvn -B test-compile`
# first) starts the same app with a folder standing for a plugged-in stick; a marked file is written to it.
if [ -f target/test-classes/org/secrecyguard/app/DriveDemo.class ]; then
  D=$(mktemp -d)
  printf 'popup.warn.seconds=8\n' > $D/secrecy-guard.properties
  java -cp "$JAR":target/test-classes org.secrecyguard.app.DriveDemo $D $D/media/user/KINGSTON > /tmp/sg-drive.out 2>&1 &
  DEMO=$!
  sleep 9
  printf '000123\n机密★1年\n特急\n某某省人民政府文件\n某政发〔2026〕17号\n关于2026年度某专项工作的实施方案\n' \
    > $D/media/user/KINGSTON/实施方案.txt
  sleep 5
  import -window root $OUT/screenshot-popup-drive.png
  kill $DEMO; wait $DEMO 2>/dev/null
fi
# The chat file store: the real app with a temporary home whose Documents holds WeChat's folder layout.
C=$(mktemp -d)
mkdir -p $C/data "$C/Documents/WeChat Files/wxid_8a7b6c/FileStorage/File"
printf 'popup.warn.seconds=30\n' > $C/data/secrecy-guard.properties
SECRECY_GUARD_HOME=$C/data java -Duser.home=$C -jar "$JAR" > /tmp/sg-chat.out 2>&1 &
CHAT=$!
sleep 9
mkdir -p "$C/Documents/WeChat Files/wxid_8a7b6c/FileStorage/File/2026-11"
printf '000123\n机密★1年\n特急\n某某省人民政府文件\n关于2026年度某专项工作的实施方案\n' \
  > "$C/Documents/WeChat Files/wxid_8a7b6c/FileStorage/File/2026-11/实施方案.txt"
sleep 7
import -window root $OUT/screenshot-popup-chat.png
kill $CHAT; wait $CHAT 2>/dev/null
# The screenshot keys: a marked page on screen (ImageMagick's display), the real app, PrintScreen by xdotool.
K=$(mktemp -d)
printf 'popup.warn.seconds=30\n' > $K/secrecy-guard.properties
convert -size 1000x560 xc:white -font Noto-Sans-CJK-SC -fill black -pointsize 30 \
  -annotate +60+70 '000123' -annotate +60+130 '机密★1年' -annotate +60+190 '特急' \
  -fill '#c00000' -pointsize 56 -annotate +200+300 '某某省人民政府文件' \
  -fill black -pointsize 30 -annotate +300+380 '某政发〔2026〕17号' \
  -annotate +150+470 '关于2026年度某专项工作的实施方案' $K/page.png
display -geometry +0+0 $K/page.png &
PAGE=$!
SECRECY_GUARD_HOME=$K java -jar "$JAR" > /tmp/sg-key.out 2>&1 &
KEYS=$!
sleep 10
xdotool key Print
sleep 6
import -window root $OUT/screenshot-popup-screenshot.png
kill $KEYS $PAGE; wait $KEYS 2>/dev/null
# The on-access guard (needs root, as the service does): the service over a scratch tmpfs, the tray app
# connected to its socket, and a copy of cat laid out as the Linux WeChat package opening a marked file.
if [ "$(id -u)" = 0 ]; then
  G=$(mktemp -d)
  mkdir -p $G/svc $G/app $G/home $G/opt/wechat
  mount -t tmpfs -o size=16m tmpfs $G/home
  printf 'service.socket=%s\n' $G/guard.sock > $G/svc/secrecy-guard.properties
  printf 'service.socket=%s\npopup.warn.seconds=30\n' $G/guard.sock > $G/app/secrecy-guard.properties
  cp /bin/cat $G/opt/wechat/wechat && printf 'a build of its own' >> $G/opt/wechat/wechat
  java -jar "$JAR" guard-service --home $G/svc --watch $G/home > /tmp/sg-svc.out 2>&1 &
  SVC=$!
  SECRECY_GUARD_HOME=$G/app java -jar "$JAR" > /tmp/sg-onaccess.out 2>&1 &
  ONACCESS=$!
  sleep 12
  printf '000123\n机密★1年\n特急\n某某省人民政府文件\n某政发〔2026〕17号\n关于2026年度某专项工作的实施方案\n' \
    > $G/home/实施方案.txt
  $G/opt/wechat/wechat $G/home/实施方案.txt > /dev/null 2>&1 && echo "on-access: the chat client read it (unexpected)"
  sleep 5
  import -window root $OUT/screenshot-popup-onaccess.png
  kill $ONACCESS $SVC; wait $ONACCESS $SVC 2>/dev/null
  umount -l $G/home

# The self-check window (test sources: SelfCheckDemo generates a folder standing for a home and checks it).
if [ -f target/test-classes/org/secrecyguard/ui/SelfCheckDemo.class ] && [ -f target/bench.classpath ]; then
  S=$(mktemp -d)
  java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.secrecyguard.ui.SelfCheckDemo $S > /tmp/sg-selfcheck.out 2>&1 &
  SC=$!
  sleep 8
  import -window root -crop 900x580+0+0 $OUT/screenshot-selfcheck.png
  kill $SC; wait $SC 2>/dev/null
fi
