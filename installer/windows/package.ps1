<#
.SYNOPSIS
Builds the SecrecyGuard MSI for Windows 10/11 x64: target\secrecy-guard-<version>-x64.msi.

.DESCRIPTION
On a Windows PC with JDK 17 (jlink, jpackage, jdeps on PATH) and WiX Toolset 3 (heat, candle, light on
PATH, or the WIX variable its installer sets):
 1. takes target\secrecy-guard.jar (or builds it with Maven, or takes -Jar);
 2. lays out the jpackage input: the jar; the Tesseract and Leptonica DLLs and JNA's jnidispatch.dll
    taken out of the jar (tess4j 5.20.0 and lept4j 1.24.0 ship them as win32-x86-64/libtesseract553.dll
    and win32-x86-64/libleptonica1870.dll, JNA 5.19.1 as com/sun/jna/win32-x86-64/jnidispatch.dll), so
    nothing is unpacked into %TEMP% at run time (AppLocker-locked PCs refuse DLLs from there);
    tessdata\eng.traineddata from the jar (tess4j's copy, the same bytes as Debian's tesseract-ocr-eng
    1:4.1.0-2) and tessdata\chi_sim.traineddata from -Tessdata; the Visual C++ 2015-2022 runtime DLLs
    the Tesseract DLLs need (app-local copies, from -VcRuntime);
 3. jlinks a Java runtime with the modules the jar needs (as installer/package.sh does for the .deb);
 4. jpackage --type app-image: SecrecyGuard.exe (tray app), SecrecyGuardService.exe (the service,
    service-launcher.properties), secrecy-guard.exe (console command line, cli-launcher.properties);
 5. WiX: heat harvests the app image (harvest-filter.xslt), candle and light build the MSI from
    secrecy-guard.wxs. The same commands are written to target\windows\build-msi.cmd.
Without WiX (or with -AppImageOnly) it stops after writing build-msi.cmd: the app image and every WiX
input are ready, and build-msi.cmd on a PC with WiX 3 finishes the job.

chi_sim.traineddata: the LSTM model of tesseract-ocr/tessdata_fast (4.1.0), which is what Debian's
tesseract-ocr-chi-sim 1:4.1.0-2 ships in /usr/share/tesseract-ocr/5/tessdata and what the Linux build
is tested with (SHA-256 below). Take it from that package (dpkg-deb -x on any Linux or WSL) or from
the tessdata_fast repository; the script prints the hash of what it packs and warns when it differs.

.EXAMPLE
powershell -ExecutionPolicy Bypass -File installer\windows\package.ps1 -Tessdata C:\tessdata
#>
[CmdletBinding()]
param(
    # A built target\secrecy-guard.jar; default: target\secrecy-guard.jar, built with Maven when missing.
    [string]$Jar = "",
    # The folder holding chi_sim.traineddata.
    [string]$Tessdata = $env:TESSDATA_PREFIX,
    # Where msvcp140.dll, vcruntime140.dll and vcruntime140_1.dll are copied from.
    [string]$VcRuntime = (Join-Path $env:SystemRoot "System32"),
    # Stop before WiX: app image, harvest inputs and build-msi.cmd only.
    [switch]$AppImageOnly
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version 3.0
$repo = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $repo

$KnownChiSimSha256 = "A5FCB6F0DB1E1D6D8522F39DB4E848F05984669172E584E8D76B6B3141E1F730"
$TesseractDlls = @("libtesseract553.dll", "libleptonica1870.dll")
$VcRuntimeDlls = @("msvcp140.dll", "vcruntime140.dll", "vcruntime140_1.dll")
$Launchers = @("SecrecyGuard.exe", "SecrecyGuardService.exe", "secrecy-guard.exe")
# Resident-app JVM settings, as installer/package.sh (docs/benchmarks.md); $APPDIR is expanded by the launcher.
$TrayJavaOptions = '-Xms24m -Xmx64m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=25 -XX:TieredStopAtLevel=1 -Xss512k -Dfile.encoding=UTF-8 -Djna.library.path=$APPDIR -Djna.boot.library.path=$APPDIR -Djna.nounpack=true'

function Find-Tool([string]$Name, [string]$Hint) {
    $cmd = Get-Command $Name -ErrorAction SilentlyContinue
    if ($cmd) { return $cmd.Source }
    if ($env:WIX -and (Test-Path (Join-Path $env:WIX "bin\$Name.exe"))) { return (Join-Path $env:WIX "bin\$Name.exe") }
    if ($Hint) { throw "$Name not found on PATH: $Hint" }
    return $null
}

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    Write-Host "> $Exe $($Arguments -join ' ')"
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe failed with exit code $LASTEXITCODE" }
}

# The project's version from pom.xml; MSI and jpackage want digits and dots (0.1.0-SNAPSHOT -> 0.1.0).
[xml]$pom = Get-Content -Raw -Encoding UTF8 (Join-Path $repo "pom.xml")
$pomVersion = $pom.project.version
$version = ($pomVersion -split "-")[0]
$HookDll = "JNativeHook-$pomVersion.x86_64.dll"
if ($version -notmatch '^\d+(\.\d+){1,3}$') { throw "pom.xml version '$pomVersion' does not give an MSI version" }

$jlink = Find-Tool "jlink" "install a JDK 17 (Temurin or Microsoft Build of OpenJDK) and put its bin on PATH"
$jpackage = Find-Tool "jpackage" "install a JDK 17"
$jdeps = Find-Tool "jdeps" "install a JDK 17"

if (-not $Jar) {
    $Jar = Join-Path $repo "target\secrecy-guard.jar"
    if (-not (Test-Path $Jar)) {
        $mvn = Find-Tool "mvn" "install Maven 3.8+, or pass -Jar with a built secrecy-guard.jar"
        Invoke-Checked $mvn @("-B", "-q", "package", "-DskipTests")
    }
}
$Jar = (Resolve-Path $Jar).Path

if (-not $Tessdata) { throw "pass -Tessdata DIR: the folder holding chi_sim.traineddata (see the help: Get-Help $PSCommandPath)" }
$chiSim = Join-Path $Tessdata "chi_sim.traineddata"
if (-not (Test-Path $chiSim)) { throw "$chiSim not found" }

$work = Join-Path $repo "target\windows"
if (Test-Path $work) { Remove-Item -Recurse -Force $work }
$stage = Join-Path $work "input"
New-Item -ItemType Directory -Force (Join-Path $stage "tessdata") | Out-Null
Copy-Item $Jar (Join-Path $stage "secrecy-guard.jar")

# Natives and English data out of the jar.
Add-Type -AssemblyName System.IO.Compression.FileSystem
$zip = [System.IO.Compression.ZipFile]::OpenRead($Jar)
try {
    foreach ($entry in $zip.Entries) {
        $target = $null
        if ($entry.FullName -like "win32-x86-64/*.dll") { $target = Join-Path $stage $entry.Name }
        elseif ($entry.FullName -eq "com/sun/jna/win32-x86-64/jnidispatch.dll") { $target = Join-Path $stage "jnidispatch.dll" }
        # jnativehook unpacks its DLL beside the jar on first use, which a user cannot do under Program Files:
        # ship it under the name its locator looks for (JNativeHook-<Implementation-Version>.<arch>.dll).
        elseif ($entry.FullName -eq "com/github/kwhat/jnativehook/lib/windows/x86_64/JNativeHook.dll") { $target = Join-Path $stage $HookDll }
        elseif ($entry.FullName -eq "tessdata/eng.traineddata") { $target = Join-Path $stage "tessdata\eng.traineddata" }
        if ($target) { [System.IO.Compression.ZipFileExtensions]::ExtractToFile($entry, $target, $true) }
    }
} finally {
    $zip.Dispose()
}
foreach ($f in $TesseractDlls + @("jnidispatch.dll", $HookDll, "tessdata\eng.traineddata")) {
    if (-not (Test-Path (Join-Path $stage $f))) { throw "$f is not in $Jar (tess4j, lept4j or JNA changed? see PLATFORM-NOTES)" }
}
Copy-Item $chiSim (Join-Path $stage "tessdata\chi_sim.traineddata")
$chiHash = (Get-FileHash -Algorithm SHA256 (Join-Path $stage "tessdata\chi_sim.traineddata")).Hash
Write-Host "chi_sim.traineddata SHA-256 $chiHash"
if ($chiHash -ne $KnownChiSimSha256) {
    Write-Warning "chi_sim.traineddata differs from Debian's tesseract-ocr-chi-sim 1:4.1.0-2 ($KnownChiSimSha256), which the tests use"
}
$missingVc = @()
foreach ($dll in $VcRuntimeDlls) {
    $src = Join-Path $VcRuntime $dll
    if (Test-Path $src) { Copy-Item $src (Join-Path $stage $dll) } else { $missingVc += $dll }
}
if ($missingVc.Count -gt 0) {
    Write-Warning "not found in ${VcRuntime}: $($missingVc -join ', '). Target PCs then need the Visual C++ 2015-2022 x64 runtime (VC_redist.x64.exe) for OCR."
}

# Runtime: what jdeps finds, plus what is reached by name at run time (as installer/package.sh).
$modules = (& $jdeps --multi-release 17 --ignore-missing-deps --print-module-deps $Jar | Select-Object -Last 1).Trim()
if ($LASTEXITCODE -ne 0 -or -not $modules) { throw "jdeps failed" }
$modules = "$modules,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.management,java.desktop"
$runtime = Join-Path $work "runtime"
Invoke-Checked $jlink @("--add-modules", $modules, "--include-locales=en,zh", "--strip-debug", "--strip-native-commands",
    "--no-man-pages", "--no-header-files", "--compress=2", "--output", $runtime)

$imageRoot = Join-Path $work "image"
Invoke-Checked $jpackage @("--type", "app-image", "--name", "SecrecyGuard", "--app-version", $version,
    "--vendor", "SecrecyGuard", "--description", "Endpoint guard for classified material",
    "--input", $stage, "--main-jar", "secrecy-guard.jar", "--main-class", "org.secrecyguard.app.Main",
    "--runtime-image", $runtime, "--icon", (Join-Path $repo "icons\secrecy-guard.ico"),
    "--java-options", $TrayJavaOptions,
    "--add-launcher", "SecrecyGuardService=$(Join-Path $PSScriptRoot 'service-launcher.properties')",
    "--add-launcher", "secrecy-guard=$(Join-Path $PSScriptRoot 'cli-launcher.properties')",
    "--dest", $imageRoot)
$image = Join-Path $imageRoot "SecrecyGuard"
foreach ($f in $Launchers + @("app\secrecy-guard.jar", "app\tessdata\chi_sim.traineddata", "app\tessdata\eng.traineddata",
        "app\libtesseract553.dll", "app\libleptonica1870.dll", "app\jnidispatch.dll", "app\$HookDll")) {
    if (-not (Test-Path (Join-Path $image $f))) { throw "the app image lacks $f" }
}

# WiX 3: harvest, compile, link. Written out first so that the same commands run where WiX is.
$wix = Join-Path $work "wix"
New-Item -ItemType Directory -Force $wix | Out-Null
$msi = Join-Path $repo "target\secrecy-guard-$version-x64.msi"
$heatArgs = @("dir", $image, "-nologo", "-cg", "AppImage", "-dr", "INSTALLDIR", "-srd", "-sreg", "-scom", "-ag", "-sfrag",
    "-var", "var.AppImageDir", "-t", (Join-Path $PSScriptRoot "harvest-filter.xslt"), "-out", (Join-Path $wix "appimage.wxs"))
$candleMainArgs = @("-nologo", "-arch", "x64", "-ext", "WixUtilExtension", "-dAppImageDir=$image", "-dProductVersion=$version",
    "-dSiteTemplate=$(Join-Path $PSScriptRoot 'site.properties')", "-dIconFile=$(Join-Path $repo 'icons\secrecy-guard.ico')",
    "-out", (Join-Path $wix "secrecy-guard.wixobj"), (Join-Path $PSScriptRoot "secrecy-guard.wxs"))
$candleHarvestArgs = @("-nologo", "-arch", "x64", "-dAppImageDir=$image", "-out", (Join-Path $wix "appimage.wixobj"),
    (Join-Path $wix "appimage.wxs"))
$lightArgs = @("-nologo", "-ext", "WixUtilExtension", "-cultures:en-us", "-spdb", "-out", $msi,
    (Join-Path $wix "secrecy-guard.wixobj"), (Join-Path $wix "appimage.wixobj"))
# For cmd.exe: quote what has blanks (no argument here ends with a backslash or holds a quote).
function Join-CmdLine([string[]]$Arguments) { ($Arguments | ForEach-Object { if ($_ -match '\s') { '"' + $_ + '"' } else { $_ } }) -join " " }
@(
    "@echo off",
    "rem SecrecyGuard ${version}: builds the MSI from the app image package.ps1 made (WiX 3 on PATH).",
    "heat $(Join-CmdLine $heatArgs) || exit /b 1",
    "candle $(Join-CmdLine $candleMainArgs) || exit /b 1",
    "candle $(Join-CmdLine $candleHarvestArgs) || exit /b 1",
    "light $(Join-CmdLine $lightArgs) || exit /b 1",
    "echo $msi"
) | Set-Content -Encoding ASCII (Join-Path $work "build-msi.cmd")

$heat = Find-Tool "heat" $null
if ($AppImageOnly -or -not $heat) {
    if (-not $AppImageOnly) { Write-Warning "WiX 3 (heat, candle, light) not found: stopping before the MSI" }
    Write-Host "App image: $image"
    Write-Host "To build the MSI on a PC with WiX 3: $(Join-Path $work 'build-msi.cmd')"
    exit 0
}
Invoke-Checked $heat $heatArgs
$candle = Find-Tool "candle" "install WiX Toolset 3.11 or later"
Invoke-Checked $candle $candleMainArgs
Invoke-Checked $candle $candleHarvestArgs
Invoke-Checked (Find-Tool "light" "install WiX Toolset 3.11 or later") $lightArgs
Write-Host "SHA-256 $((Get-FileHash -Algorithm SHA256 $msi).Hash)"
Write-Output $msi
