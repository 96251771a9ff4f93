package dev.tandem.sample.data;

import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.ReadRequest;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.tuple.TupleKey;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Writes the sample's tuples ({@link SampleData#tuples()}) when the app starts, unless the store
 * already holds them: a remote store seeded by an earlier run is left as it is.
 */
@Component
public class Seeder implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(Seeder.class);
  private static final int MAX_PER_WRITE = 100;

  private final FgaClient fga;

  public Seeder(FgaClient fga) {
    this.fga = fga;
  }

  @Override
  public void afterPropertiesSet() {
    if (seeded()) {
      log.info("Store {} already holds the sample's tuples; not seeding", fga.storeId());
      return;
    }
    List<TupleKey> tuples = SampleData.tuples();
    for (int from = 0; from < tuples.size(); from += MAX_PER_WRITE) {
      List<TupleKey> chunk = tuples.subList(from, Math.min(tuples.size(), from + MAX_PER_WRITE));
      fga.write(new WriteRequest(chunk, List.of()));
    }
    log.info("Seeded store {} with {} tuples", fga.storeId(), tuples.size());
  }

  private boolean seeded() {
    return !fga.read(ReadRequest.of("organization:acme", "admin", "user:dave")).tuples().isEmpty();
  }
}
