package dev.tandem.spring;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationListener;

/** Logs every {@link TandemDecisionEvent} at INFO on the logger {@code dev.tandem.audit}. */
public final class TandemAuditLog implements ApplicationListener<TandemDecisionEvent> {

  /** The name of the audit logger. */
  public static final String LOGGER = "dev.tandem.audit";

  private static final Log LOG = LogFactory.getLog(LOGGER);

  @Override
  public void onApplicationEvent(TandemDecisionEvent event) {
    if (LOG.isInfoEnabled()) {
      LOG.info(event.toString());
    }
  }
}
