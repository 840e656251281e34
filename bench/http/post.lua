-- POST /api/v1/contacts with a unique email per request (wrk runs one Lua state per thread).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local n = 0
function request()
  n = n + 1
  local body = string.format('{"first_name":"Load","last_name":"Test","email":"w%d-%d-%d@bench.example"}',
    tid, os.time(), n)
  return wrk.format(nil, nil, nil, body)
end
