package io.vigie.monitoring.probe;

import io.vigie.monitoring.checks.CheckStatus;

/**
 * One run's verdict as a Monitoring Plugin prints it: a status, a one-line output and performance
 * data ({@code time=0.012s;;;0 size=512B;;;0}).
 */
public record ProbeResult(CheckStatus status, String output, String perfdata) {}
