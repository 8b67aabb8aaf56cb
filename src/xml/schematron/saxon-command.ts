/**
 * How konform starts Saxon-HE: which java and jar, and the command line that transforms a
 * folder of documents with one stylesheet.
 *
 * Saxon reads nothing but the documents and the stylesheet: the JDK's own XML parser is used
 * (Debian's Saxon jar would otherwise load Apache Xerces, which resolves external entities)
 * with external DTDs and entities refused (JAXP `accessExternalDTD`/`accessExternalSchema`
 * empty) and elements nested no deeper than konform's parser allows; every HTTP(S)/FTP
 * connection goes to a closed local port (no exceptions); extension functions and
 * `xsl:result-document` are off (`-ext:off`), as are XInclude and DTD validation.
 */
import { MAX_DEPTH } from '../limits.js';

export interface SaxonOptions {
  /** The java command; default `$KONFORM_JAVA` or `java`. */
  java?: string;
  /** Saxon-HE's jar; default `$KONFORM_SAXON_JAR` or Debian's /usr/share/java/Saxon-HE.jar. */
  jar?: string;
}

/** Measured for short batch runs: C1 only and the serial collector start fastest (bench/xrechnung.ts). */
const JVM_TUNING = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xshare:auto'];
const NO_PROXY_EXCEPTIONS = ['http', 'https', 'ftp'].flatMap((scheme) => [
  `-D${scheme}.proxyHost=127.0.0.1`,
  `-D${scheme}.proxyPort=1`,
  ...(scheme === 'https' ? [] : [`-D${scheme}.nonProxyHosts=`]),
]);
const JVM_FENCES = [
  '-Djavax.xml.parsers.SAXParserFactory=com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl',
  '-Djavax.xml.accessExternalDTD=',
  '-Djavax.xml.accessExternalSchema=',
  `-Djdk.xml.maxElementDepth=${MAX_DEPTH}`,
  ...NO_PROXY_EXCEPTIONS,
];
const SAXON_OPTIONS = ['-dtd:off', '-ext:off', '-xi:off', '-versionmsg:off', '-warnings:silent'];

/** The java command and Saxon jar to use: given, from the environment, or Debian's. */
export function saxonCommand(options: SaxonOptions = {}): Required<SaxonOptions> {
  return {
    java: options.java ?? process.env.KONFORM_JAVA ?? 'java',
    jar: options.jar ?? process.env.KONFORM_SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar',
  };
}

/** The command line that transforms every file of `input` into `output`, fences included. */
export function saxonArguments(jar: string, stylesheet: string, input: string, output: string): string[] {
  return [...JVM_TUNING, ...JVM_FENCES, '-cp', jar, 'net.sf.saxon.Transform', ...SAXON_OPTIONS, `-s:${input}`, `-o:${output}`, `-xsl:${stylesheet}`];
}
