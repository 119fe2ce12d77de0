package io.vigie.ticket.knowledge;

import io.smallrye.mutiny.Uni;
import io.vigie.kit.problem.ProblemException;
import io.vigie.ticket.inventory.KnownClient;
import io.vigie.ticket.inventory.KnownGuest;
import io.vigie.ticket.inventory.KnownHostedService;
import io.vigie.ticket.inventory.KnownServer;
import io.vigie.ticket.knowledge.ArticleViews.ArticleLinkRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Resolves what an article is about against the inventory read model: servers, VMs, hosted services
 * and clients must exist (and be labelled with their names); on an article a client reads
 * (visibility CLIENT) a VM, hosted service or client must be that client's, so no other client's
 * names appear in it. Alert rules, fingerprints and check names are names monitoring owns, checked
 * for shape only. A bad link is refused naming it ({@code links[1].target}).
 */
@ApplicationScoped
public class ArticleLinks {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:/ -]{0,199}");

  Uni<List<ArticleLink>> resolve(
      List<ArticleLinkRequest> wanted, ArticleVisibility visibility, String tenant) {
    Map<String, ArticleLink> unique = new LinkedHashMap<>();
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (int i = 0; i < wanted.size(); i++) {
      ArticleLinkRequest link = wanted.get(i);
      String field = "links[" + i + "].target";
      chain =
          chain.chain(
              () ->
                  one(link, visibility, tenant, field)
                      .invoke(found -> unique.putIfAbsent(found.kind + "|" + found.target, found))
                      .replaceWithVoid());
    }
    return chain.map(ignored -> new ArrayList<>(unique.values()));
  }

  private Uni<ArticleLink> one(
      ArticleLinkRequest link, ArticleVisibility visibility, String tenant, String field) {
    boolean ownOnly = visibility == ArticleVisibility.CLIENT;
    String target = link.target().strip();
    return switch (link.kind()) {
      case SERVER ->
          KnownServer.<KnownServer>findById(uuid(target, field))
              .map(
                  server -> {
                    if (server == null) {
                      throw ProblemException.invalidField(field, "no such server");
                    }
                    return ArticleLink.of(null, link.kind(), server.id.toString(), server.hostname);
                  });
      case VIRTUAL_MACHINE ->
          KnownGuest.<KnownGuest>findById(uuid(target, field))
              .map(
                  guest -> {
                    if (guest == null || (ownOnly && !guest.tenant.equals(tenant))) {
                      throw ProblemException.invalidField(field, "no such virtual machine");
                    }
                    return ArticleLink.of(null, link.kind(), guest.id.toString(), guest.name);
                  });
      case HOSTED_SERVICE ->
          KnownHostedService.<KnownHostedService>findById(uuid(target, field))
              .map(
                  service -> {
                    if (service == null || (ownOnly && !service.tenant.equals(tenant))) {
                      throw ProblemException.invalidField(field, "no such hosted service");
                    }
                    return ArticleLink.of(null, link.kind(), service.id.toString(), service.name);
                  });
      case CLIENT ->
          KnownClient.byCode(target)
              .map(
                  client -> {
                    if (client == null || (ownOnly && !client.code.equals(tenant))) {
                      throw ProblemException.invalidField(field, "no such client");
                    }
                    return ArticleLink.of(null, link.kind(), client.code, client.name);
                  });
      case ALERT_RULE, ALERT_FINGERPRINT, CHECK -> {
        if (!NAME.matcher(target).matches()) {
          throw ProblemException.invalidField(
              field, "letters, digits, '_', '.', ':', '/', '-' and spaces, up to 200");
        }
        yield Uni.createFrom().item(ArticleLink.of(null, link.kind(), target, null));
      }
    };
  }

  private static UUID uuid(String value, String field) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(field, "must be a UUID");
    }
  }
}
