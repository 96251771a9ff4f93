package dev.tandem.core.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's memory target, checked at a size a unit test can afford. The store takes 83 to 85
 * bytes a tuple with G1 (77 with the parallel collector), both at 200,000 and at 1,000,000 tuples
 * (see {@link TupleStoreMemoryReport}), so the margin absorbs heap accounting noise.
 */
class InMemoryTupleStoreMemoryTest {

  @Test
  void loadWhenTwoHundredThousandHierarchyTuplesThenAtMostOneHundredFiftyBytesEach() {
    HierarchyTuples data = new HierarchyTuples(200_000);
    long before = TupleStoreMemoryReport.usedHeapAfterGc();

    InMemoryTupleStore store = new InMemoryTupleStore();
    data.load(store);
    long after = TupleStoreMemoryReport.usedHeapAfterGc();

    assertThat(store.size()).isEqualTo(200_000);
    assertThat((after - before) / (double) store.size()).isLessThanOrEqualTo(150.0);
    Reference.reachabilityFence(store);
  }
}
