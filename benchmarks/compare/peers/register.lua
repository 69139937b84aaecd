-- wrk script: the register POST with the same body and bearer header as every other tool,
-- and a JSON line at the end with the figures compare.sh reads.
local body_file = os.getenv("PERF_BODY_FILE")
local token = os.getenv("PERF_TOKEN") or "perf-token"

local f = assert(io.open(body_file, "rb"), "PERF_BODY_FILE not readable")
wrk.body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.path = "/api/Investors/Register?api-version=2.0"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
   io.write(string.format(
      'PERF_JSON {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,"errors":%d}\n',
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
