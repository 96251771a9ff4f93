package dev.tandem.core.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.engine.CheckRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecksTest {

  @Test
  void addUniqueWhenTheSameCheckComesAgainThenSameIndexAtAnySize() {
    Checks checks = new Checks();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 20; i++) {
        assertThat(checks.addUnique(request("project:p" + i))).isEqualTo(i);
      }
    }
    assertThat(checks.size()).isEqualTo(20);
  }

  @Test
  void addUniqueWhenContextDiffersThenAnotherCheck() {
    Checks checks = new Checks();
    int first = checks.addUnique(request("project:a"));
    int other =
        checks.addUnique(
            new CheckRequest("project:a", "viewer", "user:alice", List.of(), Map.of("k", "v")));
    assertThat(other).isNotEqualTo(first);
    assertThat(checks.size()).isEqualTo(2);
  }

  private static CheckRequest request(String object) {
    return CheckRequest.of(object, "viewer", "user:alice");
  }
}
