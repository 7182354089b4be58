-- wrk script for bench/run: cycles through request paths read from a file, one per line
-- (bench/run writes /api/search?q=...&facets=topic,city,year from the query set). Each
-- thread (its own Lua state) starts at its own offset, so that they do not ask in step.
--   wrk -t2 -c32 -d20s --latency -s bench/wrk_queries.lua http://127.0.0.1:PORT -- PATHS
local paths = {}
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 331)
end

function init(args)
  local file = assert(io.open(args[1], "r"), "wrk_queries.lua: cannot read " .. tostring(args[1]))
  for line in file:lines() do
    if line ~= "" then paths[#paths + 1] = line end
  end
  file:close()
  counter = offset or 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
