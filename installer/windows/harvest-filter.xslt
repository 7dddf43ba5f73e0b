<?xml version="1.0" encoding="UTF-8"?>
<!--
  Applied by heat (-t) to the harvest of the jpackage app image: drops SecrecyGuardService.exe, which
  secrecy-guard.wxs installs itself in the component that carries its ServiceInstall (an MSI service's
  program must be the key path of the service's own component). Everything else is kept as heat wrote it.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:wix="http://schemas.microsoft.com/wix/2006/wi">
  <xsl:output method="xml" indent="yes" encoding="UTF-8" />
  <xsl:variable name="service" select="'\SecrecyGuardService.exe'" />
  <xsl:key name="serviceComponent"
           match="wix:Component[wix:File[substring(@Source, string-length(@Source) - string-length($service) + 1) = $service]]"
           use="@Id" />

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()" />
    </xsl:copy>
  </xsl:template>

  <xsl:template match="wix:Component[key('serviceComponent', @Id)]" />
  <xsl:template match="wix:ComponentRef[key('serviceComponent', @Id)]" />
</xsl:stylesheet>
