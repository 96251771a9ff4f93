package dev.tandem.core.authz;

import dev.tandem.core.client.Consistency;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.ForwardingFgaClient;
import dev.tandem.core.client.ReadPage;
import dev.tandem.core.client.ReadRequest;
import dev.tandem.core.client.WriteRequest;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import dev.tandem.core.engine.ListObjectsRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the queries that reach the client, and keeps the checks sent. */
final class CountingFgaClient extends ForwardingFgaClient {

  final AtomicInteger checks = new AtomicInteger();
  final AtomicInteger batchChecks = new AtomicInteger();
  final AtomicInteger listObjects = new AtomicInteger();
  final AtomicInteger reads = new AtomicInteger();
  final AtomicInteger writes = new AtomicInteger();
  final List<CheckRequest> checksSent = Collections.synchronizedList(new ArrayList<>());

  CountingFgaClient(FgaClient delegate) {
    super(delegate);
  }

  /** Every call that asks or changes anything. */
  int calls() {
    return checks.get() + batchChecks.get() + listObjects.get() + reads.get() + writes.get();
  }

  void reset() {
    checks.set(0);
    batchChecks.set(0);
    listObjects.set(0);
    reads.set(0);
    writes.set(0);
    checksSent.clear();
  }

  @Override
  public CheckResult check(CheckRequest request, Consistency consistency) {
    checks.incrementAndGet();
    checksSent.add(request);
    return super.check(request, consistency);
  }

  @Override
  public List<BatchCheckItem> batchCheck(List<CheckRequest> requests, Consistency consistency) {
    batchChecks.incrementAndGet();
    checksSent.addAll(requests);
    return super.batchCheck(requests, consistency);
  }

  @Override
  public Set<String> listObjects(ListObjectsRequest request, Consistency consistency) {
    listObjects.incrementAndGet();
    return super.listObjects(request, consistency);
  }

  @Override
  public ReadPage read(ReadRequest request, Consistency consistency) {
    reads.incrementAndGet();
    return super.read(request, consistency);
  }

  @Override
  public void write(WriteRequest request) {
    writes.incrementAndGet();
    super.write(request);
  }
}
