-- wrk script of benchmarks/run-search.sh (see benchmarks/README.md): knowledge-base searches as
-- staff and clients send them, each with its own bearer token, and the results in the form the
-- benchmark parses (the same line as inventory.lua's).
--
--   wrk -t 2 -c 32 -d 30s --timeout 30s --latency -s search.lua http://127.0.0.1:PORT -- REQUESTS
--
-- REQUESTS: a file of "<path and query><TAB><bearer token>" lines, written by the benchmark before
-- each run (fresh tokens) in the mix it measures: line i is slot i mod 20 (10 staff searches, 3
-- staff searches of runbooks, 7 client searches with their count), the questions and clients
-- varying from line to line. Each thread starts at its own place in the file and walks it in a
-- loop; the requests are formatted once, at start.

local threads = 0

-- main state: numbers the threads before they start
function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

local requests, position = {}, 0

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local path, token = line:match("^([^\t]+)\t(.+)$")
    if path then
      requests[#requests + 1] = wrk.format("GET", path,
        { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" })
    end
  end
  file:close()
  assert(#requests > 0, "no request in " .. args[1])
  position = (thread_index * 7919) % #requests
end

function request()
  position = position % #requests + 1
  return requests[position]
end

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
