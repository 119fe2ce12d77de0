package io.vigie.ticket.knowledge;

import static io.vigie.ticket.knowledge.Articles.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigie.testkit.TestTokens;
import io.vigie.testkit.VigieTestResources;
import io.vigie.ticket.InventoryFeed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Search quality on a fixed corpus: 24 articles the queries are about, in French and English, among
 * 200 distractors that share their vocabulary (monthly logs that mention every problem in passing,
 * planned interventions, changes) — 224 articles. For each of 42 queries in both languages, with
 * and without French accents, the expected article must rank first; the hit rate is printed.
 */
@QuarkusTest
@QuarkusTestResource(VigieTestResources.class)
class SearchQualityTest {

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

  static final List<String> HOSTS =
      List.of(
          "web1", "web2", "web3", "db1", "db2", "lb1", "lb2", "mail1", "dns1", "dns2", "hv1", "hv2",
          "hv3", "nas1", "backup1", "shop1", "shop2", "crm1", "erp1", "vpn1");

  static List<Map<String, String>> distractors() {
    List<Map<String, String>> all = new ArrayList<>();
    for (String h : HOSTS) {
      all.add(
          Map.of(
              "language", "FR",
              "title", "Cahier d'exploitation mensuel de " + h,
              "body",
                  "Ce mois-ci sur "
                      + h
                      + " : aucune sauvegarde échouée, un certificat expiré renouvelé, la"
                      + " réplication en retard une fois, un disque plein évité, une mise à jour"
                      + " du noyau, une restauration de base de données testée, le renouvellement"
                      + " du domaine fait, aucune saturation mémoire, une ouverture de port sur le"
                      + " pare-feu, un test de bascule PRA, des lenteurs de la boutique corrigées,"
                      + " le serveur injoignable une nuit puis un redémarrage électrique."));
      all.add(
          Map.of(
              "language", "EN",
              "title", "Monthly operations summary for " + h,
              "body",
                  "This month on "
                      + h
                      + ": no failed backup of the database, replication lag stayed low, one"
                      + " expired certificate on the load balancer renewed, disk full on the mail"
                      + " server avoided, a kernel upgrade, a restore of a website from backup"
                      + " tested, high load on the hypervisor once, dns zone transfer checked, the"
                      + " memory killer never hit the database, ssh keys rotated, a slow checkout"
                      + " fixed, one cron job not running."));
      all.add(
          Map.of(
              "language", "FR",
              "title", "Intervention planifiée sur " + h,
              "body",
                  "Redémarrage de "
                      + h
                      + " à 22 h ; la sauvegarde du soir est décalée et le serveur est sorti du"
                      + " répartiteur pendant l'intervention."));
      all.add(
          Map.of(
              "language", "EN",
              "title", "Planned maintenance on " + h,
              "body",
                  h
                      + " reboots at 10 pm for a package update; the backup runs after it and the"
                      + " load balancer drains it first."));
      all.add(
          Map.of(
              "language", "FR",
              "title", "Changement de configuration sur " + h,
              "body", "Paramètres nginx et PHP revus sur " + h + " ; la base est inchangée."));
      all.add(
          Map.of(
              "language", "EN",
              "title", "Configuration change on " + h,
              "body", "Network settings reviewed on " + h + "; the certificate store untouched."));
      all.add(
          Map.of(
              "language", "FR",
              "title", "Inventaire matériel de " + h,
              "body", "Disques, mémoire et alimentation de " + h + " : tout est sous garantie."));
      all.add(
          Map.of(
              "language", "EN",
              "title", "Hardware inventory of " + h,
              "body", "Disks, memory and power supplies of " + h + ": all under warranty."));
      all.add(
          Map.of(
              "language", "FR",
              "title", "Contacts d'astreinte pour " + h,
              "body", "En cas d'alerte sur " + h + ", appeler l'astreinte niveau 2."));
      all.add(
          Map.of(
              "language", "EN",
              "title", "On-call contacts for " + h,
              "body", "On an alert on " + h + ", call level 2 on duty."));
    }
    return all;
  }

  @Test
  void theExpectedArticleRanksFirstForEveryQueryInBothLanguages() {
    String tenant = InventoryFeed.tenant("corpus");
    InventoryFeed.client(tenant, InventoryFeed.aroundTheClock());
    Map<String, String> expected = new LinkedHashMap<>();
    for (Target t : TARGETS) {
      String id = write(tenant, t.language(), t.title(), t.body());
      t.queries().forEach(q -> expected.put(q, id));
    }
    List<Map<String, String>> distractors = distractors();
    for (Map<String, String> d : distractors) {
      write(tenant, d.get("language"), d.get("title"), d.get("body"));
    }
    int corpus = TARGETS.size() + distractors.size();
    assertThat(corpus).isGreaterThanOrEqualTo(200);
    assertThat(expected).hasSizeGreaterThanOrEqualTo(20);

    List<String> misses = new ArrayList<>();
    for (Map.Entry<String, String> query : expected.entrySet()) {
      List<String> ids =
          as(TestTokens.support())
              .queryParam("q", query.getKey())
              .queryParam("tenant", tenant)
              .queryParam("size", 5)
              .get(Articles.PATH + "/search")
              .then()
              .statusCode(200)
              .extract()
              .path("items.id");
      if (ids.isEmpty() || !ids.get(0).equals(query.getValue())) {
        misses.add(query.getKey() + " -> " + ids);
      }
    }
    System.out.printf(
        "Search quality: %d of %d queries rank the expected article first, corpus of %d"
            + " articles%n",
        expected.size() - misses.size(), expected.size(), corpus);
    assertThat(misses).isEmpty();
  }

  private static String write(String tenant, String language, String title, String body) {
    Map<String, Object> a =
        new HashMap<>(Articles.article("RUNBOOK", "INTERNAL", tenant, title, body));
    a.put("language", language);
    return Articles.create(a);
  }
}
