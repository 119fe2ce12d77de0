package io.vigie.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The knowledge base the search benchmark loads: ticket-service's {@code SearchQualityTest} corpus
 * (its 24 target articles and their 42 queries, in French and English, with and without accents,
 * among distractors of ten kinds that share their vocabulary: monthly operations logs that mention
 * every problem in passing, planned interventions, configuration changes, hardware inventories,
 * on-call contacts), scaled up from 20 hosts to as many as make the requested article count, spread
 * over the clients (each host belongs to one), with bodies of realistic length: each distractor
 * also carries a few paragraphs of operations prose and a Markdown checklist, so an article is
 * 100–300 words as in a real knowledge base rather than the test's one sentence.
 *
 * <p>The targets, their queries, the hosts and the distractors' first paragraphs are read from the
 * test's own data, {@link #FILE}: one corpus for the test and the benchmark.
 */
final class SearchCorpus {

  /** The quality test's corpus, relative to the repository's root. */
  static final Path FILE =
      Path.of("ticket-service/src/test/resources/knowledge/search-corpus.json");

  /** An article as {@code POST /api/v1/articles} takes it. */
  record Article(
      String kind,
      String visibility,
      String tenant,
      String language,
      String title,
      String body,
      List<String> queries) {}

  /** A target of the quality test: the article each of its queries must rank first. */
  record Target(String language, String title, String body, List<String> queries) {}

  /** A distractor of the test, written once per host; {@code {host}} stands for the host. */
  record Distractor(String language, String title, String body) {}

  /** The file's shape. */
  private record Data(List<String> hosts, List<Target> targets, List<Distractor> distractors) {}

  /**
   * What people type besides the quality queries: quoted phrases, single broad words (which match
   * hundreds of articles: the costly case, every match is ranked), an exclusion and an "or", and
   * typos. The search has no fuzzy matching (PostgreSQL full text: stems, no trigrams), so a
   * misspelt word matches nothing and, the words being ANDed, neither does its query.
   */
  static final List<String> EXTRA_QUERIES =
      List.of(
          "\"disque plein\"",
          "\"replication lag\"",
          "\"certificat expiré\"",
          "\"load balancer\"",
          "sauvegarde",
          "backup",
          "nginx",
          "serveur",
          "certificate",
          "redémarrage",
          "certificat -nginx",
          "backup or restore",
          "sauvgarde echouee",
          "certficate expired",
          "replicaton lag");

  private static final List<String> FR_PARAGRAPHS =
      List.of(
          "Avant toute intervention, prévenir le client par le portail et ouvrir un ticket de"
              + " changement ; noter l'heure de début et de fin dans le cahier d'exploitation.",
          "Les journaux système sont centralisés : chercher d'abord les erreurs du noyau, puis"
              + " celles du service concerné, avant de redémarrer quoi que ce soit.",
          "La supervision remonte la charge, l'espace disque, la mémoire et les temps de réponse"
              + " HTTP toutes les minutes ; une alerte critique réveille l'astreinte.",
          "Les sauvegardes tournent chaque nuit avec une rétention de trente jours et une copie"
              + " dans le second centre de données ; un test de restauration a lieu chaque mois.",
          "Le répartiteur de charge retire un frontal qui ne répond plus au contrôle de santé ;"
              + " le remettre en service seulement après vérification des journaux applicatifs.",
          "Les mises à jour de sécurité sont appliquées le mardi soir, hors période de soldes,"
              + " après validation sur la préproduction du client.",
          "Le pare-feu n'autorise que les flux documentés dans la matrice de flux du client ;"
              + " toute exception est datée et revue au comité mensuel.",
          "En cas de doute, escalader au niveau 2 plutôt que de tenter une manipulation risquée"
              + " en production, et consigner chaque commande passée dans le ticket.");

  private static final List<String> EN_PARAGRAPHS =
      List.of(
          "Before any intervention, tell the client through the portal and open a change ticket;"
              + " write the start and end times in the operations log.",
          "System logs are centralised: look for kernel errors first, then for the service's own,"
              + " before restarting anything at all.",
          "Monitoring collects load, disk space, memory and HTTP response times every minute; a"
              + " critical alert pages the engineer on call.",
          "Backups run every night with thirty days of retention and a copy in the second data"
              + " centre; a restore test is run every month.",
          "The load balancer takes a web node out when it fails its health check; put it back only"
              + " after reading the application logs.",
          "Security updates are applied on Tuesday evenings, outside the sales season, once"
              + " validated on the client's staging platform.",
          "The firewall only allows the flows documented in the client's flow matrix; every"
              + " exception is dated and reviewed at the monthly meeting.",
          "When in doubt, escalate to level 2 rather than attempt a risky change in production,"
              + " and record every command run in the ticket.");

  private final Data data;

  private SearchCorpus(Data data) {
    this.data = data;
  }

  /** The corpus of the repository at {@code root}. */
  static SearchCorpus load(Path root) throws IOException {
    return new SearchCorpus(new ObjectMapper().readValue(root.resolve(FILE).toFile(), Data.class));
  }

  /** The articles the quality queries are about, written first. */
  List<Target> targets() {
    return data.targets();
  }

  /** How many hosts' distractors {@code corpus} (made by {@link #articles}) holds. */
  int hosts(List<Article> corpus) {
    return (corpus.size() - data.targets().size()) / data.distractors().size();
  }

  /** The 42 quality queries, each with the title of the article it must rank first. */
  Map<String, String> qualityQueries() {
    Map<String, String> expected = new LinkedHashMap<>();
    for (Target t : data.targets()) {
      t.queries().forEach(q -> expected.put(q, t.title()));
    }
    return expected;
  }

  /** Every query of the load: the quality queries, then the extra ones. */
  List<String> loadQueries() {
    List<String> all = new ArrayList<>(qualityQueries().keySet());
    all.addAll(EXTRA_QUERIES);
    return all;
  }

  /**
   * About {@code articles} articles (the 24 targets, then ten per host, rounded up to a whole
   * host): the targets alternate public and internal; each host belongs to the client {@code
   * tenants[host mod size]}: its monthly logs, planned interventions and hardware inventories are
   * that client's, one host's interventions in ten are public (a shared platform's), its
   * configuration changes and on-call contacts are internal.
   */
  List<Article> articles(int articles, List<String> tenants) {
    List<Target> targets = data.targets();
    List<String> hosts = data.hosts();
    int templates = data.distractors().size();
    List<Article> all = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      all.add(
          new Article(
              i % 2 == 0 ? "RUNBOOK" : "SOLUTION",
              i % 2 == 0 ? "PUBLIC" : "INTERNAL",
              null,
              t.language(),
              t.title(),
              t.body(),
              t.queries()));
    }
    int count = Math.max(1, (articles - targets.size() + templates - 1) / templates);
    for (int n = 0; n < count; n++) {
      String host =
          hosts.get(n % hosts.size()) + (n < hosts.size() ? "" : "-" + (n / hosts.size() + 1));
      String tenant = tenants.get(n % tenants.size());
      for (int template = 0; template < templates; template++) {
        all.add(distractor(n, template, host, tenant));
      }
    }
    return all;
  }

  private Article distractor(int n, int template, String host, String tenant) {
    Distractor text = data.distractors().get(template);
    String language = text.language();
    String kind;
    String visibility;
    switch (template / 2) {
      case 0 -> {
        kind = "PLATFORM_DOCUMENTATION";
        visibility = "CLIENT";
      }
      case 1 -> {
        kind = "ANNOUNCEMENT";
        visibility = n % 10 == 0 ? "PUBLIC" : "CLIENT";
      }
      case 2 -> {
        kind = "SOLUTION";
        visibility = "INTERNAL";
      }
      case 3 -> {
        kind = "PLATFORM_DOCUMENTATION";
        visibility = "CLIENT";
      }
      default -> {
        kind = "RUNBOOK";
        visibility = "INTERNAL";
      }
    }
    return new Article(
        kind,
        visibility,
        visibility.equals("PUBLIC") ? null : tenant,
        language,
        text.title().replace("{host}", host),
        longBody(
            text.body().replace("{host}", host),
            language,
            n * data.distractors().size() + template),
        List.of());
  }

  /** The body of the test's distractor, then 2–5 paragraphs and a checklist, picked by seed. */
  static String longBody(String first, String language, int seed) {
    List<String> pool = language.equals("FR") ? FR_PARAGRAPHS : EN_PARAGRAPHS;
    StringBuilder body = new StringBuilder(first).append("\n\n");
    body.append(language.equals("FR") ? "## Contexte\n\n" : "## Context\n\n");
    int paragraphs = 2 + Math.floorMod(seed * 31, 4);
    for (int p = 0; p < paragraphs; p++) {
      body.append(pool.get(Math.floorMod(seed * 7 + p * 3, pool.size()))).append("\n\n");
    }
    body.append(language.equals("FR") ? "## Vérifications\n\n" : "## Checks\n\n");
    List<String> checks =
        language.equals("FR")
            ? List.of(
                "- [ ] ticket de changement ouvert",
                "- [ ] client prévenu",
                "- [ ] supervision en maintenance",
                "- [ ] retour à la normale vérifié")
            : List.of(
                "- [ ] change ticket open",
                "- [ ] client told",
                "- [ ] monitoring silenced",
                "- [ ] back to normal checked");
    checks.forEach(c -> body.append(c).append('\n'));
    return body.toString();
  }

  /** Word count of a text, for the report's description of the corpus. */
  static int words(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
  }

  static String describe(List<Article> articles) {
    Map<String, Integer> byVisibility = new LinkedHashMap<>();
    Map<String, Integer> byLanguage = new LinkedHashMap<>();
    long words = 0;
    for (Article a : articles) {
      byVisibility.merge(a.visibility(), 1, Integer::sum);
      byLanguage.merge(a.language(), 1, Integer::sum);
      words += words(a.body());
    }
    return String.format(
        Locale.ROOT,
        "%d articles (%s; %s), %.0f words per body on average",
        articles.size(),
        byLanguage,
        byVisibility,
        articles.isEmpty() ? 0.0 : (double) words / articles.size());
  }
}
