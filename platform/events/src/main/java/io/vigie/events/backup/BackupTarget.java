package io.vigie.events.backup;

import java.util.UUID;

/**
 * What a policy backs up, as ticket-service shows it on an incident: the inventory id of the
 * server, VM or hosted service, and its name as people say it.
 *
 * @param kind SERVER, VIRTUAL_MACHINE or HOSTED_SERVICE
 */
public record BackupTarget(String kind, UUID id, String name) {}
