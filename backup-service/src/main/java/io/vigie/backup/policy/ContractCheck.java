package io.vigie.backup.policy;

import io.vigie.kit.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Whether a policy's copies keep the contract: as many copies as promised, in as many distinct
 * datacenters, and, when an off-site copy is owed, at least one outside every datacenter the target
 * runs in. Each broken rule is one field error naming what to change.
 */
public final class ContractCheck {

  /** One copy as placed: its repository and that repository's datacenter. */
  public record Placement(UUID repositoryId, String datacenterCode) {}

  private ContractCheck() {}

  public static List<FieldError> check(
      Promise promise, Set<String> targetDatacenters, List<Placement> copies) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < copies.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (copies.get(i).repositoryId().equals(copies.get(j).repositoryId())) {
          errors.add(
              new FieldError(
                  "copies[" + i + "].repositoryId", "is already copies[" + j + "]'s repository"));
        }
      }
    }
    if (copies.size() < promise.copies()) {
      errors.add(
          new FieldError(
              "copies",
              "the contract promises "
                  + promise.copies()
                  + " copies; "
                  + copies.size()
                  + " given"));
    }
    Set<String> sites = new TreeSet<>();
    copies.forEach(c -> sites.add(c.datacenterCode()));
    if (sites.size() < promise.distinctSites()) {
      errors.add(
          new FieldError(
              "copies",
              "the contract promises copies in "
                  + promise.distinctSites()
                  + " distinct datacenters; these repositories are in "
                  + String.join(", ", sites)));
    }
    if (promise.offSite() && !copies.isEmpty() && targetDatacenters.containsAll(sites)) {
      errors.add(
          new FieldError(
              "copies",
              "the contract asks for a copy outside the target's datacenter ("
                  + String.join(", ", new LinkedHashSet<>(new TreeSet<>(targetDatacenters)))
                  + "); every copy is in "
                  + String.join(", ", sites)));
    }
    return errors;
  }
}
