package dev.tandem.spring;

import dev.tandem.core.annotation.Requirements;
import dev.tandem.core.client.FgaClient;
import dev.tandem.core.model.AuthorizationModel;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Checks every bean's annotated methods once all singletons exist, with annotations found along the
 * type hierarchy (interface methods a bean method implements, methods it overrides, supertypes of
 * its class): the relation exists on the declared or inferred type, {@code on} parses and reads
 * only parameters, the method can be intercepted, opt-outs do not contradict requirements, two
 * supertypes do not declare different things for one method, and each singleton with enforced
 * methods is really advised by the {@link TandemMethodAdvisor}. In remote mode with {@code
 * tandem.model} set, the methods are also checked against the store's own model when it can be
 * read. Every problem is reported in one exception and the context fails to start; enforcement is
 * never skipped silently.
 */
final class TandemStartupValidator implements SmartInitializingSingleton {

  private final ConfigurableListableBeanFactory beans;
  private final ObjectProvider<AuthorizationModel> model;
  private final ObjectProvider<ActorResolver> actors;
  private final TandemMethodAdvisor advisor;
  private final ObjectProvider<TandemProperties> properties;
  private final ObjectProvider<FgaClient> client;

  TandemStartupValidator(
      ConfigurableListableBeanFactory beans,
      ObjectProvider<AuthorizationModel> model,
      ObjectProvider<ActorResolver> actors,
      TandemMethodAdvisor advisor,
      ObjectProvider<TandemProperties> properties,
      ObjectProvider<FgaClient> client) {
    this.beans = beans;
    this.model = model;
    this.actors = actors;
    this.advisor = advisor;
    this.properties = properties;
    this.client = client;
  }

  @Override
  public void afterSingletonsInstantiated() {
    List<String> problems = new ArrayList<>();
    Set<Method> enforced = new LinkedHashSet<>();
    AuthorizationModel loaded = null;
    for (String name : beans.getBeanDefinitionNames()) {
      BeanDefinition definition = beans.getMergedBeanDefinition(name);
      if (definition.getRole() == BeanDefinition.ROLE_INFRASTRUCTURE || definition.isAbstract()) {
        continue;
      }
      Class<?> type = beans.getType(name, false);
      if (type == null) {
        continue;
      }
      Class<?> user = ClassUtils.getUserClass(type);
      boolean beanEnforced = false;
      for (Method method : ReflectionUtils.getUniqueDeclaredMethods(user)) {
        String contradiction = Requirements.contradiction(method);
        if (contradiction != null && !MethodPlan.enforced(method)) {
          problems.add(contradiction);
        }
        if (!MethodPlan.enforced(method) || !enforced.add(method)) {
          continue;
        }
        beanEnforced = true;
        if (loaded == null) {
          loaded = model(problems);
          if (loaded == null) {
            break;
          }
        }
        MethodPlan.compile(method, loaded, problems);
      }
      if (beanEnforced && definition.isSingleton() && !definition.isLazyInit()) {
        checkAdvised(name, problems);
      }
    }
    if (!enforced.isEmpty() && loaded != null) {
      checkAgainstStore(enforced, problems);
    }
    if (!enforced.isEmpty() && actors.getIfAvailable() == null) {
      problems.add(
          "no ActorResolver bean: add spring-security-oauth2-resource-server, or define an"
              + " ActorResolver bean");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "Tandem cannot enforce the authorization declared on "
              + enforced.size()
              + " method(s); "
              + problems.size()
              + " problem(s):\n  - "
              + String.join("\n  - ", new LinkedHashSet<>(problems)));
    }
  }

  /** In remote mode with a model file, the methods checked against the store's model too. */
  private void checkAgainstStore(Set<Method> enforced, List<String> problems) {
    AuthorizationModel store = StoreModel.read(properties.getIfAvailable(), client);
    if (store == null) {
      return;
    }
    List<String> found = new ArrayList<>();
    for (Method method : enforced) {
      MethodPlan.compile(method, store, found);
    }
    for (String problem : found) {
      problems.add(
          "against the model of the store ('"
              + store.id()
              + "'), which differs from tandem.model: "
              + problem);
    }
  }

  private @org.jspecify.annotations.Nullable AuthorizationModel model(List<String> problems) {
    try {
      AuthorizationModel found = model.getIfAvailable();
      if (found == null) {
        problems.add(
            "no authorization model: set tandem.model, or define an AuthorizationModel bean");
      }
      return found;
    } catch (BeanCreationException e) {
      problems.add("the authorization model cannot be loaded: " + e.getMostSpecificCause());
      return null;
    }
  }

  private void checkAdvised(String name, List<String> problems) {
    Object bean = beans.getBean(name);
    if (AopUtils.isAopProxy(bean) && bean instanceof Advised advised) {
      for (Advisor candidate : advised.getAdvisors()) {
        if (candidate == advisor) {
          return;
        }
      }
    }
    problems.add(
        "bean '"
            + name
            + "' declares @RequiresRelation or @AuthenticatedOnly but is not advised by Tandem"
            + " (is an auto-proxy creator disabled, or the bean created before it?)");
  }
}
