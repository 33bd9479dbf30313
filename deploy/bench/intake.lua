-- wrk: complaint registrations, each with a subject of its own. TOKEN: a desk user's bearer token, e.g.
-- TOKEN=$(curl -s localhost:8080/api/auth/token -H 'Content-Type: application/json' \
--   -d '{"username":"desk","password":"demo"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
local counter = 0
request = function()
  counter = counter + 1
  local body = '{"channel":"VISIT","category":"FACILITY","severity":"NORMAL",'
    .. '"customer":{"name":"王芳","phone":"13812345678"},"subject":"空调不制冷 ' .. counter .. '","description":"3楼 A-1024"}'
  return wrk.format(nil, "/api/complaints", nil, body)
end
