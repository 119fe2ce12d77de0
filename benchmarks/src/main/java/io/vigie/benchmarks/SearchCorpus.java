package io.vigie.benchmarks;

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
 * <p>The target texts and queries are the test's (ticket-service/src/test/java/.../knowledge/
 * SearchQualityTest.java); when they change there, change them here.
 */
final class SearchCorpus {

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

  static final List<Target> TARGETS =
      List.of(
          new Target(
              "FR",
              "Sauvegarde échouée sur le serveur de fichiers",
              "Quand la sauvegarde nocturne a échoué, relancer le job et vérifier le dépôt.",
              List.of("sauvegarde échouée", "sauvegarde echouee", "SAUVEGARDES ÉCHOUÉES")),
          new Target(
              "FR",
              "Certificat TLS expiré sur un site client",
              "Un certificat expiré bloque les visiteurs : renouveler via ACME et recharger nginx.",
              List.of("certificat expiré", "certificat expire")),
          new Target(
              "FR",
              "Réplication MySQL en retard",
              "La réplique accuse un retard de réplication : vérifier les transactions longues.",
              List.of("réplication en retard", "replication retard")),
          new Target(
              "FR",
              "Disque plein sur la partition /var",
              "Partition pleine : purger les journaux, jamais un fichier encore ouvert.",
              List.of("disque plein", "partition pleine")),
          new Target(
              "FR",
              "Serveur injoignable : redémarrage électrique",
              "Le serveur ne répond plus au ping : console IPMI, puis redémarrage électrique.",
              List.of("serveur injoignable", "redemarrage electrique")),
          new Target(
              "FR",
              "Mise à jour du noyau Linux",
              "Procédure de mise à jour du noyau avec redémarrage planifié des frontaux.",
              List.of("mise à jour noyau", "mise a jour du noyau")),
          new Target(
              "FR",
              "Restauration d'une base de données",
              "Restaurer une base de données depuis la dernière sauvegarde complète et les binlogs.",
              List.of("restauration base de données", "restaurer base de donnees")),
          new Target(
              "FR",
              "Renouvellement d'un nom de domaine",
              "Le renouvellement du domaine se fait chez le registraire trente jours avant terme.",
              List.of("renouvellement domaine")),
          new Target(
              "FR",
              "Saturation mémoire de PHP-FPM",
              "Saturation de la mémoire : réduire pm.max_children ou ajouter de la mémoire.",
              List.of("saturation mémoire", "saturation memoire")),
          new Target(
              "FR",
              "Ouverture d'un port sur le pare-feu",
              "Toute ouverture de port sur le pare-feu passe par une demande de changement.",
              List.of("ouverture port pare-feu")),
          new Target(
              "FR",
              "Échec de la bascule PRA",
              "Si la bascule du PRA échoue, revenir au site principal et prévenir le client.",
              List.of("bascule PRA", "echec bascule")),
          new Target(
              "FR",
              "Lenteurs de la boutique en ligne",
              "Des lenteurs sur la boutique viennent souvent du cache applicatif vidé.",
              List.of("lenteurs boutique", "lenteur de la boutique")),
          new Target(
              "EN",
              "Replication lag on a PostgreSQL standby",
              "When the standby is lagging, look at replay lag and long queries on the primary.",
              List.of("replication lag", "standby lagging")),
          new Target(
              "EN",
              "Disk full on the mail server",
              "The mail server's disk is full: purge the queue and old logs.",
              List.of("disk full mail server")),
          new Target(
              "EN",
              "Expired TLS certificate on the load balancer",
              "An expired certificate on the load balancer breaks every site behind it.",
              List.of("expired certificate load balancer", "tls certificate expired")),
          new Target(
              "EN",
              "Restoring a website from backup",
              "Restore the website's files and database from the last good backup.",
              List.of("restore website backup", "restoring websites")),
          new Target(
              "EN",
              "High load average on a hypervisor",
              "A high load on a hypervisor: find the noisy guest with top and iotop.",
              List.of("high load hypervisor")),
          new Target(
              "EN",
              "DNS zone transfer failing",
              "A failing zone transfer: check the TSIG key and the secondary's allow list.",
              List.of("dns zone transfer", "zone transfers failed")),
          new Target(
              "EN",
              "Kernel upgrade procedure",
              "Upgrade the kernel one node at a time, draining it from the cluster first.",
              List.of("kernel upgrade", "upgrading kernels")),
          new Target(
              "EN",
              "Out of memory killer on a database server",
              "The OOM killer chose MySQL: cap the buffer pool and add swap alerts.",
              List.of("memory killer database")),
          new Target(
              "EN",
              "Rotating SSH keys for a departing employee",
              "Rotate the SSH keys and revoke the VPN access of anyone who leaves.",
              List.of("rotate ssh keys", "ssh key rotation")),
          new Target(
              "EN",
              "Failed backup of a client database",
              "A failed backup of a database: rerun it, then check the repository's space.",
              List.of("failed backup database", "failed backups of databases")),
          new Target(
              "EN",
              "Slow checkout on an online shop",
              "A slow checkout is usually the payment provider or a cold cache.",
              List.of("slow checkout")),
          new Target(
              "EN",
              "Cron job not running",
              "A cron job that does not run: check the crontab, its user and the mail it sent.",
              List.of("cron job not running")));

  /** The test's 20 hosts; the scaled corpus numbers them ({@code web1-7}). */
  static final List<String> HOSTS =
      List.of(
          "web1", "web2", "web3", "db1", "db2", "lb1", "lb2", "mail1", "dns1", "dns2", "hv1", "hv2",
          "hv3", "nas1", "backup1", "shop1", "shop2", "crm1", "erp1", "vpn1");

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

  /** How many distractor templates each host gets. */
  static final int TEMPLATES = 10;

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

  private SearchCorpus() {}

  /** The 42 quality queries, each with the title of the article it must rank first. */
  static Map<String, String> qualityQueries() {
    Map<String, String> expected = new LinkedHashMap<>();
    for (Target t : TARGETS) {
      t.queries().forEach(q -> expected.put(q, t.title()));
    }
    return expected;
  }

  /** Every query of the load: the quality queries, then the extra ones. */
  static List<String> loadQueries() {
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
  static List<Article> articles(int articles, List<String> tenants) {
    List<Article> all = new ArrayList<>();
    for (int i = 0; i < TARGETS.size(); i++) {
      Target t = TARGETS.get(i);
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
    int hosts = Math.max(1, (articles - TARGETS.size() + TEMPLATES - 1) / TEMPLATES);
    for (int n = 0; n < hosts; n++) {
      String host =
          HOSTS.get(n % HOSTS.size()) + (n < HOSTS.size() ? "" : "-" + (n / HOSTS.size() + 1));
      String tenant = tenants.get(n % tenants.size());
      for (int template = 0; template < TEMPLATES; template++) {
        all.add(distractor(n, template, host, tenant));
      }
    }
    return all;
  }

  private static Article distractor(int n, int template, String host, String tenant) {
    String language = template % 2 == 0 ? "FR" : "EN";
    String[] text = text(template, host);
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
        text[0],
        longBody(text[1], language, n * TEMPLATES + template),
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

  /** The test's distractor number {@code template} for {@code host}: title and first paragraph. */
  private static String[] text(int template, String h) {
    return switch (template) {
      case 0 ->
          new String[] {
            "Cahier d'exploitation mensuel de " + h,
            "Ce mois-ci sur "
                + h
                + " : aucune sauvegarde échouée, un certificat expiré renouvelé, la"
                + " réplication en retard une fois, un disque plein évité, une mise à jour"
                + " du noyau, une restauration de base de données testée, le renouvellement"
                + " du domaine fait, aucune saturation mémoire, une ouverture de port sur le"
                + " pare-feu, un test de bascule PRA, des lenteurs de la boutique corrigées,"
                + " le serveur injoignable une nuit puis un redémarrage électrique."
          };
      case 1 ->
          new String[] {
            "Monthly operations summary for " + h,
            "This month on "
                + h
                + ": no failed backup of the database, replication lag stayed low, one"
                + " expired certificate on the load balancer renewed, disk full on the mail"
                + " server avoided, a kernel upgrade, a restore of a website from backup"
                + " tested, high load on the hypervisor once, dns zone transfer checked, the"
                + " memory killer never hit the database, ssh keys rotated, a slow checkout"
                + " fixed, one cron job not running."
          };
      case 2 ->
          new String[] {
            "Intervention planifiée sur " + h,
            "Redémarrage de "
                + h
                + " à 22 h ; la sauvegarde du soir est décalée et le serveur est sorti du"
                + " répartiteur pendant l'intervention."
          };
      case 3 ->
          new String[] {
            "Planned maintenance on " + h,
            h
                + " reboots at 10 pm for a package update; the backup runs after it and the"
                + " load balancer drains it first."
          };
      case 4 ->
          new String[] {
            "Changement de configuration sur " + h,
            "Paramètres nginx et PHP revus sur " + h + " ; la base est inchangée."
          };
      case 5 ->
          new String[] {
            "Configuration change on " + h,
            "Network settings reviewed on " + h + "; the certificate store untouched."
          };
      case 6 ->
          new String[] {
            "Inventaire matériel de " + h,
            "Disques, mémoire et alimentation de " + h + " : tout est sous garantie."
          };
      case 7 ->
          new String[] {
            "Hardware inventory of " + h,
            "Disks, memory and power supplies of " + h + ": all under warranty."
          };
      case 8 ->
          new String[] {
            "Contacts d'astreinte pour " + h,
            "En cas d'alerte sur " + h + ", appeler l'astreinte niveau 2."
          };
      default ->
          new String[] {
            "On-call contacts for " + h, "On an alert on " + h + ", call level 2 on duty."
          };
    };
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
