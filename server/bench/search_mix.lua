-- wrk script: a small mix of what the search page asks, cycled per connection.
--   wrk -t2 -c8 -d15s --latency -s server/bench/search_mix.lua http://127.0.0.1:8080 [-- MS]
-- With MS, each connection waits MS milliseconds between a reply and its next request (a
-- reader's think time): a steady load below saturation, where latency is the server's and
-- not the queue's (scripts/soak).
local paths = {
  "/api/search?q=rent+control",
  "/api/search?q=strike&topic=Labor",
  "/api/search?q=%22minimum+wage%22&sort=newest",
  "/api/search",
  "/api/search?q=housing&city=Seattle&page=2",
  "/api/search?q=organi*&per_page=20",
  "/api/search?q=police&from=2016&to=2018-06",
  "/api/search?q=union&format=ids",
  "/healthz",
}
local counter = 0

request = function()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  return wrk.format("GET", path, { ["Accept-Encoding"] = "gzip" })
end

function init(args)
  local pause_ms = tonumber(args[1] or "")
  if pause_ms and pause_ms > 0 then
    delay = function()
      return pause_ms
    end
  end
end
