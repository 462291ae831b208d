-- The wrk script of bench/run-all.sh. Environment:
--   BENCH_TOKEN     a bearer token (Authorization header), if set
--   BENCH_PROJECTS  a file of project ids, one a line: then each request is a ¥1.00 pre-disbursement request
--                   (POST /projects/{id}/disbursements), to the projects in turn, each thread from its own start
-- done() prints one line: RESULT <requests/s> <p99 ms> <non-2xx or failed requests>
local token = os.getenv("BENCH_TOKEN")
local projects_file = os.getenv("BENCH_PROJECTS")
local projects = {}
local next_project = 0
local body = '{"kind":"PRE_DISBURSEMENT","amount":1.00,"purpose":"基准预拨"}'

local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  if token then wrk.headers["Authorization"] = "Bearer " .. token end
  if projects_file then
    for line in io.lines(projects_file) do projects[#projects + 1] = line end
    wrk.headers["Content-Type"] = "application/json"
    next_project = (id or 0) * 7 % #projects -- threads start apart, so they contend as rarely as the clients of a real office
  end
end

function request()
  if #projects > 0 then
    next_project = next_project % #projects + 1
    return wrk.format("POST", "/projects/" .. projects[next_project] .. "/disbursements", nil, body)
  end
  return wrk.format()
end

function done(summary, latency, requests)
  local e = summary.errors
  local failed = e.status + e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %.0f %.1f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(99) / 1000, failed))
end
