package dev.tandem.sample.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the check that an agent's task is still live on every API call. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

  private final LiveTaskInterceptor liveTasks;

  WebConfig(LiveTaskInterceptor liveTasks) {
    this.liveTasks = liveTasks;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(liveTasks).addPathPatterns("/api/**");
  }
}
