package dev.tandem.testkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.tuple.TupleKey;
import dev.tandem.testkit.TandemTest;
import org.junit.jupiter.api.Test;

// tag::annotation[]
@TandemTest(model = "classpath:testkit/model.fga", tuples = "classpath:testkit/tuples.yaml")
class DocumentAccessTest {

  @Test
  void ownerCanViewTheRoadmap(FgaClient fga) {
    CheckRequest anneViews = CheckRequest.of("document:roadmap", "viewer", "user:anne");

    assertThat(fga.check(anneViews).allowed()).isTrue();
  }

  @Test
  void grantWrittenByATestIsSeenByThatTestOnly(FgaClient fga) {
    CheckRequest eveViews = CheckRequest.of("document:roadmap", "viewer", "user:eve");
    assertThat(fga.check(eveViews).allowed()).isFalse();

    fga.write(WriteRequest.writes(TupleKey.of("document:roadmap", "viewer", "user:eve")));

    assertThat(fga.check(eveViews).allowed()).isTrue();
  }
}
// end::annotation[]
