package dev.tandem.jakarta;

import dev.tandem.core.client.Consistency;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.client.ForwardingFgaClient;
import dev.tandem.core.engine.BatchCheckItem;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.engine.CheckResult;
import dev.tandem.core.engine.ListObjectsRequest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the queries that reach the client. */
final class CountingFgaClient extends ForwardingFgaClient {

  final AtomicInteger queries = new AtomicInteger();

  CountingFgaClient(FgaClient delegate) {
    super(delegate);
  }

  @Override
  public CheckResult check(CheckRequest request, Consistency consistency) {
    queries.incrementAndGet();
    return super.check(request, consistency);
  }

  @Override
  public List<BatchCheckItem> batchCheck(List<CheckRequest> requests, Consistency consistency) {
    queries.incrementAndGet();
    return super.batchCheck(requests, consistency);
  }

  @Override
  public Set<String> listObjects(ListObjectsRequest request, Consistency consistency) {
    queries.incrementAndGet();
    return super.listObjects(request, consistency);
  }
}
