package dev.tandem.core.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.core.model.AuthorizationModel;
import dev.tandem.core.model.ModelDsl;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class AdminJsonTest {

  private static final AuthorizationModel MODEL =
      ModelDsl.parse(
          """
          model
            schema 1.1
          type user
          type document
            relations
              define viewer: [user with recent]
          condition recent(age: int) {
            age < 3
          }
          """);

  @Test
  void writeModelRequestThenOmitsTheIdAndReadsBackToAnEqualModel() {
    ObjectNode body = AdminJson.writeModel(MODEL.withId("01ARZ3NDEKTSV4RRFFQ69G5FAV"));

    assertThat(body.has("id")).isFalse();
    assertThat(body.get("schema_version").asString()).isEqualTo("1.1");
    assertThat(AdminJson.readModel(Json.parseObject(Json.write(body)))).isEqualTo(MODEL);
  }

  @Test
  void modelResponseThenCarriesTheIdUnderAuthorizationModel() {
    AuthorizationModel stored = MODEL.withId("01ARZ3NDEKTSV4RRFFQ69G5FAV");

    ObjectNode body = AdminJson.writeModelResponse(stored);

    assertThat(body.get("authorization_model").get("id").asString())
        .isEqualTo("01ARZ3NDEKTSV4RRFFQ69G5FAV");
    assertThat(AdminJson.readModelResponse(Json.parseObject(Json.write(body)))).isEqualTo(stored);
  }

  @Test
  void modelsPageThenRoundTripsWithAnEmptyTokenMeaningTheLastPage() {
    List<AuthorizationModel> models =
        List.of(
            MODEL.withId("01ARZ3NDEKTSV4RRFFQ69G5FAW"), MODEL.withId("01ARZ3NDEKTSV4RRFFQ69G5FAV"));

    AdminJson.ModelPage last =
        AdminJson.readModels(Json.parseObject(Json.write(AdminJson.writeModels(models, null))));
    AdminJson.ModelPage more =
        AdminJson.readModels(Json.parseObject(Json.write(AdminJson.writeModels(models, "next"))));

    assertThat(last.models()).isEqualTo(models);
    assertThat(last.continuationToken()).isNull();
    assertThat(more.continuationToken()).isEqualTo("next");
  }

  @Test
  void modelIdAndCreateStoreBodiesThenRoundTrip() {
    assertThat(AdminJson.readModelId(AdminJson.writeModelId("01ARZ3NDEKTSV4RRFFQ69G5FAV")))
        .isEqualTo("01ARZ3NDEKTSV4RRFFQ69G5FAV");
    assertThat(AdminJson.readCreateStore(AdminJson.writeCreateStore("demo"))).isEqualTo("demo");
  }

  @Test
  void readResponsesWhenMalformedThenThrowMalformedJson() {
    assertThatThrownBy(() -> AdminJson.readModels(Json.parseObject("{}")))
        .isInstanceOf(MalformedJsonException.class);
    assertThatThrownBy(
            () ->
                AdminJson.readModelResponse(
                    Json.parseObject("{\"authorization_model\": {\"type_definitions\": 3}}")))
        .isInstanceOf(MalformedJsonException.class);
    assertThatThrownBy(
            () -> AdminJson.readModelId(Json.parseObject("{\"authorization_model_id\": 1}")))
        .isInstanceOf(MalformedJsonException.class);
  }
}
