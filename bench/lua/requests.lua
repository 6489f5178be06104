-- wrk script: replays the pre-formatted requests of a workload file (first argument).
package.path = package.path .. ";" .. os.getenv("OOFGATE_BENCH_LUA") .. "/?.lua"
local common = require("common")
local requests
local index = 0

function init(args)
  requests = common.load(args[1])
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
  index = math.random(#requests)
end

function request()
  index = index % #requests + 1
  return requests[index]
end

-- The latency distribution for bench/run's CDF plots: one "CDF <percentile> <microseconds>" line
-- per point, denser in the tail where servers differ.
local cdf_points = {1, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 97.5, 99, 99.5, 99.9, 99.99, 99.999}

function done(summary, latency, requests)
  for _, p in ipairs(cdf_points) do
    io.write(string.format("CDF %g %d\n", p, latency:percentile(p)))
  end
end
