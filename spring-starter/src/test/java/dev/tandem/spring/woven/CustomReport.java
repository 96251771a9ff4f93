package dev.tandem.spring.woven;

/**
 * An unannotated subclass of {@link ProjectReport}: the class-level requirement of its superclass
 * still applies to its override, for a bean as for a woven class (type-level requirements are
 * searched on the class that declares the method, then its supertypes). The aspect sees it because
 * the override's execution also has the signature {@code ProjectReport.summary}.
 */
public class CustomReport extends ProjectReport {

  @Override
  public String summary(String project) {
    return "custom summary of " + project;
  }
}
