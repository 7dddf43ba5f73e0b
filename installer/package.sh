#!/usr/bin/env bash
# Builds the Linux package target/secrecy-guard_<version>_amd64.deb: a jlinked Java runtime (no JDK
# needed on the PC) and the jpackage app image under /opt/secrecy-guard, the `secrecy-guard` command,
# desktop entry, icons, tray autostart for every session, the systemd unit and maintainer scripts
# (installer/deb/). app-image + dpkg-deb rather than `jpackage --type deb`: full control of the control
# file, conffiles and scripts, which is what keeps lintian clean.
#
# The Windows MSI inputs are built by installer/windows/package.ps1 (on Windows, with WiX 3).
#
# Environment: SG_MVN_FLAGS (e.g. -o) for the Maven call; SG_JAR_FROM_CLASSES=1 assembles the jar from
# the already compiled target/classes without compiling (what the package test uses inside `mvn test`).
# The last line of stdout is the path of the .deb (Maven's output goes to stderr).
# The .deb is cached by a hash of the classes and the packaging inputs: an unchanged tree is not rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."

pom_version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
app_version=${pom_version%%-*}                       # jpackage wants digits and dots
deb_version=${pom_version/-SNAPSHOT/~snapshot}       # sorts before the release
arch=$(dpkg --print-architecture)
deb="target/secrecy-guard_${deb_version}_${arch}.deb"
work=target/deb-build

build_jar() {
    if [ "${SG_JAR_FROM_CLASSES:-0}" = 1 ]; then
        # shellcheck disable=SC2086
        mvn -B -q ${SG_MVN_FLAGS:-} -Dstyle.color=never -Dmaven.main.skip=true -Dmaven.test.skip=true package >&2
    else
        # shellcheck disable=SC2086
        mvn -B -q ${SG_MVN_FLAGS:-} -Dstyle.color=never package -DskipTests >&2
    fi
}

inputs_hash() {
    { find target/classes installer/deb icons -type f -print0 | sort -z | xargs -0 sha256sum
      sha256sum pom.xml installer/package.sh; } | sha256sum | cut -c1-16
}

# Class-data sharing (docs/benchmarks.md): the JVM maps classes from one archive instead of reading them
# from the compressed runtime image and the jar and verifying them at every start. An archive is valid only
# for the runtime and jar at the path it was made for, so the package ships the list of classes (those a
# self-check and a tray start load, by name) and postinst makes the archive under /var/cache. Prints the
# list; a tray start is left out, with a warning, when Xvfb is missing. Java takes user.home from the
# password file, not $HOME, hence -Duser.home: the runs leave nothing in the builder's home. Build where the
# package is not installed (as CI does): a running guard service would see the training tray come and go.
list_shared_classes() {
    local image=$1 train launcher xvfb pid n log
    train=$(mktemp -d)
    launcher="$image/bin/secrecy-guard"
    mkdir -p "$train/files" "$train/home" "$train/run"
    chmod 0700 "$train/run"
    printf '000123\n机密★1年\n特急\n关于加强值班工作的通知\n' > "$train/files/notice.txt"
    printf '会议通知：请各单位按时参加。\n' > "$train/files/plain.txt"
    HOME="$train/home" XDG_RUNTIME_DIR="$train/run" JAVA_TOOL_OPTIONS="-Duser.home=$train/home -XX:DumpLoadedClassList=$train/check.list" \
        "$launcher" check --no-ocr --no-events --busy-seconds 0 --index "$train/index.db" "$train/files" >/dev/null 2>&1 || true
    if command -v Xvfb >/dev/null; then
        Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$train/display" 2>/dev/null &
        xvfb=$!
        for _ in $(seq 50); do [ -s "$train/display" ] && break; sleep 0.1; done
        n=$(head -1 "$train/display")
        DISPLAY=":$n" HOME="$train/home" XDG_RUNTIME_DIR="$train/run" \
            JAVA_TOOL_OPTIONS="-Duser.home=$train/home -XX:DumpLoadedClassList=$train/tray.list" "$launcher" >"$train/tray.log" 2>&1 &
        pid=$!
        log="$train/home/.local/share/secrecy-guard/logs/secrecy-guard-0.log"
        for _ in $(seq 300); do grep -qs 'started: ' "$log" && break; sleep 0.1; done
        grep -qs 'started: ' "$log" || echo "package.sh: the tray did not start for the class list" >&2
        sleep 2 # the first status refresh after start
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        kill -TERM "$xvfb" 2>/dev/null || true
        wait "$xvfb" 2>/dev/null || true
    else
        echo "package.sh: no Xvfb, the tray's classes are not in the shared class list" >&2
    fi
    cat "$train"/*.list | awk '!/^#/ && !seen[$0]++'
    rm -rf "$train"
}

# Outside the package test the sources may have changed: let Maven bring the classes and jar up to date.
if [ "${SG_JAR_FROM_CLASSES:-0}" != 1 ] || [ ! -d target/classes ]; then build_jar; fi
key=$(inputs_hash)
if [ -f "$deb" ] && [ "$(cat target/deb-build.key 2>/dev/null)" = "$key" ]; then
    echo "$deb (unchanged, key $key)"
    exit 0
fi
if [ ! -f target/secrecy-guard.jar ] || [ -n "$(find target/classes -newer target/secrecy-guard.jar -type f -print -quit)" ]; then
    build_jar
fi

rm -rf "$work"
mkdir -p "$work/input"
cp target/secrecy-guard.jar "$work/input/"

# The jar carries native libraries for every OS its libraries support; the package needs this one's.
case "$arch" in
    amd64) jna=linux-x86-64 sqlite=Linux/x86_64 hook=linux/x86_64 ;;
    arm64) jna=linux-aarch64 sqlite=Linux/aarch64 hook=linux/arm64 ;;
    *) echo "package.sh: no native-library map for $arch" >&2; exit 1 ;;
esac
unzip -Z1 "$work/input/secrecy-guard.jar" \
    | grep -E '^(com/sun/jna/[a-z0-9]+-[a-z0-9-]+/.|org/sqlite/native/.+/.|win32-x86(-64)?/.|darwin-[a-z0-9-]+/.|com/github/kwhat/jnativehook/lib/.+/.)' \
    | grep -vE "^(com/sun/jna/$jna/|org/sqlite/native/$sqlite/|com/github/kwhat/jnativehook/lib/$hook/)" \
    | zip -q -d "$work/input/secrecy-guard.jar" -@
# jnativehook unpacks its library beside the jar on first use, which a user cannot do in /opt: ship it
# unpacked under the name its locator looks for: libJNativeHook-<version>.<arch>.so, the version being the
# jar manifest's Implementation-Version (the project's, in the shaded jar).
unzip -p "$work/input/secrecy-guard.jar" "com/github/kwhat/jnativehook/lib/$hook/libJNativeHook.so" \
    > "$work/input/libJNativeHook-$pom_version.${hook#linux/}.so"
# sqlite-jdbc copies its library to /tmp and loads it from there at every start (0.2-0.5 s of each command
# and tray start, docs/benchmarks.md): ship it unpacked and point the driver at it (--java-options below).
unzip -p "$work/input/secrecy-guard.jar" "org/sqlite/native/$sqlite/libsqlitejdbc.so" > "$work/input/libsqlitejdbc.so"

# Modules: what jdeps finds, plus what is reached by name at run time (Ed25519 and TLS in jdk.crypto.ec,
# Chinese dates in jdk.localedata, GB18030/GBK in jdk.charsets, zip file systems, the MXBeans).
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps target/secrecy-guard.jar)
modules="$modules,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.management,java.desktop"
jlink --add-modules "$modules" --include-locales=en,zh --strip-debug --no-man-pages --no-header-files \
      --compress=2 --output "$work/runtime"
# Of the runtime's commands only java stays: /usr/bin/secrecy-guard starts it (see secrecy-guard.sh).
find "$work/runtime/bin" -type f ! -name java -delete

# Resident-app JVM settings (docs/benchmarks.md, as installer/run.sh), for the jpackage launcher and for
# /usr/bin/secrecy-guard, which starts the runtime's java with the same options ($APPDIR: lib/app).
java_options='-Xms24m -Xmx64m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=25 -XX:TieredStopAtLevel=1 -Xss512k -Dfile.encoding=UTF-8 -Dorg.sqlite.lib.path=$APPDIR -Dorg.sqlite.lib.name=libsqlitejdbc.so -Dsecrecyguard.trayCommand=/usr/bin/secrecy-guard -XX:SharedArchiveFile=/var/cache/secrecy-guard/classes.jsa'
jpackage --type app-image --name secrecy-guard --app-version "$app_version" \
    --vendor "SecrecyGuard" --description "Endpoint guard for classified material" \
    --input "$work/input" --main-jar secrecy-guard.jar --main-class org.secrecyguard.app.Main \
    --runtime-image "$work/runtime" --icon icons/png/protected-256.png \
    --java-options "$java_options" \
    --dest "$work/image"

list_shared_classes "$work/image/secrecy-guard" > "$work/image/secrecy-guard/lib/app/secrecy-guard.classlist"

root="$work/root"
mkdir -p "$root/opt" "$root/DEBIAN"
cp -a "$work/image/secrecy-guard" "$root/opt/secrecy-guard"
# Debian's JDK ships some libraries and files with modes lintian dislikes: normalise.
find "$root/opt" -type d -exec chmod 0755 {} +
find "$root/opt" -type f -exec chmod 0644 {} +
chmod 0755 "$root/opt/secrecy-guard/bin/secrecy-guard" "$root/opt/secrecy-guard/lib/runtime/lib/jspawnhelper" \
    "$root/opt/secrecy-guard/lib/runtime/bin/java"
# The name process lists show for the app (the kernel takes it from the path that was started).
ln -s java "$root/opt/secrecy-guard/lib/runtime/bin/secrecy-guard"
# Symbol tables are no use on an office PC (lintian: unstripped-binary-or-object); dynamic symbols stay.
elfs=$(find "$(pwd)/$root/opt" -type f -exec sh -c 'head -c4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
# shellcheck disable=SC2086
strip --strip-unneeded --remove-section=.comment --remove-section=.note $elfs

d=installer/deb
install -d -m 0755 "$root/usr/bin"
sed "s|@JAVA_OPTIONS@|$(echo "-Djpackage.app-version=$app_version $java_options" | sed 's|\$APPDIR|/opt/secrecy-guard/lib/app|g')|" \
    $d/secrecy-guard.sh > "$root/usr/bin/secrecy-guard"
chmod 0755 "$root/usr/bin/secrecy-guard"
install -D -m 0644 $d/secrecy-guard.service "$root/lib/systemd/system/secrecy-guard.service"
install -D -m 0644 $d/secrecy-guard.desktop "$root/usr/share/applications/secrecy-guard.desktop"
install -D -m 0644 $d/secrecy-guard-autostart.desktop "$root/etc/xdg/autostart/secrecy-guard.desktop"
install -D -m 0644 $d/site.properties.example "$root/usr/share/secrecy-guard/site.properties.example"
install -D -m 0644 $d/preseed.example "$root/usr/share/doc/secrecy-guard/examples/secrecy-guard.preseed"
install -d -m 0755 "$root/etc/secrecy-guard"
for size in 16 32 64 256; do
    install -D -m 0644 "icons/png/protected-$size.png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/secrecy-guard.png"
done
install -D -m 0644 icons/shield-protected.svg "$root/usr/share/icons/hicolor/scalable/apps/secrecy-guard.svg"
install -D -m 0644 $d/copyright "$root/usr/share/doc/secrecy-guard/copyright"
install -D -m 0644 README.md "$root/usr/share/doc/secrecy-guard/README.md"
install -D -m 0644 $d/lintian-overrides "$root/usr/share/lintian/overrides/secrecy-guard"
printf 'secrecy-guard (%s) unstable; urgency=medium\n\n  * Build %s.\n\n -- SecrecyGuard maintainers <maintainers@secrecyguard.org>  %s\n' \
    "$deb_version" "$(git rev-parse --short HEAD 2>/dev/null || echo local)" "$(date -R)" \
    | gzip -9n > "$root/usr/share/doc/secrecy-guard/changelog.gz"
chmod 0644 "$root/usr/share/doc/secrecy-guard/changelog.gz"

for s in config postinst prerm postrm; do install -m 0755 "$d/$s" "$root/DEBIAN/$s"; done
install -m 0644 "$d/templates" "$root/DEBIAN/templates"
echo /etc/xdg/autostart/secrecy-guard.desktop > "$root/DEBIAN/conffiles"

# Shared-library dependencies of the runtime and launcher, as dpkg-shlibdeps computes them.
mkdir -p "$work/shlibs/debian"
printf 'Source: secrecy-guard\n\nPackage: secrecy-guard\nArchitecture: any\n' > "$work/shlibs/debian/control"
# shellcheck disable=SC2086
shlibs=$(cd "$work/shlibs" && dpkg-shlibdeps -O --ignore-missing-info -l"$(pwd)/../root/opt/secrecy-guard/lib/runtime/lib" \
    -l"$(pwd)/../root/opt/secrecy-guard/lib/runtime/lib/server" $elfs 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
# Loaded at run time by name (JNA, JavaFX's GTK glass, jnativehook, XFixes), so shlibdeps cannot see them.
depends="$shlibs, debconf (>= 0.5) | debconf-2.0, tesseract-ocr, tesseract-ocr-chi-sim, libtesseract5, fonts-noto-cjk | fonts-wqy-microhei, libgtk-3-0 | libgtk-3-0t64, libxfixes3"
installed_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: secrecy-guard
Version: $deb_version
Architecture: $arch
Maintainer: SecrecyGuard maintainers <maintainers@secrecyguard.org>
Installed-Size: $installed_kb
Depends: $depends
Recommends: libgl1
Section: utils
Priority: optional
Homepage: https://github.com/secrecyguard/secrecy-guard
Description: endpoint guard against leaks of classified material
 SecrecyGuard (保密卫士) checks what leaves an office PC - clipboard, chat file
 transfers, removable drives, screenshots - for GB/T 9704 secrecy markings,
 registered documents and keywords, and blocks or warns as the unit's secrecy
 office decides. A system service holds the on-access guard and the rules;
 a tray app in every desktop session shows warnings.
CONTROL
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
chmod 0644 "$root/DEBIAN/md5sums" "$root/DEBIAN/control" "$root/DEBIAN/conffiles"

dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$key" > target/deb-build.key
echo "$deb"
