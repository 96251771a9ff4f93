package dev.tandem.jakarta;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records of one {@code System.Logger}, routed to java.util.logging (the JDK's default
 * backend), from {@link #start} to {@link #close}.
 */
final class CapturedLog implements AutoCloseable {

  final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Logger logger;
  private final Level previous;
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private CapturedLog(String name, Level level) {
    logger = Logger.getLogger(name);
    previous = logger.getLevel();
    logger.setLevel(level);
    capture.setLevel(Level.ALL);
    logger.addHandler(capture);
  }

  /** Captures what {@code name} logs at {@code level} and above. */
  static CapturedLog start(String name, Level level) {
    return new CapturedLog(name, level);
  }

  /** The messages, formatted as java.util.logging's {@code SimpleFormatter} would. */
  List<String> messages() {
    return records.stream().map(CapturedLog::format).toList();
  }

  static String format(LogRecord record) {
    return new java.util.logging.SimpleFormatter().formatMessage(record);
  }

  @Override
  public void close() {
    logger.removeHandler(capture);
    logger.setLevel(previous);
  }
}
