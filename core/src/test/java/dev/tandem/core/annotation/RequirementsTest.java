package dev.tandem.core.annotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class RequirementsTest {

  @Retention(RetentionPolicy.RUNTIME)
  @RequiresRelation(value = "can_create_ticket", on = "#projectId", type = "project")
  @interface CanCreateTicket {}

  @Retention(RetentionPolicy.RUNTIME)
  @CanCreateTicket
  @RequiresRelation(value = "member", on = "#teamId", type = "team")
  @interface TeamTicketWriter {}

  @RequiresRelation(value = "can_use_api", on = "'acme'", type = "organization")
  static class Guarded {
    void plain() {}
  }

  static class Endpoints {
    @RequiresRelation(value = "can_view", on = "#id")
    void single(String id) {}

    @RequiresRelation(value = "can_view", on = "#id")
    @RequiresRelation(value = "can_edit", on = "#id")
    void repeated(String id) {}

    @CanCreateTicket
    void meta(String projectId) {}

    @TeamTicketWriter
    void nestedMeta(String projectId, String teamId) {}

    @PublicEndpoint
    void open() {}

    @AuthenticatedOnly
    void signedIn() {}

    void nothing() {}

    @PublicEndpoint
    @RequiresRelation(value = "can_view", on = "#id")
    void contradictory(String id) {}
  }

  @Test
  void ofWhenRepeatedThenAllAreReturned() throws Exception {
    assertThat(Requirements.of(method("repeated", String.class)))
        .extracting(RequiresRelation::value)
        .containsExactly("can_view", "can_edit");
  }

  @Test
  void ofWhenMetaAnnotatedThenRequirementComesFromTheMetaAnnotation() throws Exception {
    assertThat(Requirements.of(method("meta", String.class)))
        .singleElement()
        .satisfies(r -> assertThat(r.type()).isEqualTo("project"));
  }

  @Test
  void ofWhenMetaAnnotationsNestThenEveryLevelCounts() throws Exception {
    assertThat(Requirements.of(method("nestedMeta", String.class, String.class)))
        .extracting(RequiresRelation::value)
        .containsExactlyInAnyOrder("can_create_ticket", "member");
  }

  @Test
  void ofWhenTypeIsAnnotatedThenItsRequirementAppliesToEveryMethod() throws Exception {
    assertThat(Requirements.of(Guarded.class.getDeclaredMethod("plain")))
        .extracting(RequiresRelation::value)
        .containsExactly("can_use_api");
  }

  @Test
  void kindWhenOptedOutOrUnannotatedThenSaysWhich() throws Exception {
    assertThat(Requirements.kind(method("single", String.class)))
        .isEqualTo(Requirements.Kind.RELATIONS);
    assertThat(Requirements.kind(method("open"))).isEqualTo(Requirements.Kind.PUBLIC);
    assertThat(Requirements.kind(method("signedIn")))
        .isEqualTo(Requirements.Kind.AUTHENTICATED_ONLY);
    assertThat(Requirements.kind(method("nothing"))).isEqualTo(Requirements.Kind.NONE);
  }

  @Test
  void contradictionWhenRelationAndOptOutOnOneMethodThenReported() throws Exception {
    assertThat(Requirements.contradiction(method("contradictory", String.class)))
        .contains("opt-out");
    assertThat(Requirements.contradiction(method("single", String.class))).isNull();
  }

  private static Method method(String name, Class<?>... parameters) throws Exception {
    return Endpoints.class.getDeclaredMethod(name, parameters);
  }
}
