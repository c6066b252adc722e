-- wrk script: POSTs the body in $BODY_FILE with `Authorization: Bearer $AUTH`. Nothing runs in
-- Lua per request or per answer (wrk builds the request once and counts the answers that are not
-- 2xx or 3xx itself, as "Non-2xx or 3xx responses"): the load generator shares the machine's cores
-- with what it measures, so it should take as little of them as it can.
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("AUTH")
