package io.vigie.console.api;

import java.util.List;

/** One client's backup coverage and its gaps. */
@ApiSchema(service = "backup-service", schema = "ClientCoverage")
public record ClientCoverage(
    String tenant, String name, Integer copies, Integer distinctSites, List<CoverageGap> gaps) {}
