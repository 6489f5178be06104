-- Shared by every workload: reads the request list written by bench/run and hands out
-- requests round-robin from a per-thread random start, so connections spread over mailboxes.
local common = {}

function common.load(path)
  local requests = {}
  for line in io.lines(path) do
    -- Each line: METHOD<TAB>PATH<TAB>HEADERS(k=v|k=v)<TAB>BODY
    local method, target, headers, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    local h = {}
    for pair in headers:gmatch("[^|]+") do
      local k, v = pair:match("^([^=]+)=(.*)$")
      h[k] = v
    end
    if body == "" then body = nil end
    requests[#requests + 1] = wrk.format(method, target, h, body)
  end
  return requests
end

return common
