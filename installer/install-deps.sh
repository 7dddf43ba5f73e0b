#!/usr/bin/env bash
# Installs what SecrecyGuard's tests and the Linux app need on Debian 12 / Ubuntu / UOS / Kylin:
# Tesseract with Simplified Chinese data, a CJK font, Xvfb and X11 tools for the desktop tests,
# PostgreSQL for the collector tests, LibreOffice Writer and Draw (test documents and WMF/EMF pictures),
# python3 (systemd notification socket in tests) and wixl/msitools to link the Windows MSI source
# (installer/windows). Safe to run again; does nothing when all is present.
set -euo pipefail
packages=(tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng fonts-noto-cjk
          lintian xvfb xauth xdotool xclip x11-utils imagemagick libgtk-3-0 libxtst6 libxfixes3
          postgresql libreoffice-writer-nogui libreoffice-draw-nogui python3-minimal wixl msitools)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
