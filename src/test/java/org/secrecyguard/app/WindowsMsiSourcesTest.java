package org.secrecyguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * What can be checked of the Windows MSI on Linux (installer/windows): the WiX 3 source is well-formed
 * in WiX 3's namespaces; every file, variable, directory, component and action it names exists (in
 * the repository, in what package.ps1 produces, or in the source itself); the Run key, the service
 * and its restart-on-failure, and the ProgramData ACLs are there; the version comes from pom.xml; the
 * harvest filter removes the service launcher and nothing else. Last, Debian's wixl (msitools, a
 * compiler for a subset of WiX 3) links the source with what it lacks taken out, and the MSI tables
 * are read back with msiinfo. Nothing here runs WiX's own candle and light, or Windows.
 */
class WindowsMsiSourcesTest {
    static final String WI = "http://schemas.microsoft.com/wix/2006/wi";
    static final String UTIL = "http://schemas.microsoft.com/wix/UtilExtension";
    static final Path DIR = Path.of("installer/windows");
    static final Path WXS = DIR.resolve("secrecy-guard.wxs");
    static final Path PS1 = DIR.resolve("package.ps1");

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    static List<Element> all(Node root, String ns, String name) {
        NodeList list = root instanceof Document d ? d.getElementsByTagNameNS(ns, name)
                : ((Element) root).getElementsByTagNameNS(ns, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static Element byId(Document d, String name, String id) {
        return all(d, WI, name).stream().filter(e -> e.getAttribute("Id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " " + id));
    }

    static String ps1() throws IOException {
        return Files.readString(PS1, StandardCharsets.UTF_8);
    }

    @Test
    void isWixThreeSourceInItsNamespaces() throws Exception {
        Document d = parse(WXS);
        Element root = d.getDocumentElement();
        assertEquals("Wix", root.getLocalName());
        assertEquals(WI, root.getNamespaceURI());
        assertEquals(1, all(d, WI, "Product").size());
        for (Element e : all(d, "*", "*")) {
            assertTrue(Set.of(WI, UTIL).contains(e.getNamespaceURI()), e.getTagName() + " in " + e.getNamespaceURI());
        }
        Document filter = parse(DIR.resolve("harvest-filter.xslt"));
        assertEquals("http://www.w3.org/1999/XSL/Transform", filter.getDocumentElement().getNamespaceURI());
    }

    @Test
    void everyVariableIsPassedByPackagePs1AndEveryFileExists() throws Exception {
        String wxs = Files.readString(WXS, StandardCharsets.UTF_8);
        Set<String> used = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\$\\(var\\.(\\w+)\\)").matcher(wxs);
        while (m.find()) {
            used.add(m.group(1));
        }
        assertEquals(Set.of("ProductVersion", "IconFile", "AppImageDir", "SiteTemplate"), used);
        String ps1 = ps1();
        for (String v : used) {
            assertTrue(ps1.contains("\"-d" + v + "="), "package.ps1 passes -d" + v);
        }
        assertTrue(ps1.contains("-dSiteTemplate=$(Join-Path $PSScriptRoot 'site.properties')"));
        assertTrue(Files.isRegularFile(DIR.resolve("site.properties")));
        assertTrue(ps1.contains("-dIconFile=$(Join-Path $repo 'icons\\secrecy-guard.ico')"));
        assertTrue(Files.isRegularFile(Path.of("icons/secrecy-guard.ico")));
        for (String f : List.of("harvest-filter.xslt", "service-launcher.properties", "cli-launcher.properties",
                "secrecy-guard.wxs")) {
            assertTrue(Files.isRegularFile(DIR.resolve(f)), f);
            assertTrue(ps1.contains("'" + f + "'") || ps1.contains("\"" + f + "\""), "package.ps1 uses " + f);
        }
        // The only app-image file the source names itself is the service launcher, made by --add-launcher.
        Document d = parse(WXS);
        List<String> sources = all(d, WI, "File").stream().map(e -> e.getAttribute("Source")).toList();
        assertEquals(List.of("$(var.AppImageDir)\\SecrecyGuardService.exe", "$(var.SiteTemplate)"), sources);
        assertTrue(ps1.contains("\"--add-launcher\", \"SecrecyGuardService=$(Join-Path $PSScriptRoot 'service-launcher.properties')\""));
        assertTrue(launchers().contains("SecrecyGuardService.exe"));
    }

    /** The launchers package.ps1 checks the app image for, as it lists them. */
    static List<String> launchers() throws IOException {
        Matcher m = Pattern.compile("\\$Launchers = @\\(([^)]*)\\)").matcher(ps1());
        assertTrue(m.find(), "package.ps1 lists its launchers");
        return quoted(m.group(1));
    }

    /** The app-image files package.ps1 checks for after jpackage (launchers and app\... files). */
    static List<String> appImageFiles() throws IOException {
        Matcher m = Pattern.compile("foreach \\(\\$f in \\$Launchers \\+ @\\(([^)]*)\\)\\)").matcher(ps1());
        assertTrue(m.find(), "package.ps1 checks the app image");
        List<String> out = new ArrayList<>(launchers());
        for (String f : quoted(m.group(1))) {
            out.add(f.replace("$HookDll", hookDll()));
        }
        return out;
    }

    static String pomVersion() throws IOException {
        Matcher version = Pattern.compile("\\n  <version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find());
        return version.group(1);
    }

    /**
     * The file name package.ps1 ships jnativehook's DLL under: the name jnativehook's locator derives from
     * the jar manifest's Implementation-Version (the pom's version), else it unpacks into Program Files.
     */
    static String hookDll() throws IOException {
        Matcher m = Pattern.compile("\\$HookDll = \"([^\"]+)\"").matcher(ps1());
        assertTrue(m.find(), "package.ps1 names jnativehook's DLL");
        return m.group(1).replace("$pomVersion", pomVersion());
    }

    static List<String> quoted(String list) {
        List<String> out = new ArrayList<>();
        Matcher q = Pattern.compile("\"([^\"]+)\"").matcher(list);
        while (q.find()) {
            out.add(q.group(1));
        }
        return out;
    }

    @Test
    void theTrayAppIsTheMainLauncherAndStartsForEveryUserFromHklmRun() throws Exception {
        String ps1 = ps1();
        assertTrue(ps1.contains("\"--name\", \"SecrecyGuard\""), "jpackage's main launcher is SecrecyGuard.exe");
        assertTrue(launchers().contains("SecrecyGuard.exe"));
        Document d = parse(WXS);
        Element run = all(d, WI, "RegistryValue").stream()
                .filter(e -> e.getAttribute("Key").equals("SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run")).findFirst()
                .orElseThrow();
        assertEquals("HKLM", run.getAttribute("Root"), "every user, not only the installing one");
        assertEquals("\"[INSTALLDIR]SecrecyGuard.exe\"", run.getAttribute("Value"));
        assertEquals("yes", ((Element) run.getParentNode()).getAttribute("Win64"), "the 64-bit registry view");
        Element installDir = byId(d, "Directory", "INSTALLDIR");
        assertEquals("ProgramFiles64Folder", ((Element) installDir.getParentNode()).getAttribute("Id"));
        Element pkg = all(d, WI, "Package").get(0);
        assertEquals("perMachine", pkg.getAttribute("InstallScope"));
        assertEquals("x64", pkg.getAttribute("Platform"));
    }

    @Test
    void theServiceRunsAsLocalSystemAndIsRestartedAfterEveryFailure() throws Exception {
        Document d = parse(WXS);
        Element svc = all(d, WI, "ServiceInstall").get(0);
        assertEquals("SecrecyGuard", svc.getAttribute("Name"));
        assertEquals(GuardServiceCommand.WINDOWS_SERVICE_NAME, svc.getAttribute("Name"), "the name the service connects as");
        assertEquals("LocalSystem", svc.getAttribute("Account"), "WTSQueryUserToken needs SeTcbPrivilege");
        assertEquals("auto", svc.getAttribute("Start"));
        assertEquals("ownProcess", svc.getAttribute("Type"));
        assertFalse(svc.hasAttribute("Arguments"), "arguments would replace the launcher's default ones");
        Element component = (Element) svc.getParentNode();
        Element exe = all(component, WI, "File").get(0);
        assertEquals("yes", exe.getAttribute("KeyPath"), "an MSI service's program is its component's key path");
        Element restart = all(svc, UTIL, "ServiceConfig").get(0);
        for (String a : List.of("FirstFailureActionType", "SecondFailureActionType", "ThirdFailureActionType")) {
            assertEquals("restart", restart.getAttribute(a), a);
        }
        List<Element> controls = all(component, WI, "ServiceControl");
        assertTrue(controls.stream().anyMatch(c -> c.getAttribute("Stop").equals("both") && c.getAttribute("Wait").equals("yes")));
        assertTrue(controls.stream().anyMatch(c -> c.getAttribute("Start").equals("install")));
        Properties launcher = launcherProperties("service-launcher.properties");
        assertEquals("guard-service --windows-service", launcher.getProperty("arguments"));
        assertTrue(launcher.getProperty("java-options").contains("-Dsecrecyguard.trayCommand=$APPDIR/../SecrecyGuard.exe"),
                "the service starts the tray launcher in users' sessions");
    }

    static Properties launcherProperties(String name) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(DIR.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void launchersUseTheDebsJvmSettingsAndLoadNativesFromTheAppFolder() throws IOException {
        Matcher deb = Pattern.compile("java_options='([^']+)'").matcher(Files.readString(Path.of("installer/package.sh")));
        assertTrue(deb.find());
        String natives = " -Djna.library.path=$APPDIR -Djna.boot.library.path=$APPDIR -Djna.nounpack=true";
        // The .deb's pointer to its unpacked SQLite library is Linux-only (a .so under $APPDIR), and so is the
        // tray command its service restarts a killed tray app with (the MSI's service launcher names its own), and
        // so is the class-data archive postinst makes (the MSI has no such step yet: docs/design.md).
        String shared = deb.group(1).replace(" -Dorg.sqlite.lib.path=$APPDIR -Dorg.sqlite.lib.name=libsqlitejdbc.so"
                + " -Dsecrecyguard.trayCommand=/usr/bin/secrecy-guard -XX:SharedArchiveFile=/var/cache/secrecy-guard/classes.jsa", "");
        assertTrue(ps1().contains("$TrayJavaOptions = '" + shared + natives + "'"), "tray: the .deb's settings");
        assertTrue(launcherProperties("service-launcher.properties").getProperty("java-options").startsWith(shared + natives));
        assertTrue(launcherProperties("cli-launcher.properties").getProperty("java-options").endsWith(natives));
        assertEquals("true", launcherProperties("cli-launcher.properties").getProperty("win-console"));
        assertTrue(appImageFiles().containsAll(List.of("app\\libtesseract553.dll", "app\\libleptonica1870.dll",
                "app\\jnidispatch.dll", "app\\JNativeHook-" + pomVersion() + ".x86_64.dll",
                "app\\tessdata\\chi_sim.traineddata", "app\\tessdata\\eng.traineddata")));
    }

    @Test
    void theNativesPackagePs1TakesFromTheJarAreInTheJarsDependencies() throws IOException {
        // tess4j and lept4j ship the DLLs package.ps1 names; a version bump that renames them must fail here.
        String ps1 = ps1();
        Path m2 = Path.of(System.getProperty("user.home"), ".m2/repository/net/sourceforge");
        assertTrue(ps1.contains("@(\"libtesseract553.dll\", \"libleptonica1870.dll\")"));
        assertTrue(zipHas(m2.resolve("tess4j/tess4j/5.20.0/tess4j-5.20.0.jar"), "win32-x86-64/libtesseract553.dll"));
        assertTrue(zipHas(m2.resolve("tess4j/tess4j/5.20.0/tess4j-5.20.0.jar"), "tessdata/eng.traineddata"));
        assertTrue(zipHas(m2.resolve("lept4j/lept4j/1.24.0/lept4j-1.24.0.jar"), "win32-x86-64/libleptonica1870.dll"));
        Path hook = Path.of(System.getProperty("user.home"), ".m2/repository/com/github/kwhat/jnativehook/2.2.2/jnativehook-2.2.2.jar");
        assertTrue(ps1.contains("\"com/github/kwhat/jnativehook/lib/windows/x86_64/JNativeHook.dll\""));
        assertTrue(zipHas(hook, "com/github/kwhat/jnativehook/lib/windows/x86_64/JNativeHook.dll"));
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<artifactId>jnativehook</artifactId>\n      <version>2.2.2</version>"), "jnativehook version in pom.xml");
        assertTrue(pom.contains("<artifactId>tess4j</artifactId>\n      <version>5.20.0</version>"), "tess4j version in pom.xml");
    }

    static boolean zipHas(Path zip, String entry) throws IOException {
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.getEntry(entry) != null;
        }
    }

    @Test
    void theVersionComesFromPomXml() throws Exception {
        String wxs = Files.readString(WXS);
        assertTrue(parse(WXS).getElementsByTagNameNS(WI, "Product").item(0).getAttributes().getNamedItem("Version")
                .getNodeValue().equals("$(var.ProductVersion)"));
        assertFalse(Pattern.compile("\\b\\d+\\.\\d+\\.\\d+\\b").matcher(wxs.replaceAll("<!--(?s:.*?)-->", "")).find(),
                "no version number written into the source");
        String ps1 = ps1();
        assertTrue(ps1.contains("$pomVersion = $pom.project.version"));
        assertTrue(ps1.contains("$version = ($pomVersion -split \"-\")[0]"));
        Document pom = parse(Path.of("pom.xml"));
        String pomVersion = null;
        for (Node n = pom.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if ("version".equals(n.getLocalName())) {
                pomVersion = n.getTextContent().trim();
            }
        }
        String msiVersion = pomVersion.split("-")[0];
        assertTrue(msiVersion.matches("\\d+(\\.\\d+){1,3}"), "pom.xml's " + pomVersion + " gives an MSI version");
        assertTrue(ps1.contains("-dProductVersion=$version"));
    }

    @Test
    void programDataIsAdministratorsOwnedAndUsersReadOnly() throws Exception {
        Document d = parse(WXS);
        assertEquals("CommonAppDataFolder", ((Element) byId(d, "Directory", "SITEDIR").getParentNode()).getAttribute("Id"));
        assertEquals("SecrecyGuard", byId(d, "Directory", "SITEDIR").getAttribute("Name"));
        assertEquals("state", byId(d, "Directory", "STATEDIR").getAttribute("Name"));
        assertEquals("rules", byId(d, "Directory", "RULESDIR").getAttribute("Name"));
        // the paths the app reads (InstalledPaths) are the ones the MSI makes
        InstalledPaths windows = InstalledPaths.of(org.secrecyguard.platform.OsFamily.WINDOWS, java.util.Map.of("ProgramData", "C:\\ProgramData"));
        assertEquals("site.properties", windows.siteFile().getFileName().toString());
        assertEquals(byId(d, "Directory", "STATEDIR").getAttribute("Name"), windows.serviceHome().getFileName().toString());
        assertEquals("SiteProperties", all(d, WI, "File").stream().filter(f -> f.getAttribute("Name").equals("site.properties"))
                .findFirst().orElseThrow().getAttribute("Id"));

        String users = "*S-1-5-32-545";
        String site = acl(d, "AclSite");
        assertTrue(site.contains("\"[SITEDIR].\" /inheritance:r /grant:r"), site);
        assertTrue(site.contains("*S-1-5-18:(OI)(CI)F") && site.contains("*S-1-5-32-544:(OI)(CI)F"), site);
        assertTrue(site.contains(users + ":(OI)(CI)RX "), "users read the site file and folder: " + site);
        String state = acl(d, "AclState");
        assertTrue(state.contains("\"[STATEDIR].\" /inheritance:r") && state.contains(users + ":RX "),
                "users list the service's folder, its files (the event log) do not inherit their read: " + state);
        assertTrue(acl(d, "AclRules").contains("\"[RULESDIR].\" /grant:r " + users + ":(OI)(CI)RX"),
                "users read the installed rules");
        assertTrue(acl(d, "AclSiteOwner").contains("/setowner *S-1-5-32-544 /T"), "a user who made the folder first loses it");
        assertTrue(acl(d, "AclSiteReset").contains("/reset /T"), "ACEs a user planted below are dropped");
        for (String a : List.of("AclSiteOwner", "AclSiteReset", "AclSite", "AclState", "AclRules")) {
            assertFalse(acl(d, a).matches(".*" + Pattern.quote(users) + ":\\S*[WMF].*"), "no write for Users in " + a);
            Element ca = byId(d, "CustomAction", a);
            assertEquals("deferred", ca.getAttribute("Execute"));
            assertEquals("no", ca.getAttribute("Impersonate"), "as LocalSystem");
            assertEquals("WixQuietExec64", ca.getAttribute("DllEntry"));
        }
        // in this order, after the files and INI lines, on install and upgrade only
        List<String> order = new ArrayList<>();
        String after = "WriteIniValues";
        for (Element c : all(d, WI, "Custom")) {
            assertEquals(after, c.getAttribute("After"));
            assertEquals("NOT REMOVE=\"ALL\"", c.getTextContent().trim());
            after = c.getAttribute("Action");
            order.add(after);
        }
        assertEquals(List.of("AclSiteOwner", "AclSiteReset", "AclSite", "AclState", "AclRules"), order);
    }

    static String acl(Document d, String id) {
        Element set = all(d, WI, "SetProperty").stream().filter(e -> e.getAttribute("Id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no SetProperty " + id));
        assertEquals(id, set.getAttribute("Before"));
        assertEquals("execute", set.getAttribute("Sequence"));
        String v = set.getAttribute("Value");
        assertTrue(v.startsWith("\"[System64Folder]icacls.exe\" "), v);
        return v + " ";
    }

    @Test
    void siteSettingsSurviveUpgradesAndSilentInstallPropertiesAreSecure() throws Exception {
        Document d = parse(WXS);
        for (String c : List.of("SiteFolder", "SiteTemplate", "SiteFromFile", "StateFolder", "RulesFolder")) {
            assertEquals("yes", byId(d, "Component", c).getAttribute("Permanent"), c + " is kept by upgrades and uninstall");
        }
        assertEquals("yes", byId(d, "Component", "SiteTemplate").getAttribute("NeverOverwrite"));
        assertEquals("SITEFILE", byId(d, "CopyFile", "CopySiteFile").getAttribute("SourceProperty"));
        assertEquals("site.properties", byId(d, "CopyFile", "CopySiteFile").getAttribute("DestinationName"));
        Properties template = new Properties();
        try (var r = Files.newBufferedReader(DIR.resolve("site.properties"), StandardCharsets.UTF_8)) {
            template.load(r);
        }
        List<String> keys = new ArrayList<>();
        for (Element ini : all(d, WI, "IniFile")) {
            assertEquals("site.properties", ini.getAttribute("Name"));
            assertEquals("SITEDIR", ini.getAttribute("Directory"));
            String key = ini.getAttribute("Key");
            assertTrue(template.containsKey(key), key + " is a site setting");
            String property = ini.getAttribute("Value").replaceAll("^\\[(\\w+)]$", "$1");
            assertEquals("yes", byId(d, "Property", property).getAttribute("Secure"), property);
            assertEquals(property, ((Element) ini.getParentNode()).getElementsByTagNameNS(WI, "Condition").item(0).getTextContent());
            keys.add(key);
        }
        assertEquals(List.of("rules.source", "rules.publicKey", "collector.url", "collector.token", "admin.pin.hash"), keys);
        assertEquals("yes", byId(d, "Property", "COLLECTOR_TOKEN").getAttribute("Hidden"), "not written to the MSI log");
        assertEquals("yes", byId(d, "Property", "SITEFILE").getAttribute("Secure"));
        // the template holds every key the .deb's example has
        Properties deb = new Properties();
        try (var r = Files.newBufferedReader(Path.of("installer/deb/site.properties.example"), StandardCharsets.UTF_8)) {
            deb.load(r);
        }
        assertEquals(deb.stringPropertyNames(), template.stringPropertyNames());
        assertEquals("rules/rules.db", template.getProperty("rules.db"), "under rules/, which users may read");
    }

    @Test
    void everyReferenceResolvesInsideTheSource() throws Exception {
        Document d = parse(WXS);
        Set<String> dirs = ids(d, "Directory");
        for (Element ref : all(d, WI, "DirectoryRef")) {
            assertTrue(dirs.contains(ref.getAttribute("Id")), ref.getAttribute("Id"));
        }
        Set<String> components = ids(d, "Component");
        Set<String> referenced = new LinkedHashSet<>();
        for (Element ref : all(d, WI, "ComponentRef")) {
            assertTrue(components.contains(ref.getAttribute("Id")), ref.getAttribute("Id"));
            referenced.add(ref.getAttribute("Id"));
        }
        assertEquals(components, referenced, "every component is in the feature");
        assertEquals("AppImage", all(d, WI, "ComponentGroupRef").get(0).getAttribute("Id"));
        assertTrue(ps1().contains("\"-cg\", \"AppImage\", \"-dr\", \"INSTALLDIR\""), "heat makes that group under INSTALLDIR");
        Set<String> actions = ids(d, "CustomAction");
        for (Element c : all(d, WI, "Custom")) {
            assertTrue(actions.contains(c.getAttribute("Action")));
        }
        for (Element e : List.of(all(d, WI, "Shortcut").get(0))) {
            assertTrue(dirs.contains(e.getAttribute("WorkingDirectory")));
        }
        for (Element e : all(d, WI, "IniFile")) {
            assertTrue(dirs.contains(e.getAttribute("Directory")));
        }
        Set<String> guids = new LinkedHashSet<>();
        for (Element c : all(d, WI, "Component")) {
            assertTrue(guids.add(c.getAttribute("Guid")), "duplicate component GUID " + c.getAttribute("Guid"));
        }
    }

    static Set<String> ids(Document d, String element) {
        Set<String> out = new LinkedHashSet<>();
        all(d, WI, element).forEach(e -> out.add(e.getAttribute("Id")));
        return out;
    }

    /** A harvest as WiX 3's heat writes it for the app image package.ps1 checks (-srd -ag -var var.AppImageDir). */
    static String heatOutput() throws IOException {
        StringBuilder components = new StringBuilder();
        StringBuilder refs = new StringBuilder();
        StringBuilder app = new StringBuilder();
        int n = 0;
        for (String f : appImageFiles()) {
            String id = "cmp" + (n++);
            String comp = "<Component Id=\"" + id + "\" Guid=\"*\"><File Id=\"fil" + n + "\" KeyPath=\"yes\" Source=\"$(var.AppImageDir)\\"
                    + f + "\" /></Component>";
            if (f.startsWith("app\\")) {
                app.append(comp);
            } else {
                components.append(comp);
            }
            refs.append("<ComponentRef Id=\"").append(id).append("\" />");
        }
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><Wix xmlns=\"" + WI + "\"><Fragment><DirectoryRef Id=\"INSTALLDIR\">"
                + components + "<Directory Id=\"dirApp\" Name=\"app\">" + app + "</Directory></DirectoryRef></Fragment>"
                + "<Fragment><ComponentGroup Id=\"AppImage\">" + refs + "</ComponentGroup></Fragment></Wix>";
    }

    static Document filtered(String heat) throws Exception {
        var t = TransformerFactory.newInstance().newTransformer(new StreamSource(DIR.resolve("harvest-filter.xslt").toFile()));
        StringWriter out = new StringWriter();
        t.transform(new StreamSource(new StringReader(heat)), new StreamResult(out));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(out.toString())));
    }

    @Test
    void theHarvestFilterTakesOutTheServiceLauncherAndNothingElse() throws Exception {
        String heat = heatOutput();
        Document in = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(heat)));
        Document out = filtered(heat);
        List<String> before = all(in, WI, "File").stream().map(e -> e.getAttribute("Source")).toList();
        List<String> after = all(out, WI, "File").stream().map(e -> e.getAttribute("Source")).toList();
        List<String> expected = new ArrayList<>(before);
        expected.remove("$(var.AppImageDir)\\SecrecyGuardService.exe");
        assertEquals(before.size() - 1, expected.size());
        assertEquals(expected, after);
        assertEquals(all(in, WI, "ComponentRef").size() - 1, all(out, WI, "ComponentRef").size());
        Set<String> left = new LinkedHashSet<>();
        all(out, WI, "Component").forEach(c -> left.add(c.getAttribute("Id")));
        for (Element ref : all(out, WI, "ComponentRef")) {
            assertTrue(left.contains(ref.getAttribute("Id")), "no reference to a removed component");
        }
    }

    /**
     * Debian's wixl compiles a subset of WiX 3: the source with the elements wixl lacks taken out
     * (util:ServiceConfig, component conditions, IniFile, CopyFile, SetProperty, custom actions and
     * their sequence, all checked above), linked with the filtered harvest of a stand-in app image,
     * gives an MSI whose tables say what Windows Installer will do.
     */
    @Test
    void wixlLinksTheSourceAndTheMsiTablesHoldTheRunKeyAndTheService(@TempDir Path tmp) throws Exception {
        Path image = tmp.resolve("image");
        for (String f : appImageFiles()) {
            Path p = image.resolve(f.replace('\\', '/'));
            Files.createDirectories(p.getParent());
            Files.writeString(p, "stand-in for " + f);
        }
        Document main = parse(WXS);
        for (String[] drop : new String[][] {{UTIL, "ServiceConfig"}, {WI, "IniFile"}, {WI, "CopyFile"}, {WI, "SetProperty"},
                {WI, "CustomAction"}, {WI, "InstallExecuteSequence"}}) {
            all(main, drop[0], drop[1]).forEach(e -> e.getParentNode().removeChild(e));
        }
        all(main, WI, "Condition").stream().filter(c -> c.getParentNode().getLocalName().equals("Component"))
                .forEach(c -> c.getParentNode().removeChild(c));
        Path mainWxs = tmp.resolve("main.wxs");
        write(main, mainWxs);
        Path harvestWxs = tmp.resolve("appimage.wxs");
        write(filtered(heatOutput()), harvestWxs);
        Files.copy(DIR.resolve("site.properties"), tmp.resolve("site.properties"));
        Files.copy(Path.of("icons/secrecy-guard.ico"), tmp.resolve("secrecy-guard.ico"));
        Path msi = tmp.resolve("t.msi");
        run(tmp, "wixl", "-a", "x64", "-D", "AppImageDir=image", "-D", "ProductVersion=0.1.0", "-D", "SiteTemplate=site.properties",
                "-D", "IconFile=secrecy-guard.ico", "-o", msi.toString(), mainWxs.toString(), harvestWxs.toString());

        List<String[]> registry = table(tmp, msi, "Registry");
        assertTrue(registry.stream().anyMatch(r -> r[1].equals("2") && r[2].equals("SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run")
                && r[3].equals("SecrecyGuard") && r[4].equals("\"[INSTALLDIR]SecrecyGuard.exe\"")), "HKLM (2) Run key");
        String[] svc = table(tmp, msi, "ServiceInstall").get(0);
        assertEquals(List.of("SecrecyGuard", "16", "2", "LocalSystem", "GuardService"),
                List.of(svc[1], svc[3], svc[4], svc[8], svc[11]), "own process, auto start, LocalSystem");
        List<String[]> control = table(tmp, msi, "ServiceControl");
        // 162 = stop on install and uninstall, delete on uninstall; 1 = start on install
        assertEquals(List.of("162", "1"), control.stream().map(r -> r[2]).toList());
        List<String[]> files = table(tmp, msi, "File");
        assertEquals(1, files.stream().filter(r -> r[2].endsWith("SecrecyGuardService.exe")).count(), "installed once");
        assertEquals(appImageFiles().size() + 1, files.size(), "the app image and site.properties");
        List<String[]> dirs = table(tmp, msi, "Directory");
        assertTrue(dirs.stream().anyMatch(r -> r[0].equals("SITEDIR") && r[1].equals("CommonAppDataFolder")));
        assertTrue(dirs.stream().anyMatch(r -> r[0].equals("INSTALLDIR") && r[1].equals("ProgramFiles64Folder")));
        List<String[]> folders = table(tmp, msi, "CreateFolder");
        assertEquals(Set.of("SITEDIR", "STATEDIR", "RULESDIR", "RUNDIR"),
                new LinkedHashSet<>(folders.stream().map(r -> r[0]).toList()));
    }

    /** Writes {@code d} for wixl, which runs on Linux: the app image's paths with '/'. */
    static void write(Document d, Path file) throws Exception {
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(d), new StreamResult(out));
        Matcher m = Pattern.compile("Source=\"(\\$\\(var\\.AppImageDir\\)[^\"]*)\"").matcher(out.toString());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement("Source=\"" + m.group(1).replace('\\', '/') + "\""));
        }
        m.appendTail(sb);
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command[0] + " finished");
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
        return out;
    }

    /** A table of the MSI as msiinfo exports it: tab-separated, after the three header lines. */
    static List<String[]> table(Path dir, Path msi, String name) throws Exception {
        String[] lines = run(dir, "msiinfo", "export", msi.toString(), name).split("\r?\n");
        List<String[]> rows = new ArrayList<>();
        for (int i = 3; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                rows.add(lines[i].split("\t", -1));
            }
        }
        return rows;
    }
}
