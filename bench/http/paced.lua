-- Paces wrk to about RATE requests/s in all: each of CONNS connections waits
-- CONNS/RATE s (±50 %) between its requests. Closed loop: a slow response also
-- delays the next request of its connection, so p99 here is a lower bound.
local rate = tonumber(os.getenv("RATE") or "1000")
local conns = tonumber(os.getenv("CONNS") or "64")
local gap_ms = conns * 1000 / rate
function delay()
  return math.floor(gap_ms * (0.5 + math.random()))
end
