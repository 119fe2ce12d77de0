-- wrk script of benchmarks/run-backup.sh (see benchmarks/README.md): a GET as a backup tool's
-- Healthchecks hook or a cron job's curl sends it, with no bearer token (a ping's key is its
-- credential) and curl's "Accept: */*" (the ping answers text/plain "OK": a client asking for JSON
-- only gets 406, which is why the 2,000-policy run counted every ping as an error), and the results
-- in the form the benchmark parses (the same line as inventory.lua's).
--
--   wrk -t 2 -c 32 -d 30s --timeout 30s --latency -s ping.lua http://127.0.0.1:PORT/ping/KEY

wrk.headers["Accept"] = "*/*"
wrk.headers["User-Agent"] = "curl/7.88.1"

-- main state, after the run: one line the benchmark parses (latencies in microseconds)
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'vigie-wrk {"requests":%d,"durationMicros":%d,"bytes":%d,"connectErrors":%d,'
      .. '"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d,'
      .. '"minMicros":%.0f,"meanMicros":%.1f,"maxMicros":%.0f,"stdevMicros":%.1f,'
      .. '"p50Micros":%.0f,"p90Micros":%.0f,"p99Micros":%.0f,"p999Micros":%.0f}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, latency.min, latency.mean, latency.max, latency.stdev,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9)))
end
