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
