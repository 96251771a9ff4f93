package dev.tandem.jakarta;

import jakarta.servlet.Filter;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** A real embedded Tomcat 11 {@link TestContainer}. */
final class TomcatServer implements TestContainer {

  private final AtomicInteger handled = new AtomicInteger();
  private final Tomcat tomcat = new Tomcat();
  private final Connector connector = new Connector();
  private final Path baseDir;

  /**
   * A server; a lenient one decodes encoded slashes and backslashes, accepts a raw backslash as a
   * separator, lets the characters of {@code relaxedPathChars} through, and allows several leading
   * slashes.
   */
  TomcatServer(Filter filter, boolean lenient) throws Exception {
    tomcat.setSilent(true);
    baseDir = Files.createTempDirectory("tomcat");
    tomcat.setBaseDir(baseDir.toString());
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    if (lenient) {
      connector.setEncodedSolidusHandling("decode");
      connector.setEncodedReverseSolidusHandling("decode");
      connector.setAllowBackslash(true);
      connector.setProperty("relaxedPathChars", "\\\"<>[]^`{|}");
    }
    tomcat.setConnector(connector);
    Context context = tomcat.addContext(CONTEXT, null);
    if (lenient) {
      context.setAllowMultipleLeadingForwardSlashInPath(true);
    }
    FilterDef filterDef = new FilterDef();
    filterDef.setFilterName("tandem");
    filterDef.setFilter(filter);
    context.addFilterDef(filterDef);
    FilterMap filterMap = new FilterMap();
    filterMap.setFilterName("tandem");
    filterMap.addURLPatternDecoded("/*");
    filterMap.setDispatcher("REQUEST");
    context.addFilterMap(filterMap);
    Tomcat.addServlet(context, "echo", new EchoServlet(handled));
    context.addServletMappingDecoded("/*", "echo");
    tomcat.start();
  }

  @Override
  public AtomicInteger handled() {
    return handled;
  }

  @Override
  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    tomcat.stop();
    tomcat.destroy();
    try (Stream<Path> files = Files.walk(baseDir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
