package dev.tandem.core.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.core.actor.Actor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Level 2, service accounts: grants per tenant, and the tenant claim must match. */
class ServiceAccountAuthorizationTest {

  private final ProjectManagement pm = new ProjectManagement();
  private final Actor acmeCi = Actor.serviceAccount("acme-ci").inTenant("acme");

  @Test
  void decideWhenServiceAccountReadsInItsTenantThenGranted() {
    assertThat(pm.authorizer.decide(acmeCi, "can_view", "ticket:s1").granted()).isTrue();
    assertThat(pm.authorizer.decide(acmeCi, "can_view", "project:apollo").granted()).isTrue();
  }

  @Test
  void decideWhenServiceAccountReaderTriesToWriteThenDeniedNamingServiceAccount() {
    Decision decision = pm.authorizer.decide(acmeCi, "can_create_ticket", "project:apollo");

    assertThat(decision.denials())
        .containsExactly(new Denial(PrincipalRole.SERVICE_ACCOUNT, DenialReason.NOT_GRANTED));
  }

  @Test
  void decideWhenServiceAccountReadsOtherTenantsProjectThenDenied() {
    Decision decision = pm.authorizer.decide(acmeCi, "can_view", "project:gproj");

    assertThat(decision.denials())
        .containsExactly(new Denial(PrincipalRole.SERVICE_ACCOUNT, DenialReason.NOT_GRANTED));
  }

  @Test
  void decideWhenOtherTenantsServiceAccountIsGivenAReaderTupleHereThenStillDenied() {
    pm.write(List.of(ProjectManagement.tuple("organization:acme", "reader", "client:globex-ci")));
    Actor globexCi = Actor.serviceAccount("globex-ci").inTenant("globex");

    assertThat(pm.authorizer.decide(globexCi, "can_view", "project:apollo").granted()).isFalse();
    assertThat(pm.authorizer.decide(globexCi, "can_view", "project:gproj").granted()).isTrue();
  }

  @Test
  void decideWhenTenantClaimNamesAnotherTenantThenDeniedTenantMismatch() {
    Actor claimsGlobex = Actor.serviceAccount("acme-ci").inTenant("globex");

    Decision decision = pm.authorizer.decide(claimsGlobex, "can_view", "project:apollo");

    assertThat(decision.denials())
        .containsExactly(new Denial(PrincipalRole.SERVICE_ACCOUNT, DenialReason.TENANT_MISMATCH));
  }

  @Test
  void decideWhenServiceAccountNamesNoTenantThenDeniedWithoutAnyCall() {
    Decision decision =
        pm.authorizer.decide(Actor.serviceAccount("acme-ci"), "can_view", "project:apollo");

    assertThat(decision.denials())
        .containsExactly(new Denial(PrincipalRole.SERVICE_ACCOUNT, DenialReason.TENANT_MISMATCH));
    assertThat(pm.client.calls()).isZero();
  }

  @Test
  void decideWhenTenantBindingDisabledThenOnlyTheModelDecides() {
    Authorizer unbound =
        Authorizer.builder(pm.client)
            .clock(pm.clock)
            .conventions(Conventions.DEFAULT.withTenant(null))
            .build();

    assertThat(unbound.decide(Actor.serviceAccount("acme-ci"), "can_view", "project:apollo"))
        .isInstanceOf(Decision.Granted.class);
    assertThat(unbound.decide(Actor.serviceAccount("acme-ci"), "can_view", "project:gproj"))
        .isInstanceOf(Decision.Denied.class);
  }

  @Test
  void listObjectsWhenServiceAccountListsProjectsThenOnlyItsTenants() {
    assertThat(pm.authorizer.listObjects(acmeCi, "can_view", "project"))
        .containsExactlyInAnyOrder(
            "project:apollo", "project:zeus", "project:secret", "project:handbook");
  }
}
