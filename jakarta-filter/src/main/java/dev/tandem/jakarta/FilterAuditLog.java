package dev.tandem.jakarta;

import java.lang.System.Logger.Level;

/**
 * Logs every {@link FilterDecision} at INFO on the {@code System.Logger} named {@value #LOGGER},
 * the logger of the Spring starter's audit, in the same format: one line per requirement decided
 * ({@code decision denied actor=[user:alice via client:slack] relation=can_create_ticket
 * object=project:apollo denied=[CONSENT]}), followed by {@code method=}, {@code rule=[...]}, {@code
 * status=} ({@code -} when the request was let through), {@code refusal=} and {@code latency=};
 * {@code relation=-} and {@code object=-} when nothing was checked. Values from the request are
 * escaped: no value can end its field or start a new line.
 *
 * <p>A {@link TandemFilter} registers one by default; {@link TandemFilter.Builder#auditLog
 * auditLog(false)} turns it off.
 */
public final class FilterAuditLog implements DecisionListener {

  /** The name of the audit logger, as in the Spring starter. */
  public static final String LOGGER = "dev.tandem.audit";

  private static final System.Logger LOG = System.getLogger(LOGGER);

  /** An audit log on {@value #LOGGER}. */
  public FilterAuditLog() {}

  @Override
  public void onDecision(FilterDecision decision) {
    if (LOG.isLoggable(Level.INFO)) {
      for (String line : AuditLines.of(decision)) {
        LOG.log(Level.INFO, line);
      }
    }
  }
}
