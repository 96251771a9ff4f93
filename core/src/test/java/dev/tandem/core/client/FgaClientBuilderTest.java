package dev.tandem.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.FgaNotFoundException;
import dev.tandem.core.engine.CheckRequest;
import dev.tandem.core.model.ModelDsl;
import dev.tandem.core.store.EmbeddedStores;
import dev.tandem.core.tuple.TupleKey;
import org.junit.jupiter.api.Test;

class FgaClientBuilderTest {

  private static final String MODEL =
      """
      model
        schema 1.1
      type user
      type doc
        relations
          define viewer: [user]
      """;

  @Test
  void buildWhenNoBackendChosenThenFailsNamingTheFix() {
    assertThatThrownBy(() -> FgaClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("embedded()");
  }

  @Test
  void buildWhenEmbeddedWithoutStoreThenCreatesADefaultStore() {
    EmbeddedStores stores = new EmbeddedStores();
    FgaClient client = FgaClient.builder().embedded(stores).build();
    assertThat(stores.get(client.storeId()).name()).isEqualTo("default");
  }

  @Test
  void buildWhenStoreDoesNotExistThenFails() {
    assertThatThrownBy(() -> FgaClient.builder().embedded().storeId("01NOPE").build())
        .isInstanceOf(FgaNotFoundException.class);
  }

  @Test
  void buildWhenCacheAndCoalescingThenCacheIsOutermostAndAnswersAreRight() {
    FgaClient client =
        FgaClient.builder()
            .embedded()
            .cache(CacheOptions.defaults())
            .coalescing(CoalescingOptions.defaults())
            .build();
    assertThat(client).isInstanceOf(CachingFgaClient.class);
    client.writeAuthorizationModel(ModelDsl.parse(MODEL));
    client.write(WriteRequest.writes(TupleKey.of("doc:1", "viewer", "user:ann")));

    assertThat(client.check(CheckRequest.of("doc:1", "viewer", "user:ann")).allowed()).isTrue();
    assertThat(client.check(CheckRequest.of("doc:1", "viewer", "user:ann")).allowed()).isTrue();
    assertThat(((CachingFgaClient) client).stats().hitCount()).isEqualTo(1);

    client.write(WriteRequest.deletes(TupleKey.of("doc:1", "viewer", "user:ann")));
    assertThat(client.check(CheckRequest.of("doc:1", "viewer", "user:ann")).allowed()).isFalse();
  }

  @Test
  void buildWhenRemoteWithoutStoreIdThenFailsNamingTheFix() {
    assertThatThrownBy(
            () -> FgaClient.builder().remote(java.net.URI.create("http://127.0.0.1:1")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("storeId");
  }

  @Test
  void buildWhenRemoteThenTheClientIsRemote() {
    try (FgaClient client =
        FgaClient.builder()
            .remote(java.net.URI.create("http://127.0.0.1:1"))
            .storeId("01ARZ3NDEKTSV4RRFFQ69G5FAV")
            .build()) {
      assertThat(client).isInstanceOf(RemoteFgaClient.class);
      assertThat(client.storeId()).isEqualTo("01ARZ3NDEKTSV4RRFFQ69G5FAV");
    }
  }

  @Test
  void modelIdWhenPinnedThenEveryLayerReportsIt() {
    EmbeddedStores stores = new EmbeddedStores();
    FgaClient plain = FgaClient.builder().embedded(stores).build();
    FgaClient pinned =
        FgaClient.builder()
            .embedded(stores)
            .storeId(plain.storeId())
            .modelId("01ARZ3NDEKTSV4RRFFQ69G5FAV")
            .cache(CacheOptions.defaults())
            .coalescing(CoalescingOptions.defaults())
            .build();
    try (FgaClient remote =
        FgaClient.builder()
            .remote(java.net.URI.create("http://127.0.0.1:1"))
            .storeId("01ARZ3NDEKTSV4RRFFQ69G5FAV")
            .modelId("01BX5ZZKBKACTAV9WEVGEMMVRZ")
            .build()) {
      assertThat(plain.modelId()).isEmpty();
      assertThat(pinned).isInstanceOf(CachingFgaClient.class);
      assertThat(pinned.modelId()).contains("01ARZ3NDEKTSV4RRFFQ69G5FAV");
      assertThat(remote.modelId()).contains("01BX5ZZKBKACTAV9WEVGEMMVRZ");
    }
  }

  @Test
  void modelIdWhenEmptyStringThenLatest() {
    FgaClient client = FgaClient.builder().embedded().modelId("").build();
    assertThat(client.modelId()).isEmpty();
  }
}
