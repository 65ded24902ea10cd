-- wrk script for `make load`: cycles through the public pages listed (one path a line) in the file
-- named by $URLS, each thread starting at a different place. Every $BUST_EVERY-th request (default
-- 200) is a fresh query string instead ($BUST_PATH, "{n}" replaced by a counter), which misses the
-- page cache: searches, or a crawler varying the query string. done() prints latency percentiles.

local paths = {}
local counter = 0
local bust_every = tonumber(os.getenv("BUST_EVERY") or "200")
local bust_path = os.getenv("BUST_PATH") or "/actions/?district=chaoyang&page={n}"

local file = assert(io.open(os.getenv("URLS") or "bench/out/urls.txt"))
for line in file:lines() do
  if line ~= "" then paths[#paths + 1] = line end
end
file:close()

local threads = {}
function setup(thread)
  thread:set("offset", #threads * 7)
  threads[#threads + 1] = thread
end

function init(args)
  counter = offset or 0
  wrk.headers["X-Forwarded-Proto"] = "https"
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  if bust_every > 0 and counter % bust_every == 0 then
    path = bust_path:gsub("{n}", tostring(counter))
  end
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  io.write(string.format("paths cycled: %d\n", #paths))
  io.write(string.format("errors (connect/read/write/timeout): %d/%d/%d/%d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  for _, p in ipairs({50, 90, 95, 99, 99.9}) do
    io.write(string.format("latency p%s: %.1f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("latency max: %.1f ms\n", latency.max / 1000))
end
