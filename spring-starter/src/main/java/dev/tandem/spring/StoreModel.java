package dev.tandem.spring;

import dev.tandem.core.client.FgaClient;
import dev.tandem.core.model.AuthorizationModel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The store's own model in remote mode when {@code tandem.model} names a file: annotations are
 * checked against the file, and against this too, so that a file that has drifted from what the
 * server evaluates fails startup instead of every request naming the difference.
 */
final class StoreModel {

  private static final Log LOG = LogFactory.getLog(StoreModel.class);

  private StoreModel() {}

  /**
   * The model the remote client decides against — its pinned model, else the store's latest — or
   * null when there is nothing to compare (embedded mode, no {@code tandem.model}) or it cannot be
   * read now (then a warning says the check was skipped; requests still fail closed).
   */
  static @Nullable AuthorizationModel read(
      @Nullable TandemProperties properties, ObjectProvider<FgaClient> client) {
    if (properties == null
        || properties.getMode() != TandemProperties.Mode.REMOTE
        || properties.getModel() == null) {
      return null;
    }
    FgaClient fga = client.getIfAvailable();
    if (fga == null) {
      return null;
    }
    try {
      return fga.readDecisionModel();
    } catch (RuntimeException e) {
      LOG.warn(
          "annotations were checked against tandem.model only: the model of store '"
              + fga.storeId()
              + "' cannot be read now ("
              + e.getMessage()
              + ")");
      return null;
    }
  }
}
