-- wrk script of benchmarks/run-inventory.sh (see benchmarks/README.md): the inventory API's
-- requests, with an engineer's signed bearer token, and the results in a form the benchmark parses.
--
--   VIGIE_BENCH_TOKEN=<jwt> wrk -t 2 -c 32 -d 30s --timeout 30s -s inventory.lua \
--       'http://127.0.0.1:PORT/api/v1/servers?page=0&size=50' -- get
--   VIGIE_BENCH_TOKEN=<jwt> wrk -t 2 -c 32 -d 30s --timeout 30s -s inventory.lua \
--       http://127.0.0.1:PORT/api/v1/servers -- create BODIES FIRST THREADS
--
-- get: the URL's GET, the same request every time (wrk formats it once).
-- create: POST of the server bodies in the file BODIES, one line per kind of server,
--   "<host name prefix><TAB><JSON body>", the body holding HOSTNAME and the management address
--   10.2.0.0 as placeholders. Request number n (FIRST, FIRST+1, ... over all THREADS threads, each
--   thread taking every THREADS-th) uses kind n mod <kinds>, the host name
--   <prefix>-<n, 7 digits>.par-dc2.example.net, the management address 10.2.<n/250 mod 250>.<n mod
--   250 + 1> and the Idempotency-Key vigie-bench-<n>: every request creates a new server.
-- The token is read from the environment, not the command line.

local threads = 0

-- main state: numbers the threads before they start
function setup(thread)
  thread:set("thread_index", threads)
  threads = threads + 1
end

local mode, kinds, first, stride, counter, headers = "get", {}, 0, 1, 0, nil

function init(args)
  local token = os.getenv("VIGIE_BENCH_TOKEN")
  if token == nil or token == "" then
    error("VIGIE_BENCH_TOKEN is not set")
  end
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Accept"] = "application/json"
  mode = args[1] or "get"
  if mode == "create" then
    local file = assert(io.open(args[2], "r"))
    for line in file:lines() do
      local prefix, body = line:match("^([^\t]+)\t(.+)$")
      if prefix then
        kinds[#kinds + 1] = { prefix = prefix, body = body }
      end
    end
    file:close()
    assert(#kinds > 0, "no server body in " .. args[2])
    first = tonumber(args[3])
    stride = tonumber(args[4])
    headers = {}
    for name, value in pairs(wrk.headers) do
      headers[name] = value
    end
    headers["Content-Type"] = "application/json"
    request = create
  elseif mode ~= "get" then
    error("unknown mode " .. mode .. ": get or create")
  end
end

function create()
  local n = first + counter * stride + thread_index
  counter = counter + 1
  local kind = kinds[n % #kinds + 1]
  local hostname = string.format("%s-%07d.par-dc2.example.net", kind.prefix, n)
  local ip = string.format("10.2.%d.%d", math.floor(n / 250) % 250, n % 250 + 1)
  local body = kind.body:gsub("HOSTNAME", hostname, 1):gsub("10%.2%.0%.0", ip, 1)
  headers["Idempotency-Key"] = "vigie-bench-" .. n
  return wrk.format("POST", nil, headers, body)
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
