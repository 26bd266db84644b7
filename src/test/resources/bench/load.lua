-- wrk script of io.atspro.bench.LoadBenchmark: replays the requests of a data file written by the harness.
--
--   wrk -t2 -c16 -d30s --latency -s load.lua http://127.0.0.1:PORT -- DATA_FILE THREADS
--
-- DATA_FILE has one line per bearer token, "T<TAB>Bearer ...", then one per request,
-- "R<TAB>method<TAB>token<TAB>path<TAB>content type<TAB>body": token is the 1-based index of the bearer token (0: no
-- Authorization header); the body is percent-encoded (%, tab, CR, LF and non-ASCII bytes) and may be empty.
-- (Not a Lua table: LuaJIT refuses chunks with tens of thousands of constants.)
-- Thread k sends requests k, k + THREADS, k + 2 * THREADS, ..., starting over at the end, so each request of a
-- once-only list (status moves) is sent by exactly one thread. A status move (POST .../status) is sent once: when a
-- thread starts over, it skips them (a second "applied" to the same application is a correct 409, not an error).
-- done() prints one LOADBENCH line the harness parses: wrk's own summary lacks p95 and counts 3xx as success.

local threads = {}
local next_id = 1

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

function init(args)
   tokens = {}
   requests = {}
   for line in io.lines(args[1]) do
      local fields = {}
      for field in (line .. "\t"):gmatch("([^\t]*)\t") do
         table.insert(fields, field)
      end
      if fields[1] == "T" then
         table.insert(tokens, fields[2])
      elseif fields[1] == "R" then
         local body = fields[6]
         if body == "" then
            body = nil
         else
            body = body:gsub("%%(%x%x)", function(hex) return string.char(tonumber(hex, 16)) end)
         end
         local ct = fields[5]
         if ct == "" then
            ct = nil
         end
         local once = fields[2] == "POST" and fields[4]:sub(-7) == "/status"
         table.insert(requests, { m = fields[2], t = tonumber(fields[3]), p = fields[4], ct = ct, b = body, once = once })
      end
   end
   stride = tonumber(args[2])
   position = id
   wrapped = false
   -- wrk builds thread 1's first request once before the run only to check it parses, and never sends it:
   -- that call must not use up a request of the list (it was a status move, lost, and a later move of the same
   -- application answered 409 once per run)
   verification = id == 1
   non2xx = 0
   statuses = ""
   first_error = ""
   counts = {}
end

function request()
   local r = requests[position]
   if verification then
      verification = false
      return format(r)
   end
   local skipped = 0
   while r.once and wrapped and skipped < #requests do
      advance()
      r = requests[position]
      skipped = skipped + 1
   end
   advance()
   return format(r)
end

function format(r)
   local headers = {}
   if r.t > 0 then
      headers["Authorization"] = tokens[r.t]
   end
   if r.b then
      headers["Content-Type"] = r.ct or "application/json"
   end
   return wrk.format(r.m, r.p, headers, r.b)
end

function advance()
   position = position + stride
   if position > #requests then
      position = ((position - 1) % #requests) + 1
      wrapped = true
   end
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      if first_error == "" then
         first_error = status .. " " .. string.sub(body or "", 1, 300):gsub("%s", " ")
      end
      counts[status] = (counts[status] or 0) + 1
      local parts = {}
      for code, n in pairs(counts) do
         table.insert(parts, code .. ":" .. n)
      end
      statuses = table.concat(parts, ",")
   end
end

function done(summary, latency, requests)
   local failed = 0
   local detail = {}
   for _, thread in ipairs(threads) do
      failed = failed + thread:get("non2xx")
      local s = thread:get("statuses")
      if s ~= "" then
         table.insert(detail, s)
      end
   end
   for _, thread in ipairs(threads) do
      local first = thread:get("first_error")
      if first ~= "" then
         io.write("LOADBENCH-FIRST-ERROR " .. first .. "\n")
      end
   end
   local e = summary.errors
   io.write(string.format("LOADBENCH requests=%d duration_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d "
         .. "p50=%d p95=%d p99=%d max=%d mean=%.1f statuses=%s\n",
      summary.requests, summary.duration, failed, e.connect, e.read, e.write, e.timeout,
      latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean,
      table.concat(detail, ";")))
end
