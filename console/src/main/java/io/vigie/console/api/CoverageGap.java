package io.vigie.console.api;

import java.time.Instant;
import java.util.UUID;

/** A promise the backups do not keep (a copy missing, a site missing...). */
@ApiSchema(service = "backup-service", schema = "GapView")
public record CoverageGap(
    String kind,
    String subjectKind,
    UUID subjectId,
    String subjectName,
    String promised,
    String actual,
    Instant since) {}
