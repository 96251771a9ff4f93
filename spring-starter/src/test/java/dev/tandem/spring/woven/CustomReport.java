package dev.tandem.spring.woven;

/**
 * An unannotated subclass of {@link ProjectReport}: the class-level requirement of its superclass
 * does not apply to its override, for a bean as for a woven class (requirements are read on the
 * class that declares the method).
 */
public class CustomReport extends ProjectReport {

  @Override
  public String summary(String project) {
    return "custom summary of " + project;
  }
}
